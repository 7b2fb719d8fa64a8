package dev.seedkit.core.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The inclusive range a column's CHECK constraints allow, in the column's own unit: whole numbers, unscaled
 * decimals, epoch days or epoch seconds. Exclusive bounds ({@code > 0}) become inclusive by one unit ({@code >= 1},
 * {@code >= 0.01} for two decimals). Either end may be open (null).
 */
record Bounds(BigDecimal low, BigDecimal high, String lowReason, String highReason) {

    static final Bounds OPEN = new Bounds(null, null, null, null);

    /**
     * The bounds of a numeric column ({@code unit} is 1 for whole numbers, {@code 10^-scale} for decimals), or of a
     * temporal one ({@code days}: epoch days; else epoch seconds). Comparisons with constants of another kind are
     * ignored.
     */
    static Bounds of(ColumnFacts facts, ColumnType type) {
        BigDecimal low = null;
        BigDecimal high = null;
        String lowReason = null;
        String highReason = null;
        BigDecimal unit = unit(type);
        for (ColumnFacts.Bound bound : facts.compares) {
            BigDecimal value = value(bound.compare(), type);
            if (value == null) {
                continue;
            }
            String op = bound.compare().op();
            String reason = bound.constraint() + " (" + bound.compare().column() + " " + op + " "
                    + bound.compare().constant() + ")";
            BigDecimal lowCandidate = op.equals(">") ? value.add(unit) : op.equals(">=") || op.equals("=") ? value
                    : null;
            BigDecimal highCandidate = op.equals("<") ? value.subtract(unit) : op.equals("<=") || op.equals("=")
                    ? value : null;
            if (lowCandidate != null && (low == null || lowCandidate.compareTo(low) > 0)) {
                low = lowCandidate;
                lowReason = reason;
            }
            if (highCandidate != null && (high == null || highCandidate.compareTo(high) < 0)) {
                high = highCandidate;
                highReason = reason;
            }
        }
        return new Bounds(low, high, lowReason, highReason);
    }

    /** Whether {@code value} lies inside. */
    boolean contains(BigDecimal value) {
        return (low == null || value.compareTo(low) >= 0) && (high == null || value.compareTo(high) <= 0);
    }

    /** Why a value is outside, e.g. {@code check percent_off_range (percent_off <= 100)}; null when inside. */
    String violation(BigDecimal value) {
        if (low != null && value.compareTo(low) < 0) {
            return lowReason;
        }
        if (high != null && value.compareTo(high) > 0) {
            return highReason;
        }
        return null;
    }

    private static BigDecimal unit(ColumnType type) {
        return switch (type.family()) {
            case DECIMAL, MONEY -> BigDecimal.ONE.movePointLeft(type.scale());
            case FLOAT -> new BigDecimal("0.001");
            default -> BigDecimal.ONE;
        };
    }

    private static BigDecimal value(CheckParser.Compare compare, ColumnType type) {
        if (type.numeric()) {
            return compare.numeric() ? new BigDecimal(compare.constant()) : null;
        }
        if (type.temporal()) {
            Long moment = moment(compare.constant());
            if (moment == null) {
                return null;
            }
            return BigDecimal.valueOf(type.family() == ColumnType.Family.DATE ? Math.floorDiv(moment, 86_400L)
                    : moment);
        }
        return null;
    }

    /** A date or timestamp constant as epoch seconds (UTC); null if it is neither. */
    static Long moment(String text) {
        String iso = text.trim().replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).toEpochDay() * 86_400L;
            }
            if (iso.matches(".*[+-]\\d\\d(:\\d\\d)?$") || iso.endsWith("Z")) {
                return OffsetDateTime.parse(iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
