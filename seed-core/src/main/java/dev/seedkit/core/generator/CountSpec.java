package dev.seedkit.core.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fan-out's {@code count}: rows per parent row, one range for every parent ({@code count: 1-3}) or one per tier
 * of the parent ({@code count: {small: 1-2, large: 10-50}}).
 */
final class CountSpec {

    private final YamlNode node;
    private final Scalars.NumberRange all;
    private final Map<String, Scalars.NumberRange> byTier;

    private CountSpec(YamlNode node, Scalars.NumberRange all, Map<String, Scalars.NumberRange> byTier) {
        this.node = node;
        this.all = all;
        this.byTier = byTier;
    }

    static CountSpec parse(YamlNode node) {
        if (node.isMap() && node.get("min") == null) {
            Map<String, Scalars.NumberRange> byTier = new LinkedHashMap<>();
            node.entries().forEach((tier, range) -> byTier.put(tier, checked(range)));
            if (byTier.isEmpty()) {
                throw node.error("count needs a range, or one range per tier of the parent");
            }
            return new CountSpec(node, null, byTier);
        }
        return new CountSpec(node, checked(node), Map.of());
    }

    private static Scalars.NumberRange checked(YamlNode node) {
        Scalars.NumberRange range = Scalars.numberRange(node);
        if (!range.whole() || range.low().signum() < 0) {
            throw node.error("a count is a whole number or a range of whole numbers from 0, e.g. 0-3, found "
                    + node.describe());
        }
        return range;
    }

    YamlNode node() {
        return node;
    }

    /** Whether the count depends on the parent's tier. */
    boolean byTier() {
        return all == null;
    }

    /** The one range for every parent; null when {@link #byTier()}. */
    Scalars.NumberRange all() {
        return all;
    }

    Map<String, Scalars.NumberRange> tiers() {
        return byTier;
    }
}
