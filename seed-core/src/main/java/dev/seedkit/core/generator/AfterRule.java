package dev.seedkit.core.generator;

/**
 * A value at or after another one ({@code updated_at >= created_at}, {@code ends_on > starts_on}, {@code max >=
 * min}): the other value plus a random offset from {@code minOffset} to {@code maxOffset} in the target's unit
 * (days for dates, seconds for timestamps, the last digit for decimals of {@code scale} digits, one for whole
 * numbers). NULL where the other value is NULL.
 */
record AfterRule(ValueRef source, Unit unit, int scale, long minOffset, long maxOffset, Random64 random)
        implements Rule {

    /** The unit a target column counts in. */
    enum Unit { DAY, SECOND, WHOLE, SCALED, REAL }

    /** The unit of a column type; null when {@code after} cannot apply to it. */
    static Unit unitOf(ColumnType type) {
        return switch (type.family()) {
            case DATE -> Unit.DAY;
            case TIMESTAMP, TIMESTAMPTZ -> Unit.SECOND;
            case INTEGER -> Unit.WHOLE;
            case DECIMAL, MONEY -> Unit.SCALED;
            case FLOAT -> Unit.REAL;
            default -> null;
        };
    }

    @Override
    public void fill(Row row, Slot out) {
        Slot base = source.get(row);
        if (base.isNull()) {
            out.setNull();
            return;
        }
        long offset = random.at(row).between(minOffset, maxOffset);
        switch (unit) {
            case DAY -> out.setDay(asDay(base) + offset);
            case SECOND -> out.setSecond(asSecond(base) + offset);
            case WHOLE -> out.setLong(asWhole(base) + offset);
            case SCALED -> out.setScaled(asScaled(base, scale) + offset, scale);
            case REAL -> out.setDouble(asReal(base) + offset);
            default -> throw new IllegalStateException(unit.toString());
        }
    }

    private static long asDay(Slot slot) {
        return switch (slot.kind) {
            case SECOND -> Math.floorDiv(slot.number + Moments.SECONDS_PER_DAY - 1, Moments.SECONDS_PER_DAY);
            case DAY -> slot.number;
            default -> slot.ordinal();
        };
    }

    private static long asSecond(Slot slot) {
        return slot.kind == Slot.Kind.DAY ? slot.number * Moments.SECONDS_PER_DAY : slot.ordinal();
    }

    private static long asWhole(Slot slot) {
        return switch (slot.kind) {
            case SCALED -> (long) Math.ceil(slot.number / Math.pow(10, slot.scale));
            case DOUBLE -> (long) Math.ceil(slot.real);
            default -> slot.ordinal();
        };
    }

    private static long asScaled(Slot slot, int scale) {
        return switch (slot.kind) {
            case SCALED -> rescale(slot.number, slot.scale, scale);
            case DOUBLE -> (long) Math.ceil(slot.real * Math.pow(10, scale));
            default -> rescale(slot.ordinal(), 0, scale);
        };
    }

    private static double asReal(Slot slot) {
        return switch (slot.kind) {
            case SCALED -> slot.number / Math.pow(10, slot.scale);
            case DOUBLE -> slot.real;
            default -> slot.ordinal();
        };
    }

    private static long rescale(long unscaled, int from, int to) {
        long value = unscaled;
        for (int i = from; i < to; i++) {
            value *= 10;
        }
        for (int i = to; i < from; i++) {
            value = Math.floorDiv(value + 9, 10);
        }
        return value;
    }
}
