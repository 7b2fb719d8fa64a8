package dev.seedkit.core.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rule a column gets when the configuration gives it none, from its type and what its checks say: sequences
 * for columns that carry a unique key, numbers in the range the checks allow (0 to 1,000 otherwise), dates and
 * timestamps in the configured span, {@code column n} text (short codes for short columns, {@code emailN@example.com}
 * for e-mail columns), enum labels, UUIDs, {@code {}} for JSON, and arrays of up to three elements. A column that a
 * check says is greater than another comes after it. Nullable columns get the default share of NULLs.
 */
final class DefaultRules {

    private static final BigDecimal SPAN = BigDecimal.valueOf(1_000);
    private static final long FIVE_YEARS = 5 * 365 * Moments.SECONDS_PER_DAY;

    private DefaultRules() {
    }

    /**
     * The default rule, or null when the column is best left to the database (a type the generator cannot make,
     * with a default or NULLs allowed); {@code nulls} adds the default share of NULLs for a nullable column.
     */
    static Rule of(ColumnContext context, boolean nulls) {
        Rule rule = base(context);
        double share = context.defaults().nullFraction();
        if (rule != null && nulls && share > 0 && context.nullable() && !context.distinct()) {
            return new BasicRules.Nullable(share, rule, context.random("default#null"));
        }
        return rule;
    }

    private static Rule base(ColumnContext context) {
        List<String> allowed = context.facts().allowedValues();
        if (allowed != null && !context.distinct()) {
            if (allowed.isEmpty()) {
                throw RuleCompiler.error(context, "its check constraints allow no value at all");
            }
            Slot[] values = allowed.stream().map(v -> new Slot().setText(v)).toArray(Slot[]::new);
            return new BasicRules.Pick(values, BasicRules.cumulative(ones(values.length)), context.random("default"));
        }
        for (ColumnFacts.Relation relation : context.facts().relations) {
            int other = context.plan().columnIndex(relation.other());
            AfterRule.Unit unit = AfterRule.unitOf(context.type());
            if (other >= 0 && unit != null && !context.distinct()) {
                return after(context, other, relation, unit);
            }
        }
        return byFamily(context);
    }

    private static Rule byFamily(ColumnContext context) {
        ColumnType type = context.type();
        Random64 random = context.random("default");
        return switch (type.family()) {
            case INTEGER -> context.distinct() ? sequence(context) : whole(context, random);
            case DECIMAL, MONEY -> context.distinct() ? sequence(context) : decimal(context, random);
            case FLOAT -> {
                BigDecimal[] range = numbers(context, null);
                yield new BasicRules.FloatRange(range[0].doubleValue(), range[1].doubleValue(), random);
            }
            case TEXT -> text(context);
            case BOOLEAN -> new BasicRules.Chance(0.5, random);
            case DATE, TIMESTAMP, TIMESTAMPTZ -> moment(context, random);
            case TIME -> new TextRules.TimeOfDay(random);
            case INTERVAL -> new TextRules.Interval(random);
            case UUID -> new BasicRules.Uuid(random);
            case JSON -> new BasicRules.Constant(new Slot().setJson("{}"));
            case ENUM -> {
                Slot[] labels = type.labels().stream().map(l -> new Slot().setText(l)).toArray(Slot[]::new);
                yield new BasicRules.Pick(labels, BasicRules.cumulative(ones(labels.length)), random);
            }
            case INET -> new TextRules.Network(false, random);
            case CIDR -> new TextRules.Network(true, random);
            case MACADDR -> new TextRules.Mac(random);
            case BYTEA -> new TextRules.Bytes(random);
            case XML -> new TextRules.Xml(context.column().name().replaceAll("[^A-Za-z0-9_]", "_"));
            case ARRAY -> new StructuredRules.ArrayOf(0, 3, of(context.withType(type.element()), false), random);
            case OTHER -> other(context);
        };
    }

    private static Rule other(ColumnContext context) {
        if (context.type() == JsonTemplates.LEAF) {
            return new TextRules.Numbered("value ", "", 0);
        }
        if (context.distinct() || (!context.nullable() && context.column().defaultExpression().isEmpty())) {
            throw RuleCompiler.error(context, "the generator has no default for type " + context.type().name()
                    + "; give the column a rule in the config (value, pick, pattern, ...)");
        }
        return context.nullable() && context.column().defaultExpression().isEmpty()
                ? new BasicRules.Constant(new Slot().setNull()) : null;
    }

    private static Rule sequence(ColumnContext context) {
        Bounds bounds = Bounds.of(context.facts(), context.type());
        long start = context.sequenceStart();
        if (bounds.low() != null && BigDecimal.valueOf(start).compareTo(bounds.low()) < 0) {
            start = bounds.low().setScale(0, RoundingMode.CEILING).longValueExact();
        }
        long last = start + Math.max(0, context.plan().rows() - 1);
        if (bounds.high() != null && BigDecimal.valueOf(last).compareTo(bounds.high()) > 0) {
            throw RuleCompiler.error(context, "its values must differ row by row, but " + context.plan().rows()
                    + " rows from " + start + " go beyond check constraint " + bounds.highReason());
        }
        return new BasicRules.Sequence(start, 1);
    }

