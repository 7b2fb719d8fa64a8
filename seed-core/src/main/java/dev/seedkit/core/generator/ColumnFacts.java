package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the CHECK constraints of a table (and the domains of its columns) say about one column, as far as
 * {@link CheckParser} understands them: comparisons with constants, allowed values, lengths, NOT NULL, and how it
 * compares with other columns. Constraints it does not understand are listed with the columns they mention, so
 * defaults can be flagged as guesses.
 */
final class ColumnFacts {

    /** A comparison of this column with another: {@code this op other}. */
    record Relation(String op, String other, String constraint) {
    }

    /** A comparison with a constant and the constraint (or domain) that makes it. */
    record Bound(CheckParser.Compare compare, String constraint) {
    }

    final List<Bound> compares = new ArrayList<>();
    final List<List<String>> allowed = new ArrayList<>();
    final List<Relation> relations = new ArrayList<>();
    final List<String> notUnderstood = new ArrayList<>();
    Integer minLength;
    Integer maxLength;
    boolean notNull;

    /** The values every IN list allows (their intersection, in the first list's order); null when none. */
    List<String> allowedValues() {
        if (allowed.isEmpty()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>(allowed.get(0));
        for (List<String> list : allowed.subList(1, allowed.size())) {
            values.retainAll(list);
        }
        return new ArrayList<>(values);
    }

    /** The facts of every column of a table, from its checks and its columns' domains. */
    static Map<String, ColumnFacts> of(List<TypeCatalog.Check> checks, Map<String, ColumnType> columnTypes) {
        Map<String, ColumnFacts> facts = new HashMap<>();
        columnTypes.keySet().forEach(column -> facts.put(column, new ColumnFacts()));
        for (TypeCatalog.Check check : checks) {
            CheckParser.Facts parsed = CheckParser.parse(check.definition());
            parsed.facts().forEach(fact -> apply(facts, fact, null, check.name()));
            for (String text : parsed.notUnderstood()) {
                for (String column : mentioned(text, columnTypes.keySet())) {
                    facts.get(column).notUnderstood.add(check.name() + ": " + text);
                }
            }
        }
        columnTypes.forEach((column, type) -> {
            for (CheckParser.Facts domain : type.domainChecks()) {
                domain.facts().forEach(fact -> apply(facts, fact, column, type.name()));
                domain.notUnderstood().forEach(text -> facts.get(column).notUnderstood.add(type.name() + ": " + text));
            }
            facts.get(column).notNull |= type.domainNotNull();
        });
        return facts;
    }

    /** Applies a fact; {@code domainColumn} replaces {@code VALUE} for a domain's checks. */
    private static void apply(Map<String, ColumnFacts> facts, CheckParser.Fact fact, String domainColumn,
            String constraint) {
        if (fact instanceof CheckParser.Compare c) {
            at(facts, c.column(), domainColumn).ifPresent(f -> f.compares.add(new Bound(c, constraint)));
        } else if (fact instanceof CheckParser.InList in) {
            at(facts, in.column(), domainColumn).ifPresent(f -> f.allowed.add(in.values()));
        } else if (fact instanceof CheckParser.Length length) {
            at(facts, length.column(), domainColumn).ifPresent(f -> f.length(length));
        } else if (fact instanceof CheckParser.NotNull notNull) {
            at(facts, notNull.column(), domainColumn).ifPresent(f -> f.notNull = true);
        } else if (fact instanceof CheckParser.Relation r && domainColumn == null) {
            // Kept on the greater side: "a < b" is noted on b as "b > a".
            boolean lessThan = r.op().equals("<") || r.op().equals("<=");
            String greater = lessThan ? r.right() : r.left();
            String lesser = lessThan ? r.left() : r.right();
            String op = switch (r.op()) {
                case "<" -> ">";
                case "<=" -> ">=";
                default -> r.op();
            };
            at(facts, greater, null).ifPresent(f -> f.relations.add(new Relation(op, lesser, constraint)));
        }
    }

    private static Optional<ColumnFacts> at(Map<String, ColumnFacts> facts, String column, String domainColumn) {
        String name = domainColumn != null && column.equalsIgnoreCase("VALUE") ? domainColumn : column;
        return Optional.ofNullable(facts.get(name));
    }

    private void length(CheckParser.Length length) {
        switch (length.op()) {
            case ">=" -> minLength = Math.max(minLength == null ? 0 : minLength, length.length());
            case ">" -> minLength = Math.max(minLength == null ? 0 : minLength, length.length() + 1);
            case "<=" -> maxLength = Math.min(maxLength == null ? Integer.MAX_VALUE : maxLength, length.length());
            case "<" -> maxLength = Math.min(maxLength == null ? Integer.MAX_VALUE : maxLength, length.length() - 1);
            case "=" -> {
                minLength = length.length();
                maxLength = length.length();
            }
            default -> { }
        }
    }

    /** The table's column names that appear as words in {@code text}. */
    static List<String> mentioned(String text, Set<String> columns) {
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            if (text.matches("(?s).*(?<![\\w$])\"?" + Pattern.quote(column) + "\"?(?![\\w$]).*")) {
                found.add(column);
            }
        }
        return found;
    }
}
