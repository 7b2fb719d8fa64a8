package dev.seedkit.core.generator;

import java.util.List;

/** The expression tree {@link ExprParser} builds from a constraint definition; each node keeps its source text. */
sealed interface Expr {

    /** The node's text as it appears in the definition. */
    String text();

    /** A column name (or {@code VALUE} in a domain's check). */
    record Ident(String name, String text) implements Expr {
    }

    /** A number or a quoted string. */
    record Literal(String value, boolean number, String text) implements Expr {
    }

    /** {@code NULL}. */
    record Null(String text) implements Expr {
    }

    /** {@code -operand}. */
    record Negative(Expr operand, String text) implements Expr {
    }

    /** {@code operand::type}. */
    record Cast(Expr operand, String type, String text) implements Expr {
    }

    /** {@code function(args)}. */
    record Call(String function, List<Expr> args, String text) implements Expr {
    }

    /** {@code ARRAY[items]}. */
    record ArrayOf(List<Expr> items, String text) implements Expr {
    }

    /** {@code left op right}, op being AND, OR or a comparison. */
    record Binary(String op, Expr left, Expr right, String text) implements Expr {
    }

    /** {@code left op ANY (array)}. */
    record Any(String op, Expr left, Expr array, String text) implements Expr {
    }

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Expr operand, boolean negated, String text) implements Expr {
    }

    /** {@code NOT operand}, or anything else: kept only for its text. */
    record Other(String text) implements Expr {
    }
}
