package dev.seedkit.core.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code CHECK} constraints the generator can honour from their {@code pg_get_constraintdef} text:
 * conjunctions of comparisons of a column with a constant ({@code price > 0}, {@code starts_on >= '2020-01-01'}),
 * {@code IN} lists and their {@code = ANY (ARRAY[...])} form, ORs of equalities on one column, lengths
 * ({@code char_length(code) >= 3}), {@code IS NOT NULL}, and comparisons of two columns ({@code ends_at >
 * starts_at}). A domain's checks name the value {@code VALUE}. Whatever else a constraint says is reported as not
 * understood, with the columns it mentions, so the generator can warn that only a configured rule can satisfy it.
 */
final class CheckParser {

    /** What one constraint says, as far as understood. */
    record Facts(List<Fact> facts, List<String> notUnderstood) {
    }

    /** One understood condition. */
    sealed interface Fact permits Compare, InList, Length, Relation, NotNull {
    }

    /** {@code column op constant}; {@code constant} is the literal's text (a number, a date, a string). */
    record Compare(String column, String op, String constant, boolean numeric) implements Fact {
    }

    /** {@code column IN (values)}. */
    record InList(String column, List<String> values) implements Fact {
    }

    /** {@code char_length(column) op n}. */
    record Length(String column, String op, int length) implements Fact {
    }

    /** {@code left op right}, both columns. */
    record Relation(String left, String op, String right) implements Fact {
    }

    /** {@code column IS NOT NULL}. */
    record NotNull(String column) implements Fact {
    }

    private static final Set<String> LENGTH_FUNCTIONS = Set.of("char_length", "character_length", "length");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

    private CheckParser() {
    }

    /** The facts of one constraint definition such as {@code CHECK ((price > (0)::numeric))}. */
    static Facts parse(String definition) {
        String body = definition.trim();
        if (body.regionMatches(true, 0, "CHECK", 0, 5)) {
            body = body.substring(5);
        }
        body = body.replace(" NOT VALID", "").replace(" NO INHERIT", "");
        Expr expr;
        try {
            expr = new ExprParser(body).parseAll();
        } catch (IllegalArgumentException e) {
            return new Facts(List.of(), List.of(definition.trim()));
        }
        List<Fact> facts = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (Expr conjunct : conjuncts(expr)) {
            Fact fact = fact(conjunct);
            if (fact == null) {
                notUnderstood.add(conjunct.text());
            } else {
                facts.add(fact);
            }
        }
        return new Facts(facts, notUnderstood);
    }

    private static List<Expr> conjuncts(Expr expr) {
        List<Expr> all = new ArrayList<>();
        if (expr instanceof Expr.Binary b && b.op().equals("AND")) {
            all.addAll(conjuncts(b.left()));
            all.addAll(conjuncts(b.right()));
        } else {
            all.add(expr);
        }
        return all;
    }

    private static Fact fact(Expr expr) {
        if (expr instanceof Expr.IsNull isNull && isNull.negated() && column(isNull.operand()) != null) {
            return new NotNull(column(isNull.operand()));
        }
        if (expr instanceof Expr.Any any && any.op().equals("=") && column(any.left()) != null) {
            List<String> values = constants(any.array());
            return values == null ? null : new InList(column(any.left()), values);
        }
        if (expr instanceof Expr.Binary b && b.op().equals("OR")) {
            return orOfEqualities(b);
        }
        if (expr instanceof Expr.Binary b && COMPARISONS.contains(b.op())) {
            return comparison(b.op(), b.left(), b.right());
        }
        return null;
    }

    private static Fact comparison(String op, Expr left, Expr right) {
        String column = column(left);
        String constant = constant(right);
        if (column != null && constant != null) {
            return new Compare(column, normalized(op), constant, numeric(right));
        }
        if (column(right) != null && constant(left) != null) {
            return comparison(flipped(op), right, left);
        }
        if (column != null && column(right) != null) {
            return new Relation(column, normalized(op), column(right));
        }
        String measured = lengthOf(left);
        if (measured != null && constant != null && numeric(right)) {
            try {
                return new Length(measured, normalized(op), new BigDecimal(constant).intValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code (a = 'x') OR (a = 'y')} as an IN list; null for any other OR. */
    private static Fact orOfEqualities(Expr.Binary or) {
        List<String> values = new ArrayList<>();
        String column = null;
        List<Expr> pending = new ArrayList<>(List.of(or));
        while (!pending.isEmpty()) {
            Expr next = pending.remove(pending.size() - 1);
            if (next instanceof Expr.Binary b && b.op().equals("OR")) {
                pending.add(b.right());
                pending.add(b.left());
                continue;
            }
            Fact fact = fact(next);
            String factColumn = fact instanceof InList in ? in.column()
                    : fact instanceof Compare c && c.op().equals("=") ? c.column() : null;
            if (factColumn == null || (column != null && !column.equals(factColumn))) {
                return null;
            }
            column = factColumn;
            values.addAll(fact instanceof InList in ? in.values() : List.of(((Compare) fact).constant()));
        }
        return new InList(column, values);
    }

    private static String column(Expr expr) {
        Expr inner = uncast(expr);
        return inner instanceof Expr.Ident ident ? ident.name() : null;
    }

    private static String lengthOf(Expr expr) {
        Expr inner = uncast(expr);
        if (inner instanceof Expr.Call call && LENGTH_FUNCTIONS.contains(call.function().toLowerCase(Locale.ROOT))
                && call.args().size() == 1) {
            return column(call.args().get(0));
        }
        return null;
    }

    private static String constant(Expr expr) {
        Expr inner = uncast(expr);
        if (inner instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (inner instanceof Expr.Negative negative && uncast(negative.operand()) instanceof Expr.Literal literal
                && literal.number()) {
            return "-" + literal.value();
        }
        return null;
    }

    private static boolean numeric(Expr expr) {
        Expr inner = uncast(expr);
        return inner instanceof Expr.Negative || (inner instanceof Expr.Literal literal && literal.number());
    }

    private static List<String> constants(Expr array) {
        Expr inner = uncast(array);
        if (!(inner instanceof Expr.ArrayOf items)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Expr item : items.items()) {
            String value = constant(item);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static Expr uncast(Expr expr) {
        Expr current = expr;
        while (current instanceof Expr.Cast cast) {
            current = cast.operand();
        }
        return current;
    }

    private static String normalized(String op) {
        return op.equals("!=") ? "<>" : op;
    }

    private static String flipped(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
