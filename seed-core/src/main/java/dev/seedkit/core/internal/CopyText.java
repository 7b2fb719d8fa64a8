package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The field codec of PostgreSQL's COPY text format, restricted to the canonical spelling that {@code COPY ... TO}
 * writes: {@code \N} for NULL, and the escapes {@code \\ \b \f \n \r \t \v}. Works on already validated text; the
 * validation with file and line numbers lives in {@link LineChecker}.
 */
final class CopyText {

    /** How a NULL field is written: the whole field is backslash, capital N. */
    static final String NULL = "\\N";

    private CopyText() {
    }

    /** The canonical COPY text spelling of {@code value}; {@code null} becomes {@code \N}. */
    static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        appendEscaped(out, value);
        return out.toString();
    }

    /** Appends the canonical spelling of a non-null value. */
    static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u000B' -> out.append("\\v");
                case '\u0000' -> throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, "Value at character "
                        + i + " contains U+0000 (NUL), which PostgreSQL text cannot store; remove it from the value.");
                default -> out.append(c);
            }
        }
    }

    /** The value a canonical field stands for; {@code \N} becomes {@code null}. */
    static String unescape(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            out.append(c == '\\' ? unescaped(field.charAt(++i)) : c);
        }
        return out.toString();
    }

    private static char unescaped(char escape) {
        return switch (escape) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000B';
            default -> escape; // backslash itself; LineChecker has refused every other escape
        };
    }

    /** Splits a line into its raw (still escaped) fields; a line without tabs is one field. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields;
    }

    /** Splits and unescapes a validated line into values ({@code null} for NULL). */
    static List<String> decode(String line) {
        List<String> values = new ArrayList<>();
        for (String field : split(line)) {
            values.add(unescape(field));
        }
        return values;
    }

    /** One line (without its newline) holding {@code values}, tab-separated and escaped. */
    static String encode(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = values.get(i);
            if (value == null) {
                out.append(NULL);
            } else {
                appendEscaped(out, value);
            }
        }
        return out.toString();
    }
}
