package dev.seedkit.core.generator;

import java.math.BigDecimal;

/**
 * Writes slots as text: {@link #appendCopy} in the COPY text format for a column of a given type (escaped, NULL as
 * {@code \N}, dates and timestamps in ISO form, {@code +00} for {@code timestamptz}), {@link #appendPlain} as plain
 * text for patterns and JSON strings.
 */
final class SlotFormat {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SlotFormat() {
    }

    /** Appends {@code slot} as one COPY field of a column of type {@code type}. */
    static void appendCopy(StringBuilder out, Slot slot, ColumnType type) {
        ColumnType.Family family = type.family();
        switch (slot.kind) {
            case NULL -> out.append("\\N");
            case LONG -> out.append(slot.number);
            case SCALED -> appendScaled(out, slot.number, slot.scale);
            case DOUBLE -> out.append(slot.real);
            case BOOL -> out.append(family == ColumnType.Family.BOOLEAN ? (slot.number != 0 ? "t" : "f")
                    : slot.number != 0 ? "true" : "false");
            case DAY -> appendDay(out, slot.number, family);
            case SECOND -> appendSecond(out, slot.number, family);
            case UUID -> appendUuid(out, slot.number, slot.low);
            case TEXT -> appendEscaped(out, fitted(slot.text, type));
            case JSON -> appendEscaped(out, slot.text);
            default -> throw new IllegalStateException(slot.kind.toString());
        }
    }

    /** Appends {@code slot} as plain text, unescaped; NULL as nothing. */
    static void appendPlain(StringBuilder out, Slot slot) {
        switch (slot.kind) {
            case NULL -> { }
            case LONG -> out.append(slot.number);
            case SCALED -> appendScaled(out, slot.number, slot.scale);
            case DOUBLE -> out.append(slot.real);
            case BOOL -> out.append(slot.number != 0 ? "true" : "false");
            case DAY -> Moments.appendDate(out, slot.number);
            case SECOND -> Moments.appendTimestamp(out, slot.number);
            case UUID -> appendUuid(out, slot.number, slot.low);
            case TEXT, JSON -> out.append(slot.text);
            default -> throw new IllegalStateException(slot.kind.toString());
        }
    }

    /** COPY text escaping: backslash, tab, newline, carriage return; NUL cannot be stored. */
    static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> throw new IllegalArgumentException("a generated value contains U+0000 (NUL), which "
                        + "PostgreSQL text cannot store: " + value.replace("\0", "\\0"));
                default -> out.append(c);
            }
        }
    }

    static void appendScaled(StringBuilder out, long unscaled, int scale) {
        if (scale <= 0) {
            out.append(unscaled);
            return;
        }
        out.append(BigDecimal.valueOf(unscaled, scale).toPlainString());
    }

    static void appendUuid(StringBuilder out, long high, long low) {
        hex(out, high >>> 32, 8);
        out.append('-');
        hex(out, high >>> 16, 4);
        out.append('-');
        hex(out, high, 4);
        out.append('-');
        hex(out, low >>> 48, 4);
        out.append('-');
        hex(out, low, 12);
    }

    private static void hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    private static void appendDay(StringBuilder out, long day, ColumnType.Family family) {
        Moments.appendDate(out, day);
        if (family == ColumnType.Family.TIMESTAMP || family == ColumnType.Family.TIMESTAMPTZ) {
            out.append(" 00:00:00");
        }
        if (family == ColumnType.Family.TIMESTAMPTZ) {
            out.append("+00");
        }
    }

    private static void appendSecond(StringBuilder out, long second, ColumnType.Family family) {
        switch (family) {
            case DATE -> Moments.appendDate(out, Math.floorDiv(second, Moments.SECONDS_PER_DAY));
            case TIME -> Moments.appendTime(out, Math.floorMod(second, Moments.SECONDS_PER_DAY));
            case TIMESTAMPTZ -> {
                Moments.appendTimestamp(out, second);
                out.append("+00");
            }
            default -> Moments.appendTimestamp(out, second);
        }
    }

    /** Text cut to the column's length (in characters), as {@code varchar(n)} would refuse longer values. */
    private static String fitted(String text, ColumnType type) {
        int max = type.family() == ColumnType.Family.TEXT ? type.maxLength() : -1;
        if (max < 0 || text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