    private static Rule whole(ColumnContext context, Random64 random) {
        BigDecimal[] range = numbers(context, BigDecimal.ONE);
        return new BasicRules.WholeRange(range[0].setScale(0, RoundingMode.CEILING).longValueExact(),
                range[1].setScale(0, RoundingMode.FLOOR).longValueExact(), random);
    }

    private static Rule decimal(ColumnContext context, Random64 random) {
        int scale = context.type().scale();
        BigDecimal[] range = numbers(context, BigDecimal.ONE.movePointLeft(scale));
        return new BasicRules.DecimalRange(range[0].setScale(scale, RoundingMode.CEILING).unscaledValue()
                .longValueExact(), range[1].setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact(),
                scale, random);
    }

    /** The default numeric range: inside the checks, 0 to 1,000 where they say nothing, inside the type. */
    private static BigDecimal[] numbers(ColumnContext context, BigDecimal unit) {
        Bounds bounds = Bounds.of(context.facts(), context.type());
        BigDecimal low = bounds.low() != null ? bounds.low() : bounds.high() != null
                && bounds.high().signum() < 0 ? bounds.high().subtract(SPAN) : BigDecimal.ZERO;
        BigDecimal high = bounds.high() != null ? bounds.high().min(low.add(SPAN)) : low.add(SPAN);
        ColumnType type = context.type();
        if (type.family() == ColumnType.Family.INTEGER) {
            low = low.max(BigDecimal.valueOf(type.min()));
            high = high.min(BigDecimal.valueOf(type.max()));
        } else if (type.precision() > 0 && unit != null) {
            BigDecimal max = BigDecimal.TEN.pow(type.precision() - type.scale()).subtract(unit);
            low = low.max(max.negate());
            high = high.min(max);
        }
        if (low.compareTo(high) > 0) {
            throw RuleCompiler.error(context, "its check constraints (" + bounds.lowReason() + ", "
                    + bounds.highReason() + ") and type " + type.name() + " leave no value");
        }
        return new BigDecimal[] {low, high};
    }

    private static Rule moment(ColumnContext context, Random64 random) {
        boolean days = context.type().family() == ColumnType.Family.DATE;
        long unit = days ? Moments.SECONDS_PER_DAY : 1;
        Bounds bounds = Bounds.of(context.facts(), context.type());
        long low = Math.floorDiv(context.defaults().fromSecond(), unit);
        long high = Math.floorDiv(context.defaults().toSecond(), unit);
        if (bounds.low() != null) {
            low = Math.max(low, bounds.low().longValue());
        }
        if (bounds.high() != null) {
            high = Math.min(high, bounds.high().longValue());
        }
        if (low > high) {
            low = bounds.low() != null ? bounds.low().longValue() : bounds.high().longValue() - FIVE_YEARS / unit;
            high = bounds.high() != null ? bounds.high().longValue() : low + FIVE_YEARS / unit;
        }
        return new BasicRules.MomentRange(low, high, days, random);
    }

    private static Rule after(ColumnContext context, int other, ColumnFacts.Relation relation,
            AfterRule.Unit unit) {
        long max = switch (unit) {
            case DAY -> 30;
            case SECOND -> 30 * Moments.SECONDS_PER_DAY;
            case SCALED -> 100 * (long) Math.pow(10, context.type().scale());
            default -> 100;
        };
        long min = relation.op().equals(">") ? 1 : 0;
        return new AfterRule(ValueRef.sameRow(other, context.plan().type(other)), unit, context.type().scale(), min,
                max, context.random("default"));
    }

    private static Rule text(ColumnContext context) {
        ColumnType type = context.type();
        String name = context.column().name();
        int maxLength = Math.min(type.maxLength() < 0 ? Integer.MAX_VALUE : type.maxLength(),
                context.facts().maxLength == null ? Integer.MAX_VALUE : context.facts().maxLength);
        int minLength = context.facts().minLength == null ? 0 : context.facts().minLength;
        boolean email = name.toLowerCase(Locale.ROOT).contains("email");
        String prefix = email ? name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") : name + " ";
        String suffix = email ? "@example.com" : "";
        int longest = prefix.length() + Long.toString(context.plan().rows()).length() + suffix.length();
        if (type.fixedLength() || longest > maxLength) {
            int length = type.fixedLength() ? maxLength : Math.max(minLength, Math.min(maxLength, 8));
            TextRules.Code code = new TextRules.Code(length);
            if (context.distinct() && code.capacity() < context.plan().rows()) {
                throw RuleCompiler.error(context, "its values must differ row by row, but " + context.plan().rows()
                        + " rows do not fit in " + maxLength + " characters");
            }
            return code;
        }
        return new TextRules.Numbered(prefix, suffix, minLength);
    }

    private static double[] ones(int count) {
        double[] weights = new double[count];
        Arrays.fill(weights, 1);
        return weights;
    }
}
