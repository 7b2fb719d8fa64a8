package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.util.List;
import java.util.function.Function;

/**
 * Checks one line of a table file against the format before anything else sees it: the number of fields, the
 * escapes (only the canonical ones that {@code COPY ... TO} writes), raw control characters and UTF-8. Errors name
 * the file, the line and the field with its column name.
 */
final class LineChecker {

    private final String where;
    private final List<String> columns;
    private final Function<String, SeedException> failure;

    /**
     * @param where   the file, as messages should name it
     * @param columns the column names each row must have a field for
     * @param failure turns a message (saying where and what) into the exception to throw, adding what to do
     */
    LineChecker(String where, List<String> columns, Function<String, SeedException> failure) {
        this.where = where;
        this.columns = columns;
        this.failure = failure;
    }

    /** Checks a data row: field count, escapes, control characters, UTF-8. */
    void checkRow(byte[] line, int length, long lineNumber) {
        int fields = length == 0 && columns.isEmpty() ? 0 : count(line, length, (byte) '\t') + 1;
        if (fields != columns.size()) {
            throw failure.apply(where + " line " + lineNumber + ": expected " + columns.size() + " fields "
                    + "(" + String.join(", ", columns) + "), found " + fields + ".");
        }
        checkCharacters(line, length, lineNumber);
    }

    /** Checks the header line: escapes, control characters, UTF-8 (its names are compared by the caller). */
    void checkHeader(byte[] line, int length) {
        if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            throw failure.apply(where + " line 1 (header): the file starts with a UTF-8 byte order mark; "
                    + "snapshot files are UTF-8 without one. Save the file without a BOM.");
        }
        checkCharacters(line, length, 1);
    }

    /**
     * The error for a line longer than {@code limit} bytes, found in field {@code field} (zero-based). Not a
     * damaged file, so no advice to restore it: the JVM needs more memory, or a higher limit.
     */
    SeedException tooLong(long lineNumber, int field, int limit) {
        String why = System.getProperty(LineInput.MAX_LINE_BYTES_PROPERTY) != null
                ? "as the system property " + LineInput.MAX_LINE_BYTES_PROPERTY + " sets it"
                : "a sixteenth of its maximum heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MiB, unless the system property " + LineInput.MAX_LINE_BYTES_PROPERTY + " sets it";
        return new SeedException(SeedException.Code.SNAPSHOT_FORMAT, at(lineNumber, field) + "the line is longer "
                + "than " + limit + " bytes, the longest line a snapshot file may have in this JVM (" + why + "). "
                + "Give the JVM more memory (-Xmx; for the command line SEEDKIT_JAVA_OPTS=-Xmx2g), or set -D"
                + LineInput.MAX_LINE_BYTES_PROPERTY + "=BYTES.");
    }

    private void checkCharacters(byte[] line, int length, long lineNumber) {
        if (length > 0 && line[length - 1] == '\r') {
            throw failure.apply(at(lineNumber, count(line, length, (byte) '\t')) + rawControl((byte) '\r', true));
        }
        int field = 0;
        int fieldStart = 0;
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b == '\t') {
                field++;
                fieldStart = i + 1;
            } else if (b == '\\') {
                i = checkEscape(line, length, i, i == fieldStart, lineNumber, field);
            } else if (b == 0 || b == '\b' || b == '\f' || b == '\r' || b == 0x0B) {
                throw failure.apply(at(lineNumber, field) + rawControl(b, i == length - 1));
            }
        }
        int invalid = Utf8.firstInvalid(line, length);
        if (invalid >= 0) {
            throw failure.apply(at(lineNumber, count(line, invalid, (byte) '\t')) + "invalid UTF-8 at byte "
                    + (invalid + 1) + " of the line (" + hex(line, invalid, length) + "); snapshot files are "
                    + "UTF-8. Convert the file to UTF-8.");
        }
    }

    /** Returns the index of the escaped character if the escape at {@code i} is allowed, else throws. */
    private int checkEscape(byte[] line, int length, int i, boolean atFieldStart, long lineNumber, int field) {
        if (i + 1 == length) {
            throw failure.apply(at(lineNumber, field) + "backslash at the end of the line; a backslash must be "
                    + "followed by one of \\ b f n r t v, so a literal backslash is written \\\\.");
        }
        byte next = line[i + 1];
        boolean wholeField = atFieldStart && (i + 2 == length || line[i + 2] == '\t');
        if (next == 'N' && wholeField && lineNumber > 1) {
            return i + 1;
        }
        if ("\\bfnrtv".indexOf(next) >= 0) {
            return i + 1;
        }
        throw failure.apply(at(lineNumber, field) + badEscape(next, wholeField, lineNumber == 1));
    }

    private static String badEscape(byte next, boolean wholeField, boolean header) {
        String escape = "\"\\" + (next >= 0x20 && next < 0x7F ? String.valueOf((char) next)
                : String.format("<0x%02X>", next & 0xFF)) + "\"";
        if (next == 'N' && wholeField && header) {
            return escape + " in the header: a column name cannot be NULL.";
        }
        if (next == 'N') {
            return escape + " inside a value: \\N means NULL only as a whole field; write a plain N, or \\\\N "
                    + "for a backslash followed by N.";
        }
        String why = next == '.' ? " (COPY's end-of-data marker) is not allowed in a snapshot"
                : Character.isDigit(next) || next == 'x' ? " is an octal or hex escape, which snapshots do not use;"
                + " write the character itself" : " is not an escape the format knows";
        return "escape " + escape + why + ". Allowed escapes: \\\\ \\b \\f \\n \\r \\t \\v, and \\N as a whole "
                + "field for NULL.";
    }

    private static String rawControl(byte b, boolean lastByte) {
        if (b == '\r') {
            return "raw carriage return" + (lastByte ? " at the end of the line: the file has CRLF line endings, "
                    + "probably converted by git (core.autocrlf). Restore LF line endings and add '*.tsv -text' "
                    + "to .gitattributes." : "; it must be written as \\r.");
        }
        if (b == 0) {
            return "NUL byte (U+0000), which PostgreSQL text cannot hold.";
        }
        String escape = b == '\b' ? "\\b" : b == '\f' ? "\\f" : "\\v";
        return String.format("raw control character U+%04X; it must be written as %s.", b, escape);
    }

    private String at(long lineNumber, int field) {
        String column = field < columns.size() ? columns.get(field) : "beyond the last column";
        return where + " line " + lineNumber + (lineNumber == 1 ? " (header)" : "") + ", field " + (field + 1)
                + (lineNumber == 1 ? "" : " (" + column + ")") + ": ";
    }

    private static int count(byte[] line, int length, byte wanted) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (line[i] == wanted) {
                n++;
            }
        }
        return n;
    }

    private static String hex(byte[] line, int from, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < Math.min(length, from + 4); i++) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("0x%02X", line[i] & 0xFF));
        }
        return out.toString();
    }
}
