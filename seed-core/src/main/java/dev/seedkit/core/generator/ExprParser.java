package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small precedence parser for the expressions PostgreSQL prints in constraint definitions: identifiers (quoted
 * or not), numbers, strings, casts ({@code ::type}), function calls, {@code ARRAY[...]}, comparisons, {@code op ANY
 * (...)}, {@code IS [NOT] NULL}, {@code AND}, {@code OR}, {@code NOT}. Anything it cannot read raises
 * {@link IllegalArgumentException}, which the caller reports as a constraint it does not understand.
 */
final class ExprParser {

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    /** Type names PostgreSQL prints in two or three words. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");

    private final String text;
    private int pos;

    ExprParser(String text) {
        this.text = text;
    }

    Expr parseAll() {
        Expr expr = or();
        skipSpace();
        if (pos != text.length()) {
            throw fail("unexpected text");
        }
        return expr;
    }

    private Expr or() {
        int start = mark();
        Expr left = and();
        while (keyword("OR")) {
            left = new Expr.Binary("OR", left, and(), since(start));
        }
        return left;
    }

    private Expr and() {
        int start = mark();
        Expr left = not();
        while (keyword("AND")) {
            left = new Expr.Binary("AND", left, not(), since(start));
        }
        return left;
    }

    private Expr not() {
        int start = mark();
        if (keyword("NOT")) {
            not();
            return new Expr.Other(since(start));
        }
        return comparison();
    }

    private Expr comparison() {
        int start = mark();
        Expr left = unary();
        skipSpace();
        String op = comparisonOperator();
        if (op != null) {
            if (keyword("ANY") || keyword("SOME")) {
                expect("(");
                Expr array = or();
                expect(")");
                return new Expr.Any(op, left, array, since(start));
            }
            return new Expr.Binary(op, left, unary(), since(start));
        }
        String other = otherOperator();
        if (other != null) {
            comparison();
            return new Expr.Other(since(start));
        }
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            if (!keyword("NULL")) {
                throw fail("expected NULL");
            }
            return new Expr.IsNull(left, negated, since(start));
        }
        return left;
    }

    private Expr unary() {
        int start = mark();
        skipSpace();
        if (peek('-')) {
            pos++;
            return casts(new Expr.Negative(unary(), since(start)), start);
        }
        return casts(primary(), start);
    }

    private Expr casts(Expr operand, int start) {
        Expr result = operand;
        skipSpace();
        while (text.startsWith("::", pos)) {
            pos += 2;
            result = new Expr.Cast(result, typeName(), since(start));
            skipSpace();
        }
        return result;
    }

    private Expr primary() {
        int start = mark();
        skipSpace();
        if (pos >= text.length()) {
            throw fail("unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = or();
            expect(")");
            return inner;
        }
        if (c == '\'') {
            return new Expr.Literal(string(), false, since(start));
        }
        if (Character.isDigit(c)) {
            return new Expr.Literal(number(), true, since(start));
        }
        if (c == '"' || Character.isLetter(c) || c == '_') {
            return identifierOrCall(start);
        }
        throw fail("unexpected character '" + c + "'");
    }

    private Expr identifierOrCall(int start) {
        boolean quoted = text.charAt(pos) == '"';
        String name = identifier();
        if (!quoted && name.equalsIgnoreCase("ARRAY")) {
            expect("[");
            List<Expr> items = list("]");
            return new Expr.ArrayOf(items, since(start));
        }
        if (!quoted && name.equalsIgnoreCase("NULL")) {
            return new Expr.Null(since(start));
        }
        skipSpace();
        if (peek('(')) {
            pos++;
            return new Expr.Call(name, list(")"), since(start));
        }
        return new Expr.Ident(name, since(start));
    }

    private List<Expr> list(String close) {
        List<Expr> items = new ArrayList<>();
        skipSpace();
        if (text.startsWith(close, pos)) {
            pos += close.length();
            return items;
        }
        do {
            items.add(or());
            skipSpace();
        } while (consume(","));
        expect(close);
        return items;
    }

    private String typeName() {
        skipSpace();
        StringBuilder type = new StringBuilder(identifier());
        while (true) {
            int before = pos;
            skipSpace();
            if (peek('(')) {
                int close = text.indexOf(')', pos);
                if (close < 0) {
                    throw fail("unclosed type modifier");
                }
                type.append(text, pos, close + 1);
                pos = close + 1;
            } else if (text.startsWith("[]", pos)) {
                type.append("[]");
                pos += 2;
            } else if (pos < text.length() && Character.isLetter(text.charAt(pos)) && TYPE_WORDS.contains(
                    peekWord().toLowerCase(Locale.ROOT))) {
                type.append(' ').append(identifier());
            } else {
                pos = before;
                return type.toString();
            }
        }
    }

    private String identifier() {
        skipSpace();
        if (peek('"')) {
            StringBuilder name = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (peek('"')) {
                        name.append('"');
                        pos++;
                    } else {
                        return name.toString();
                    }
                } else {
                    name.append(c);
                }
            }
            throw fail("unclosed quoted identifier");
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '$' || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            throw fail("expected a name");
        }
        return text.substring(start, pos);
    }

    private String peekWord() {
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private String string() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw fail("unclosed string");
    }

    private String number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String comparisonOperator() {
        for (String op : List.of("<=", ">=", "<>", "!=", "=", "<", ">")) {
            if (text.startsWith(op, pos) && !text.startsWith(op + "~", pos)) {
                pos += op.length();
                return COMPARISONS.contains(op) ? op : null;
            }
        }
        return null;
    }

    /** Any operator the generator does not interpret ({@code ~}, {@code ~~}, {@code ||}, {@code +}, LIKE ...). */
    private String otherOperator() {
        skipSpace();
        for (String word : List.of("LIKE", "ILIKE", "SIMILAR TO", "NOT LIKE", "NOT ILIKE")) {
            if (keyword(word)) {
                return word;
            }
        }
        int start = pos;
        while (pos < text.length() && "~!@#%^&|`?+-*/<>=".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return pos > start ? text.substring(start, pos) : null;
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (text.regionMatches(true, pos, word, 0, word.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            pos = end;
            return true;
        }
        return false;
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!consume(token)) {
            throw fail("expected '" + token + "'");
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private int mark() {
        skipSpace();
        return pos;
    }

    private String since(int start) {
        return text.substring(start, pos).trim();
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why + " at " + pos + " in " + text);
    }
}
