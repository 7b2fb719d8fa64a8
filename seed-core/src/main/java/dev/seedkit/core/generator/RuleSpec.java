package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One column's rule as the configuration writes it, checked for shape (known keys, one kind of rule, sensible
 * numbers) but not yet against the schema: that is {@link RuleCompiler}'s job. A scalar is shorthand for
 * {@code value}, a list for {@code pick}; a map names one rule key plus modifiers ({@code null}, and {@code weight}
 * inside {@code mix}).
 */
final class RuleSpec {

    /** The kinds of rule, each named by its key in the configuration. */
    enum Kind {
        VALUE("value"), SEQUENCE("sequence"), RANGE("range"), BETWEEN("between"), PICK("pick"), EACH("each"),
        PATTERN("pattern"), FAKER("faker"), CHANCE("chance"), AFTER("after"), MIX("mix"), JSON("json"),
        ARRAY("array"), LEVELS("levels"), PARENT("parent"),
        /** Only modifiers were given ({@code {null: 0.2}}): the column keeps its default rule. */
        DEFAULT("");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** Keys that may come with each kind, besides the rule key itself and {@code null}. */
    private static final Map<Kind, List<String>> EXTRA_KEYS = Map.of(
            Kind.AFTER, List.of("within"),
            Kind.PARENT, List.of("skew"));

    static final List<String> RULE_KEYS = ruleKeys();

    private final Kind kind;
    private final YamlNode node;
    private final YamlNode value;
    private final YamlNode whole;
    private final Double nullFraction;
    private final YamlNode nullNode;
    private final double weight;
    private final List<RuleSpec> parts;

    private RuleSpec(Kind kind, YamlNode whole, YamlNode value, Double nullFraction, YamlNode nullNode, double weight,
            List<RuleSpec> parts) {
        this.kind = kind;
        this.node = value != null ? value : whole;
        this.value = value;
        this.whole = whole;
        this.nullFraction = nullFraction;
        this.nullNode = nullNode;
        this.weight = weight;
        this.parts = List.copyOf(parts);
    }

    /** Parses a column's rule; {@code inMix} allows {@code weight}. */
    static RuleSpec parse(YamlNode node, boolean inMix) {
        if (node.isScalar()) {
            if (inMix) {
                throw node.error("each item of mix is a map with a weight and a rule, e.g. {weight: 3, pick: [a, b]}");
            }
            return new RuleSpec(Kind.VALUE, node, node, null, null, 1, List.of());
        }
        if (node.isList()) {
            if (inMix) {
                throw node.error("each item of mix is a map with a weight and a rule, e.g. {weight: 3, pick: [a, b]}");
            }
            checkPickItems(node);
            return new RuleSpec(Kind.PICK, node, node, null, null, 1, List.of());
        }
        List<String> ruleKeys = Keys.present(node, RULE_KEYS);
        if (ruleKeys.size() > 1) {
            throw node.get(ruleKeys.get(1)).error("one rule per column, but this map has " + String.join(" and ",
                    ruleKeys) + "; use mix to combine rules");
        }
        Kind kind = ruleKeys.isEmpty() ? Kind.DEFAULT : kindOf(ruleKeys.get(0));
        Set<String> allowed = new LinkedHashSet<>();
        if (kind != Kind.DEFAULT) {
            allowed.add(kind.key);
        }
        allowed.addAll(EXTRA_KEYS.getOrDefault(kind, List.of()));
        allowed.add("null");
        if (inMix) {
            allowed.add("weight");
        }
        checkKeys(node, allowed, kind);
        YamlNode nullNode = node.get("null");
        Double nullFraction = nullNode == null ? null : Scalars.fraction(nullNode);
        double weight = inMix ? Scalars.weight(Keys.required(node, "weight")) : 1;
        YamlNode value = kind == Kind.DEFAULT ? null : node.get(kind.key);
        RuleSpec spec = new RuleSpec(kind, node, value, nullFraction, nullNode, weight, parts(kind, value));
        spec.checkShape();
        return spec;
    }

    private static void checkKeys(YamlNode node, Set<String> allowed, Kind kind) {
        for (var entry : node.entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                String known = kind == Kind.DEFAULT ? "a rule (" + String.join(", ", RULE_KEYS) + ") and null"
                        : String.join(", ", allowed);
                throw entry.getValue().error("unknown key '" + entry.getKey() + "'; known keys here: " + known);
            }
        }
    }

