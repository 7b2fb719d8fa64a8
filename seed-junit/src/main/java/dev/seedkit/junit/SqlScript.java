package dev.seedkit.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons, the way {@code psql} does.
 *
 * <p>A semicolon does not end a statement inside a single-quoted string ({@code 'it''s;'}), an escape string
 * ({@code E'it\'s;'}), a double-quoted identifier, a {@code --} or (nested) {@code /* *}{@code /} comment, a
 * dollar-quoted body ({@code $$ ... $$}, {@code $fn$ ... $fn$}), or the {@code BEGIN ATOMIC ... END} body of a
 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}. Comments between statements are dropped; statements keep
 * their inner comments. {@code psql} meta-commands ({@code \connect}) and {@code COPY ... FROM STDIN} data are not
 * supported.
 */
final class SqlScript {

    /** One statement of a script, without the terminating semicolon, and the line (from 1) it starts on. */
    record Statement(String sql, int line) {
    }

    private final String text;
    private final int[] lineStarts;
    private final List<Statement> statements = new ArrayList<>();
    private int position;
    private int start = -1;
    private final FunctionBodyTracker functionBody = new FunctionBodyTracker();

    private SqlScript(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** The statements of {@code script}, in order; blank statements and comment-only parts are left out. */
    static List<Statement> split(String script) {
        SqlScript scanner = new SqlScript(script);
        scanner.scan();
        return List.copyOf(scanner.statements);
    }

    private void scan() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else {
                if (start < 0) {
                    start = position;
                }
                scanToken(c);
            }
        }
        endStatement(text.length());
    }

    private void scanToken(char c) {
        if (c == ';') {
            if (functionBody.open()) {
                position++;
            } else {
                endStatement(position);
                position++;
            }
        } else if (c == '\'') {
            skipQuoted('\'', false);
        } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            position++;
            skipQuoted('\'', true);
        } else if (c == '"') {
            skipQuoted('"', false);
        } else if (c == '$' && dollarTag() != null) {
            skipDollarQuoted(dollarTag());
        } else if (isIdentifierStart(c)) {
            functionBody.word(readWord());
        } else {
            position++;
        }
    }

    private void endStatement(int end) {
        if (start >= 0) {
            String sql = text.substring(start, end).strip();
            if (!sql.isEmpty()) {
                statements.add(new Statement(sql, lineOf(start)));
            }
        }
        start = -1;
        functionBody.reset();
    }

    private void skipLineComment() {
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end;
    }

    /** Block comments nest in PostgreSQL: {@code /* a /* b *}{@code / still a comment *}{@code /}. */
    private void skipBlockComment() {
        int depth = 0;
        while (position < text.length()) {
            if (text.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (text.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
    }

    /** Skips a quoted part starting at {@code position}; a doubled quote, or with escapes {@code \x}, stays inside. */
    private void skipQuoted(char quote, boolean backslashEscapes) {
        position++;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (backslashEscapes && c == '\\') {
                position += 2;
            } else if (c == quote && peek(1) == quote) {
                position += 2;
            } else if (c == quote) {
                position++;
                return;
            } else {
                position++;
            }
        }
    }

    /** The dollar-quote opener at {@code position} ({@code $$} or {@code $tag$}), or {@code null}. */
    private String dollarTag() {
        int end = position + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end)) && text.charAt(end) != '$') {
            if (end == position + 1 && Character.isDigit(text.charAt(end))) {
                return null; // $1 is a parameter, not a dollar quote
            }
            end++;
        }
        return end < text.length() && text.charAt(end) == '$' ? text.substring(position, end + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        int close = text.indexOf(tag, position + tag.length());
        position = close < 0 ? text.length() : close + tag.length();
    }

    /** Reads an identifier or key word; {@code $} may occur inside one ({@code a$b}), so it is consumed here. */
    private String readWord() {
        int begin = position;
        while (position < text.length() && isIdentifierPart(text.charAt(position))) {
            position++;
        }
        return text.substring(begin, position);
    }

    private char peek(int offset) {
        int index = position + offset;
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private int lineOf(int index) {
        int found = Arrays.binarySearch(lineStarts, index);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * psql's heuristic for SQL-standard function bodies: in a statement that starts with {@code CREATE [OR
     * REPLACE] FUNCTION|PROCEDURE}, {@code BEGIN} opens a block, {@code CASE} opens one inside a block, and
     * {@code END} closes one; semicolons inside a block do not end the statement.
     */
    private static final class FunctionBodyTracker {
        private final char[] head = new char[4];
        private int words;
        private int depth;

        void word(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (words < head.length) {
                head[words] = switch (lower) {
                    case "create", "function", "procedure", "or", "replace" -> lower.charAt(0);
                    default -> '\0';
                };
            }
            words++;
            if (!createsRoutine()) {
                return;
            }
            if (lower.equals("begin")) {
                depth++;
            } else if (lower.equals("case") && depth > 0) {
                depth++;
            } else if (lower.equals("end") && depth > 0) {
                depth--;
            }
        }

        private boolean createsRoutine() {
            return head[0] == 'c' && (head[1] == 'f' || head[1] == 'p'
                    || (head[1] == 'o' && head[2] == 'r' && (head[3] == 'f' || head[3] == 'p')));
        }

        boolean open() {
            return depth > 0;
        }

        void reset() {
            Arrays.fill(head, '\0');
            words = 0;
            depth = 0;
        }
    }
}
