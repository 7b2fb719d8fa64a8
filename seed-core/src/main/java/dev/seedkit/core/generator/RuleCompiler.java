package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a column's configured {@link RuleSpec} into a {@link Rule} for the column's type, refusing what cannot
 * work with the file, line and key: a range outside the column's type or checks, {@code between} on a number,
 * {@code null} for a NOT NULL column, a faker rule without Datafaker on the class path. Columns without a rule get
 * {@link DefaultRules}.
 */
final class RuleCompiler {

    private RuleCompiler() {
    }

    /** The rule for the column of {@code context}, as {@code spec} configures it. */
    static Rule compile(RuleSpec spec, ColumnContext context, String stream) {
        Rule rule = switch (spec.kind()) {
            case DEFAULT -> DefaultRules.of(context, false);
            case VALUE -> new BasicRules.Constant(Literals.of(spec.node(), context));
            case SEQUENCE -> sequence(spec, context);
            case RANGE -> range(spec, context, stream);
            case BETWEEN -> between(spec, context, stream);
            case PICK -> pick(spec, context, stream);
            case EACH -> each(spec, context);
            case PATTERN -> PatternRule.parse(spec.node().text(), context.random(stream), name -> context.refs()
                    .apply(name, spec.node()), message -> spec.node().error(message));
            case FAKER -> faker(spec, context, stream);
            case CHANCE -> new BasicRules.Chance(Scalars.fraction(spec.node()), context.random(stream));
            case AFTER -> after(spec, context, stream);
            case MIX -> mix(spec, context, stream);
            case JSON -> new StructuredRules.JsonDocument(JsonTemplates.compile(spec.node(), context, stream));
            case ARRAY -> array(spec, context, stream);
            case LEVELS -> levels(spec, context, stream);
            case PARENT -> throw spec.node().error(context.describe() + " is not a foreign key, so parent does not "
                    + "apply; give it a value rule (pick, range, pattern, ...)");
        };
        return withNulls(spec, context, rule, stream);
    }

    private static Rule withNulls(RuleSpec spec, ColumnContext context, Rule rule, String stream) {
        if (spec.nullFraction() == null || spec.nullFraction() == 0) {
            return rule;
        }
        if (!context.nullable() && context.type() != JsonTemplates.LEAF) {
            throw spec.nullNode().error(context.describe() + " is NOT NULL, so it cannot get NULLs; remove null");
        }
        return new BasicRules.Nullable(spec.nullFraction(), rule, context.random(stream + "#null"));
    }

    private static Rule sequence(RuleSpec spec, ColumnContext context) {
        YamlNode node = spec.node();
        long start = node.isMap() ? (node.get("start") == null ? context.sequenceStart()
                : Scalars.wholeNumber(node.get("start"), Long.MIN_VALUE)) : Scalars.wholeNumber(node, Long.MIN_VALUE);
        long step = node.isMap() && node.get("step") != null ? Scalars.wholeNumber(node.get("step"), Long.MIN_VALUE)
                : 1;
        ColumnType type = context.type();
        if (type.family() == ColumnType.Family.INTEGER) {
            long last = start + Math.max(0, context.plan().rows() - 1) * step;
            if (Math.min(start, last) < type.min() || Math.max(start, last) > type.max()) {
                throw node.error("the sequence runs from " + start + " to " + last + " over " + context.plan().rows()
                        + " rows, beyond " + type.name() + " (" + type.min() + " to " + type.max() + ") of "
                        + context.describe());
            }
            checkInside(node, context, BigDecimal.valueOf(start), BigDecimal.valueOf(last));
        }
        return new BasicRules.Sequence(start, step);
    }

