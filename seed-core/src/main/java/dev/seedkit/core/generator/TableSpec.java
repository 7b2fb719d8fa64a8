package dev.seedkit.core.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's entry in the configuration, checked for shape: how many rows (a number, or a fan-out {@code per}
 * parent with a {@code count} per parent, by the parent's tier if wanted), its own tiers, its id range, and its
 * column rules. Names are resolved against the schema later ({@link GenerationModel}).
 */
final class TableSpec {

    static final List<String> KEYS = List.of("rows", "per", "count", "tiers", "ids", "existing", "fixed",
            "duplicates", "columns");

    /** A named tier and its weight. */
    record Tier(String name, double weight, YamlNode node) {
    }

    private final String name;
    private final YamlNode node;
    private final Long rows;
    private final YamlNode per;
    private final CountSpec count;
    private final List<Tier> tiers;
    private final YamlNode ids;
    private final boolean existing;
    private final boolean fixed;
    private final Double duplicates;
    private final Map<String, RuleSpec> columns;

    private TableSpec(String name, YamlNode node) {
        Keys.check(node, KEYS);
        this.name = name;
        this.node = node;
        this.rows = node.get("rows") == null ? null : Scalars.wholeNumber(node.get("rows"), 0);
        this.per = node.get("per");
        this.count = node.get("count") == null ? null : CountSpec.parse(node.get("count"));
        this.tiers = tiers(node.get("tiers"));
        this.ids = node.get("ids");
        this.existing = node.get("existing") != null && Scalars.bool(node.get("existing"));
        this.fixed = node.get("fixed") != null && Scalars.bool(node.get("fixed"));
        this.duplicates = node.get("duplicates") == null ? null : Scalars.fraction(node.get("duplicates"));
        this.columns = columns(node.get("columns"));
        checkCombinations();
    }

    static TableSpec parse(String name, YamlNode node) {
        return new TableSpec(name, Keys.requireMap(node));
    }

    private void checkCombinations() {
        if (per != null) {
            Scalars.string(per);
            if (rows != null) {
                throw node.get("rows").error("a table gets either rows (a number) or per (a fan-out for each parent "
                        + "row) with count, not both");
            }
            if (count == null) {
                throw per.error("per needs a count: how many rows for each parent row, e.g. count: 1-3");
            }
        } else if (count != null) {
            throw node.get("count").error("count needs per: the parent table (or foreign-key column) to count for");
        }
        if (existing && (rows != null || per != null || !columns.isEmpty() || !tiers.isEmpty())) {
            throw node.get("existing").error("existing: true keeps the rows the table has and generates none; "
                    + "remove rows, per, tiers and columns, or remove existing");
        }
        if (ids != null) {
            IdRange.parse(ids);
        }
    }

    private static List<Tier> tiers(YamlNode node) {
        if (node == null) {
            return List.of();
        }
        Keys.requireMap(node);
        if (node.entries().isEmpty()) {
            throw node.error("tiers needs at least one tier, e.g. {small: 70%, large: 30%}");
        }
        List<Tier> tiers = new ArrayList<>();
        double total = 0;
        for (var entry : node.entries().entrySet()) {
            double weight = Scalars.weight(entry.getValue());
            tiers.add(new Tier(entry.getKey(), weight, entry.getValue()));
            total += weight;
        }
        if (total <= 0) {
            throw node.error("the weights of the tiers add up to 0; give at least one tier a weight above 0");
        }
        return List.copyOf(tiers);
    }

    private static Map<String, RuleSpec> columns(YamlNode node) {
        Map<String, RuleSpec> rules = new LinkedHashMap<>();
        if (node != null) {
            Keys.requireMap(node);
            node.entries().forEach((column, rule) -> rules.put(column, RuleSpec.parse(rule, false)));
        }
        return rules;
    }

    /** The table as written in the configuration ({@code public.users} or {@code users}). */
    String name() {
        return name;
    }

    YamlNode node() {
        return node;
    }

    /** Rows to generate, if given as a number. */
    Long rows() {
        return rows;
    }

    /** The parent (table or foreign-key column) of a fan-out, if any. */
    YamlNode per() {
        return per;
    }

    CountSpec count() {
        return count;
    }

    List<Tier> tiers() {
        return tiers;
    }

    YamlNode ids() {
        return ids;
    }

    boolean existing() {
        return existing;
    }

    /** Whether the row count stays the same whatever the scale. */
    boolean fixed() {
        return fixed;
    }

    Double duplicates() {
        return duplicates;
    }

    Map<String, RuleSpec> columns() {
        return columns;
    }
}
