package dev.seedkit.core.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scalar forms a generator config uses, each refused with the node's file, line and key when malformed:
 * whole numbers, fractions, ranges ({@code 1-5}, {@code 1..5}, {@code [1, 5]}, {@code {min: 1, max: 5}}),
 * percentages ({@code 70%}), moments ({@code 2024-01-01}, {@code 2024-01-01 08:30}) and durations
 * ({@code 30 days}, {@code 12 hours}).
 */
final class Scalars {

    private static final Pattern RANGE = Pattern.compile(
            "\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:-|\\.\\.|to)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*");

    private Scalars() {
    }

    /** An inclusive range of numbers as written; {@code low <= high}. */
    record NumberRange(BigDecimal low, BigDecimal high) {
        long lowLong() {
            return low.longValueExact();
        }

        long highLong() {
            return high.longValueExact();
        }

        boolean whole() {
            return low.stripTrailingZeros().scale() <= 0 && high.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String toString() {
            return low.equals(high) ? low.toPlainString() : low.toPlainString() + "-" + high.toPlainString();
        }
    }

    static long wholeNumber(YamlNode node, long min) {
        BigDecimal value = number(node);
        if (value.stripTrailingZeros().scale() > 0) {
            throw node.error("expected a whole number, found " + node.describe());
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw node.error("expected a whole number of at least " + min + ", found " + node.describe());
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw node.error("the number " + node.describe() + " is too large");
        }
    }

    static BigDecimal number(YamlNode node) {
        if (node.isScalar() && !node.isNull()) {
            try {
                return new BigDecimal(node.text().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                // fall through to the error
            }
        }
        throw node.error("expected a number, found " + node.describe());
    }

    /** A fraction from 0 to 1, written {@code 0.25} or {@code 25%}. */
    static double fraction(YamlNode node) {
        double value = share(node);
        if (value < 0 || value > 1) {
            throw node.error("expected a fraction from 0 to 1 (or 0% to 100%), found " + node.describe());
        }
        return value;
    }

    /** A non-negative weight, {@code 70} or {@code 70%}. */
    static double weight(YamlNode node) {
        double value = share(node);
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw node.error("expected a weight of 0 or more, found " + node.describe());
        }
        return value;
    }

    private static double share(YamlNode node) {
        if (node.isScalar() && !node.isNull() && node.text().trim().endsWith("%")) {
            String text = node.text().trim();
            try {
                return Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100;
            } catch (NumberFormatException e) {
                throw node.error("expected a percentage such as 70%, found " + node.describe());
            }
        }
        return number(node).doubleValue();
    }

    /** A range of numbers: {@code 5}, {@code 1-5}, {@code [1, 5]} or {@code {min: 1, max: 5}}. */
    static NumberRange numberRange(YamlNode node) {
        BigDecimal low;
        BigDecimal high;
        if (node.isList()) {
            if (node.items().size() != 2) {
                throw node.error("expected a range as [low, high], found a list of " + node.items().size());
            }
            low = number(node.items().get(0));
            high = number(node.items().get(1));
        } else if (node.isMap()) {
            Keys.check(node, List.of("min", "max"));
            low = number(Keys.required(node, "min"));
            high = number(Keys.required(node, "max"));
        } else if (node.kind() == YamlNode.Kind.NUMBER) {
            low = number(node);
            high = low;
        } else {
            Matcher matcher = RANGE.matcher(node.isNull() ? "" : node.text());
            if (!matcher.matches()) {
                throw node.error("expected a number or a range such as 1-5, found " + node.describe());
            }
            low = new BigDecimal(matcher.group(1));
            high = new BigDecimal(matcher.group(2));
        }
        if (low.compareTo(high) > 0) {
            throw node.error("the range " + low.toPlainString() + " to " + high.toPlainString()
                    + " is empty; write the lower bound first");
        }
        return new NumberRange(low, high);
    }

    /** A moment as UTC epoch seconds: {@code 2024-01-01}, {@code 2024-01-01 08:30[:00]}, or with an offset. */
    static long moment(YamlNode node) {
        String text = node.isScalar() && !node.isNull() ? node.text().trim() : "";
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).toEpochDay() * 86_400L;
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d(:?\\d\\d)?$")) {
                return OffsetDateTime.parse(iso.endsWith("Z") ? iso : normalizeOffset(iso)).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw node.error("expected a date such as 2024-01-31 or a moment such as 2024-01-31 08:30, found "
                    + node.describe());
        }
    }

    private static String normalizeOffset(String iso) {
        Matcher matcher = Pattern.compile("([+-]\\d\\d)(\\d\\d)?$").matcher(iso);
        if (matcher.find() && !iso.substring(matcher.start()).contains(":")) {
            String minutes = matcher.group(2) == null ? "00" : matcher.group(2);
            return iso.substring(0, matcher.start()) + matcher.group(1) + ":" + minutes;
        }
        return iso;
    }

    /** A duration in seconds: {@code 30 days}, {@code 12 hours}, {@code 90 min}, {@code 2 weeks}, {@code 45 s}. */
    static long durationSeconds(YamlNode node) {
        Matcher matcher = DURATION.matcher(node.isScalar() && !node.isNull() ? node.text() : "");
        if (!matcher.matches()) {
            throw node.error("expected a duration such as 30 days, 12 hours or 90 minutes, found "
                    + node.describe());
        }
        double amount = Double.parseDouble(matcher.group(1));
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "second", "seconds" -> 1L;
            case "m", "min", "mins", "minute", "minutes" -> 60L;
            case "h", "hour", "hours" -> 3_600L;
            case "d", "day", "days" -> 86_400L;
            case "w", "week", "weeks" -> 604_800L;
            default -> throw node.error("unknown unit '" + matcher.group(2) + "'; use seconds, minutes, hours, "
                    + "days or weeks");
        };
        return Math.round(amount * unit);
    }

    /** Whether a node looks like a duration ({@code 30 days}) rather than a plain number. */
    static boolean isDuration(YamlNode node) {
        return node.isScalar() && !node.isNull() && DURATION.matcher(node.text()).matches();
    }

    static boolean bool(YamlNode node) {
        if (node.kind() == YamlNode.Kind.BOOLEAN) {
            return Boolean.parseBoolean(node.text());
        }
        throw node.error("expected true or false, found " + node.describe());
    }

    static String string(YamlNode node) {
        if (node.isScalar() && !node.isNull()) {
            return node.text();
        }
        throw node.error("expected a text value, found " + node.describe());
    }
}