    private static Rule range(RuleSpec spec, ColumnContext context, String stream) {
        Scalars.NumberRange range = Scalars.numberRange(spec.node());
        ColumnType type = context.type();
        Random64 random = context.random(stream);
        switch (type.family()) {
            case INTEGER -> {
                if (!range.whole()) {
                    throw spec.node().error(context.describe() + " holds whole numbers; write a range of whole "
                            + "numbers, found " + range);
                }
                checkInside(spec.node(), context, range.low(), range.high());
                if (range.lowLong() < type.min() || range.highLong() > type.max()) {
                    throw spec.node().error("the range " + range + " does not fit " + type.name() + " of "
                            + context.describe());
                }
                return new BasicRules.WholeRange(range.lowLong(), range.highLong(), random);
            }
            case DECIMAL, MONEY -> {
                checkInside(spec.node(), context, range.low(), range.high());
                int scale = type.scale();
                return new BasicRules.DecimalRange(unscaled(range.low(), scale), unscaled(range.high(), scale), scale,
                        random);
            }
            case FLOAT -> {
                checkInside(spec.node(), context, range.low(), range.high());
                return new BasicRules.FloatRange(range.low().doubleValue(), range.high().doubleValue(), random);
            }
            case TEXT, OTHER, JSON -> {
                if (range.whole()) {
                    return new BasicRules.WholeRange(range.lowLong(), range.highLong(), random);
                }
                int scale = Math.max(range.low().scale(), range.high().scale());
                return new BasicRules.DecimalRange(unscaled(range.low(), scale), unscaled(range.high(), scale), scale,
                        random);
            }
            default -> throw spec.node().error("range makes numbers, but " + context.describe() + " is "
                    + type.name() + (type.temporal() ? "; use between: [2024-01-01, 2025-12-31]" : ""));
        }
    }

    private static long unscaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private static void checkInside(YamlNode node, ColumnContext context, BigDecimal low, BigDecimal high) {
        Bounds bounds = Bounds.of(context.facts(), context.type());
        String violation = bounds.violation(low) != null ? bounds.violation(low) : bounds.violation(high);
        if (violation != null) {
            throw node.error("the values " + low.toPlainString() + " to " + high.toPlainString() + " go beyond what "
                    + "check constraint " + violation + " allows for " + context.describe() + "; narrow the range");
        }
    }

    private static Rule between(RuleSpec spec, ColumnContext context, String stream) {
        long from = Scalars.moment(spec.node().items().get(0));
        long to = Scalars.moment(spec.node().items().get(1));
        ColumnType type = context.type();
        boolean days = type.family() == ColumnType.Family.DATE;
        if (!type.temporal() && type.family() != ColumnType.Family.TEXT && type.family() != ColumnType.Family.OTHER) {
            throw spec.node().error("between makes dates and timestamps, but " + context.describe() + " is "
                    + type.name() + (type.numeric() ? "; use range: 1-100" : ""));
        }
        long low = days ? Math.floorDiv(from, Moments.SECONDS_PER_DAY) : from;
        long high = days ? Math.floorDiv(to, Moments.SECONDS_PER_DAY) : to;
        if (type.temporal()) {
            checkInside(spec.node(), context, BigDecimal.valueOf(low), BigDecimal.valueOf(high));
        }
        return new BasicRules.MomentRange(low, high, days, context.random(stream));
    }

    private static Rule each(RuleSpec spec, ColumnContext context) {
        Slot[] values = spec.node().items().stream().map(item -> Literals.of(item, context)).toArray(Slot[]::new);
        Set<String> seen = new HashSet<>();
        boolean distinct = context.plan().rows() <= values.length;
        for (Slot value : values) {
            distinct &= !value.isNull() && seen.add(value.asText());
        }
        return new BasicRules.Each(values, distinct);
    }

    private static Rule pick(RuleSpec spec, ColumnContext context, String stream) {
        YamlNode node = spec.node();
        List<Slot> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (node.isList()) {
            node.items().forEach(item -> {
                values.add(Literals.of(item, context));
                weights.add(1.0);
            });
        } else {
            for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
                YamlNode key = YamlNode.scalar(node.source(), YamlNode.Kind.STRING, entry.getKey(),
                        entry.getValue().line(), entry.getValue().path());
                values.add(Literals.of(key, context));
                weights.add(Scalars.weight(entry.getValue()));
            }
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        return new BasicRules.Pick(values.toArray(Slot[]::new), BasicRules.cumulative(w), context.random(stream));
    }

