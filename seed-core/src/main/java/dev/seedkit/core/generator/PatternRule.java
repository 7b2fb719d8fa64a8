package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Text from a pattern such as {@code user{n}@example.com}: literal text with placeholders {@code {n}} (row number
 * from 1), {@code {k}} (position in the fan-out group, from 1), {@code {#}} (a digit), {@code {?}} (a lower-case
 * letter), {@code {tier}}, {@code {depth}} (tree level, root 1), {@code {a|b|c}} (one of the words),
 * {@code {10..99}} (a whole number in the range), and {@code {column}} or {@code {fk_column.parent_column}} (another
 * value of the row or of its parent). {@code {{} and {@code }}} write braces.
 */
final class PatternRule implements Rule {

    /** One piece of a pattern. */
    private interface Part {
        void append(Row row, StringBuilder out, PatternRule rule, int index);
    }

    private final List<Part> parts;
    private final Random64 random;
    private final boolean numbered;
    private final StringBuilder text = new StringBuilder();
    private boolean busy;

    private PatternRule(List<Part> parts, Random64 random, boolean numbered) {
        this.parts = List.copyOf(parts);
        this.random = random;
        this.numbered = numbered;
    }

    /**
     * Parses {@code pattern}; {@code columns} resolves a column placeholder (throwing for unknown names),
     * {@code error} makes the configuration error for a malformed pattern.
     */
    static PatternRule parse(String pattern, Random64 random, Function<String, ValueRef> columns,
            Function<String, RuntimeException> error) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean numbered = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw error.apply("the placeholder at character " + (i + 1) + " has no closing }; write {{ for a "
                            + "literal {");
                }
                flush(parts, literal);
                String name = pattern.substring(i + 1, close).trim();
                numbered |= name.equals("n");
                parts.add(placeholder(name, columns, error));
                i = close + 1;
            } else if (c == '}') {
                throw error.apply("a } at character " + (i + 1) + " closes nothing; write }} for a literal }");
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(parts, literal);
        return new PatternRule(parts, random, numbered);
    }

    private static void flush(List<Part> parts, StringBuilder literal) {
        if (literal.length() > 0) {
            String text = literal.toString();
            parts.add((row, out, rule, index) -> out.append(text));
            literal.setLength(0);
        }
    }

    private static Part placeholder(String name, Function<String, ValueRef> columns,
            Function<String, RuntimeException> error) {
        switch (name) {
            case "n": return (row, out, rule, index) -> out.append(row.index() + 1);
            case "k": return (row, out, rule, index) -> out.append(row.group().position + 1);
            case "#": return (row, out, rule, index) -> out.append((char) ('0' + rule.draw(row, index).below(10)));
            case "?": return (row, out, rule, index) -> out.append((char) ('a' + rule.draw(row, index).below(26)));
            case "depth": return (row, out, rule, index) ->
                    out.append(64 - Long.numberOfLeadingZeros(row.group().position + 1));
            case "tier": return (row, out, rule, index) -> {
                int tier = row.tier();
                out.append(tier < 0 ? "" : row.plan().shape().tierNames().get(tier));
            };
            default: break;
        }
        if (name.contains("|")) {
            String[] words = name.split("\\|", -1);
            return (row, out, rule, index) -> out.append(words[(int) rule.draw(row, index).below(words.length)]);
        }
        if (name.matches("-?\\d+\\s*\\.\\.\\s*-?\\d+")) {
            String[] bounds = name.split("\\.\\.");
            long low = Long.parseLong(bounds[0].trim());
            long high = Long.parseLong(bounds[1].trim());
            if (low > high) {
                throw error.apply("the range {" + name + "} is empty; write the lower bound first");
            }
            return (row, out, rule, index) -> out.append(rule.draw(row, index).between(low, high));
        }
        if (name.isEmpty()) {
            throw error.apply("an empty placeholder {}; write {{}} for literal braces");
        }
        ValueRef ref = columns.apply(name);
        return (row, out, rule, index) -> SlotFormat.appendPlain(out, ref.get(row));
    }

    /** The random stream of part {@code index} of the pattern, positioned on the row. */
    private Random64 draw(Row row, int index) {
        return random.at(row.index(), index);
    }

    @Override
    public void fill(Row row, Slot out) {
        // A placeholder may read a parent row made by this same rule (a self-reference): it then gets a builder of
        // its own.
        boolean outer = !busy;
        StringBuilder builder = outer ? text : new StringBuilder();
        busy = true;
        try {
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).append(row, builder, this, i);
            }
            out.setText(builder.toString());
        } finally {
            builder.setLength(0);
            busy = !outer;
        }
    }

    @Override
    public boolean distinctPerRow() {
        return numbered;
    }
}
