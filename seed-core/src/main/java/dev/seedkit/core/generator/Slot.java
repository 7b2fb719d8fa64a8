package dev.seedkit.core.generator;

/**
 * One generated value, held without boxing: a whole number, a scaled decimal, a float, a boolean, a day or a
 * second since 1970-01-01 UTC, a UUID, text, or raw JSON. Rules fill slots; {@link SlotFormat} writes them in the
 * text form of the column's type. A slot is reused for every row, so rules must set every field they rely on.
 */
final class Slot {

    /** How a slot's value is held. */
    enum Kind { NULL, LONG, SCALED, DOUBLE, BOOL, DAY, SECOND, UUID, TEXT, JSON }

    Kind kind = Kind.NULL;
    long number;
    long low;
    int scale;
    double real;
    String text;

    Slot setNull() {
        kind = Kind.NULL;
        return this;
    }

    Slot setLong(long value) {
        kind = Kind.LONG;
        number = value;
        return this;
    }

    Slot setScaled(long unscaled, int digits) {
        kind = Kind.SCALED;
        number = unscaled;
        scale = digits;
        return this;
    }

    Slot setDouble(double value) {
        kind = Kind.DOUBLE;
        real = value;
        return this;
    }

    Slot setBool(boolean value) {
        kind = Kind.BOOL;
        number = value ? 1 : 0;
        return this;
    }

    Slot setDay(long epochDay) {
        kind = Kind.DAY;
        number = epochDay;
        return this;
    }

    Slot setSecond(long epochSecond) {
        kind = Kind.SECOND;
        number = epochSecond;
        return this;
    }

    Slot setUuid(long high, long lowBits) {
        kind = Kind.UUID;
        number = high;
        low = lowBits;
        return this;
    }

    Slot setText(String value) {
        kind = value == null ? Kind.NULL : Kind.TEXT;
        text = value;
        return this;
    }

    Slot setJson(String json) {
        kind = Kind.JSON;
        text = json;
        return this;
    }

    Slot copyFrom(Slot other) {
        kind = other.kind;
        number = other.number;
        low = other.low;
        scale = other.scale;
        real = other.real;
        text = other.text;
        return this;
    }

    boolean isNull() {
        return kind == Kind.NULL;
    }

    /**
     * The value on a number line, for comparisons and {@code after}: whole numbers and days and seconds as they
     * are, decimals unscaled; {@code Long.MIN_VALUE} for kinds without one.
     */
    long ordinal() {
        return switch (kind) {
            case LONG, SCALED, DAY, SECOND, BOOL -> number;
            case DOUBLE -> (long) Math.floor(real);
            default -> Long.MIN_VALUE;
        };
    }

    /** The value as text for patterns and messages (not COPY-escaped). */
    String asText() {
        StringBuilder out = new StringBuilder();
        SlotFormat.appendPlain(out, this);
        return out.toString();
    }

    @Override
    public String toString() {
        return kind + ":" + asText();
    }
}