    private static List<RuleSpec> parts(Kind kind, YamlNode value) {
        List<RuleSpec> parts = new ArrayList<>();
        if (kind == Kind.MIX) {
            if (!value.isList() || value.items().isEmpty()) {
                throw value.error("mix needs a list of alternatives, e.g. [{weight: 3, pattern: ...}, {weight: 1, "
                        + "value: null}]");
            }
            value.items().forEach(item -> parts.add(parse(Keys.requireMap(item), true)));
            if (parts.stream().mapToDouble(RuleSpec::weight).sum() <= 0) {
                throw value.error("the weights of mix add up to 0; give at least one alternative a weight above 0");
            }
        } else if (kind == Kind.LEVELS) {
            if (!value.isList() || value.items().isEmpty()) {
                throw value.error("levels needs a list with one rule or value per tree level, root first");
            }
            value.items().forEach(item -> parts.add(parse(item, false)));
        } else if (kind == Kind.ARRAY) {
            Keys.check(value, List.of("size", "of"));
            if (value.get("size") != null) {
                Scalars.NumberRange size = Scalars.numberRange(value.get("size"));
                if (!size.whole() || size.lowLong() < 0) {
                    throw value.get("size").error("the size of an array is a range of whole numbers from 0, e.g. 0-3");
                }
            }
            if (value.get("of") != null) {
                parts.add(parse(value.get("of"), false));
            }
        }
        return parts;
    }

    private void checkShape() {
        switch (kind) {
            case SEQUENCE -> {
                if (value.isMap()) {
                    Keys.check(value, List.of("start", "step"));
                    if (value.get("step") != null && Scalars.wholeNumber(value.get("step"), Long.MIN_VALUE) == 0) {
                        throw value.get("step").error("a sequence's step cannot be 0");
                    }
                } else {
                    Scalars.number(value);
                }
            }
            case RANGE -> Scalars.numberRange(value);
            case BETWEEN -> {
                if (!value.isList() || value.items().size() != 2) {
                    throw value.error("between takes two moments, e.g. [2024-01-01, 2025-12-31]");
                }
                if (Scalars.moment(value.items().get(0)) > Scalars.moment(value.items().get(1))) {
                    throw value.error("the first moment of between is after the second; write the earlier first");
                }
            }
            case PICK -> checkPickItems(value);
            case EACH -> {
                if (!value.isList() || value.items().isEmpty()) {
                    throw value.error("each takes a list of values, used in turn");
                }
            }
            case PATTERN, FAKER, AFTER -> Scalars.string(value);
            case CHANCE -> Scalars.fraction(value);
            case PARENT -> checkParent();
            default -> { }
        }
        if (kind == Kind.AFTER && whole.get("within") != null && !Scalars.isDuration(whole.get("within"))) {
            Scalars.numberRange(whole.get("within"));
        }
    }

    private void checkParent() {
        String mode = Scalars.string(value);
        if (!ParentChoice.MODES.contains(mode)) {
            throw value.error("unknown parent choice '" + mode + "'; use one of " + String.join(", ",
                    ParentChoice.MODES));
        }
        YamlNode skew = whole.get("skew");
        if (skew != null) {
            if (!mode.equals("skewed")) {
                throw skew.error("skew applies to parent: skewed only");
            }
            if (Scalars.number(skew).doubleValue() < 1) {
                throw skew.error("skew is an exponent of 1 or more (1 is uniform, 2 is the default, higher is more "
                        + "skewed), found " + skew.describe());
            }
        }
    }

    private static void checkPickItems(YamlNode value) {
        if (value.isList()) {
            if (value.items().isEmpty()) {
                throw value.error("pick needs at least one value");
            }
        } else if (value.isMap()) {
            if (value.entries().isEmpty()) {
                throw value.error("pick needs at least one value");
            }
            double total = 0;
            for (YamlNode weight : value.entries().values()) {
                total += Scalars.weight(weight);
            }
            if (total <= 0) {
                throw value.error("the weights of pick add up to 0; give at least one value a weight above 0");
            }
        } else {
            throw value.error("pick takes a list of values, or a map of values to weights, found "
                    + value.describe());
        }
    }

    private static Kind kindOf(String key) {
        for (Kind kind : Kind.values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static List<String> ruleKeys() {
        List<String> keys = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind != Kind.DEFAULT) {
                keys.add(kind.key);
            }
        }
        return List.copyOf(keys);
    }

    Kind kind() {
        return kind;
    }

    /** The rule key's value (the {@code pick} list, the {@code pattern} text...); the whole map for DEFAULT. */
    YamlNode node() {
        return node;
    }

    /** The whole rule map (or the scalar or list of a shorthand). */
    YamlNode whole() {
        return whole;
    }

    /** The {@code null} fraction, if given. */
    Double nullFraction() {
        return nullFraction;
    }

    YamlNode nullNode() {
        return nullNode;
    }

    double weight() {
        return weight;
    }

    /** The alternatives of mix, the levels of levels, the element rule of array. */
    List<RuleSpec> parts() {
        return parts;
    }

    @Override
    public String toString() {
        return kind + " at " + whole.where();
    }
}