    /** Refuses a faker rule at {@code node} when Datafaker, an optional dependency, is not on the class path. */
    static void requireDatafaker(YamlNode node, ClassLoader loader) {
        try {
            Class.forName(FakerRule.FAKER_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            throw node.error("faker rules need Datafaker on the class path, which is optional for Seedkit: add the "
                    + "dependency net.datafaker:datafaker:2.7.0 (Gradle: implementation(\"net.datafaker:"
                    + "datafaker:2.7.0\")), or use pattern or pick instead; the seedkit command line includes it");
        }
    }

    private static Rule faker(RuleSpec spec, ColumnContext context, String stream) {
        requireDatafaker(spec.node(), RuleCompiler.class.getClassLoader());
        FakerRule rule = new FakerRule(spec.node().text(), context.fakerLocale(), context.random(stream));
        try {
            rule.fill(new Row(context.plan()), new Slot());
        } catch (RuntimeException e) {
            throw spec.node().error("Datafaker cannot make '" + spec.node().text() + "': " + e.getMessage()
                    + ". Name a provider and method as Datafaker documents them, e.g. Name.firstName, Company.name, "
                    + "Internet.emailAddress, Address.city, Lorem.sentence");
        }
        return rule;
    }

    private static Rule after(RuleSpec spec, ColumnContext context, String stream) {
        ValueRef source = context.refs().apply(spec.node().text(), spec.node());
        AfterRule.Unit unit = AfterRule.unitOf(context.type());
        if (unit == null) {
            throw spec.node().error("after applies to dates, timestamps and numbers, but " + context.describe()
                    + " is " + context.type().name());
        }
        YamlNode within = spec.whole().get("within");
        long max;
        if (within == null) {
            max = switch (unit) {
                case DAY -> 30;
                case SECOND -> 30 * Moments.SECONDS_PER_DAY;
                case SCALED -> 100 * (long) Math.pow(10, context.type().scale());
                default -> 100;
            };
        } else if (Scalars.isDuration(within)) {
            long seconds = Scalars.durationSeconds(within);
            if (unit != AfterRule.Unit.DAY && unit != AfterRule.Unit.SECOND) {
                throw within.error("a duration applies to dates and timestamps; " + context.describe()
                        + " is a number, so write within as a number");
            }
            max = unit == AfterRule.Unit.DAY ? seconds / Moments.SECONDS_PER_DAY : seconds;
        } else {
            BigDecimal high = Scalars.numberRange(within).high();
            max = unit == AfterRule.Unit.SCALED ? unscaled(high, context.type().scale()) : high.longValue();
        }
        long min = strictlyAfter(context, spec.node().text()) ? 1 : 0;
        return new AfterRule(source, unit, context.type().scale(), min, Math.max(min, max), context.random(stream));
    }

    /** Whether a check says this column is strictly greater than {@code other}. */
    private static boolean strictlyAfter(ColumnContext context, String other) {
        return context.facts().relations.stream().anyMatch(r -> r.other().equals(other) && r.op().equals(">"));
    }

    private static Rule mix(RuleSpec spec, ColumnContext context, String stream) {
        List<RuleSpec> parts = spec.parts();
        Rule[] rules = new Rule[parts.size()];
        double[] weights = new double[parts.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = compile(parts.get(i), context, stream + ".mix" + i);
            weights[i] = parts.get(i).weight();
        }
        return new BasicRules.Mix(rules, BasicRules.cumulative(weights), context.random(stream));
    }

    private static Rule levels(RuleSpec spec, ColumnContext context, String stream) {
        List<RuleSpec> parts = spec.parts();
        Rule[] rules = new Rule[parts.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = compile(parts.get(i), context, stream + ".level" + i);
        }
        return new BasicRules.Levels(rules);
    }

    private static Rule array(RuleSpec spec, ColumnContext context, String stream) {
        if (context.type().family() != ColumnType.Family.ARRAY) {
            throw spec.node().error("array applies to array columns, but " + context.describe() + " is "
                    + context.type().name());
        }
        YamlNode size = spec.node().get("size");
        Scalars.NumberRange sizes = size == null ? new Scalars.NumberRange(BigDecimal.ZERO, BigDecimal.valueOf(3))
                : Scalars.numberRange(size);
        ColumnContext element = context.withType(context.type().element());
        Rule rule = spec.parts().isEmpty() ? DefaultRules.of(element, false)
                : compile(spec.parts().get(0), element, stream + ".of");
        return new StructuredRules.ArrayOf(sizes.lowLong(), sizes.highLong(), rule, context.random(stream));
    }

    /** For messages that are not about a node: the table and column. */
    static SeedException error(ColumnContext context, String message) {
        return new SeedException(SeedException.Code.CONFIGURATION, context.describe() + ": " + message);
    }
}
