package dev.seedkit.core.generator;

import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which tables are generated and the shape of each: its row count (scaled unless {@code fixed}), or its
 * fan-out along the foreign key {@code per} names, with counts per parent row (by the parent's tier if configured),
 * and its tiers. Fan-outs are shaped after their parents; a circle of fan-outs is an error.
 */
final class Shapes {

    private final GeneratorConfig config;
    private final Schema schema;
    private final Map<TableName, TableSpec> specs;
    private final long seed;
    private final double scale;
    private final Map<TableName, TableShape> shapes = new LinkedHashMap<>();
    private final Map<TableName, String> untouched = new LinkedHashMap<>();
    private final Set<TableName> shaping = new HashSet<>();

    Shapes(GeneratorConfig config, Schema schema, Map<TableName, TableSpec> specs, long seed, double scale) {
        this.config = config;
        this.schema = schema;
        this.specs = specs;
        this.seed = seed;
        this.scale = scale;
        for (Table table : schema.tables()) {
            String reason = untouchedReason(table, specs.get(table.name()));
            if (reason != null) {
                untouched.put(table.name(), reason);
            }
        }
        for (Table table : schema.tables()) {
            if (!untouched.containsKey(table.name())) {
                shape(table.name());
            }
        }
    }

    /** Why {@code table} is left as it is, or null; migration tools' history tables are, unless configured. */
    private static String untouchedReason(Table table, TableSpec spec) {
        if (spec == null) {
            return MigrationHistory.isHistory(table) ? "a migration tool's history table" : null;
        }
        if (spec.existing()) {
            return "existing: true";
        }
        return spec.rows() != null && spec.rows() == 0 ? "rows: 0" : null;
    }

    /** The shape of a generated table; null for one left alone. */
    TableShape shape(TableName name) {
        TableShape known = shapes.get(name);
        if (known != null || untouched.containsKey(name)) {
            return known;
        }
        TableSpec spec = specs.get(name);
        if (!shaping.add(name)) {
            throw spec.per().error("the fan-outs (per) of " + name + " lead back to itself; one table of the "
                    + "circle needs rows instead of per");
        }
        TableShape shape = spec != null && spec.per() != null ? fanOut(name, spec) : TableShape.ofRows(name,
                rows(spec));
        if (spec != null && !spec.tiers().isEmpty()) {
            List<String> names = spec.tiers().stream().map(TableSpec.Tier::name).toList();
            shape.tiers(names, spec.tiers().stream().mapToDouble(TableSpec.Tier::weight).toArray(), seed);
        }
        shapes.put(name, shape);
        return shape;
    }

    private long rows(TableSpec spec) {
        long rows = spec != null && spec.rows() != null ? spec.rows() : config.defaults().rows();
        if ((spec != null && spec.fixed()) || rows == 0 || scale == 1) {
            return rows;
        }
        return Math.max(1, Math.round(rows * scale));
    }

    private TableShape fanOut(TableName name, TableSpec spec) {
        ForeignKey key = perKey(name, spec.per());
        TableShape parent = shape(key.parent());
        if (parent == null) {
            throw spec.per().error(name + " fans out per row of " + key.parent() + ", which is not generated ("
                    + untouched.get(key.parent()) + "); give " + key.parent() + " rows, or give " + name
                    + " rows instead of per");
        }
        CountSpec count = spec.count();
        if (!count.byTier()) {
            return TableShape.fanOut(name, parent, key, new long[] {count.all().lowLong()},
                    new long[] {count.all().highLong()}, seed);
        }
        List<String> tiers = parent.tierNames();
        if (tiers.isEmpty()) {
            throw count.node().error("count gives a range per tier, but " + key.parent() + " has no tiers; give it "
                    + "tiers, or give count one range such as 1-5");
        }
        long[] low = new long[tiers.size()];
        long[] high = new long[tiers.size()];
        for (String tier : count.tiers().keySet()) {
            if (!tiers.contains(tier)) {
                throw count.node().get(tier).error("tier '" + tier + "' is not a tier of " + key.parent()
                        + "; its tiers are " + String.join(", ", tiers));
            }
        }
        for (int i = 0; i < tiers.size(); i++) {
            Scalars.NumberRange range = count.tiers().get(tiers.get(i));
            if (range == null) {
                throw count.node().error("count gives no range for tier '" + tiers.get(i) + "' of " + key.parent()
                        + "; give one for each of " + String.join(", ", tiers));
            }
            low[i] = range.lowLong();
            high[i] = range.highLong();
        }
        return TableShape.fanOut(name, parent, key, low, high, seed);
    }

    /** The foreign key {@code per} names: a column of the table, or a parent table it references once. */
    private ForeignKey perKey(TableName name, YamlNode per) {
        String written = per.text();
        List<ForeignKey> outgoing = schema.outgoing(name);
        for (ForeignKey fk : outgoing) {
            if (fk.childColumns().get(0).equals(written)) {
                return fk;
            }
        }
        TableName parent = TableNames.resolve(written, schema, per);
        List<ForeignKey> toParent = new ArrayList<>(outgoing.stream().filter(fk -> fk.parent().equals(parent))
                .toList());
        if (toParent.isEmpty()) {
            throw per.error(name + " has no foreign key to " + parent + ", so it cannot fan out per its rows");
        }
        if (toParent.size() > 1) {
            throw per.error(name + " references " + parent + " through several foreign keys ("
                    + String.join(", ", toParent.stream().map(fk -> fk.childColumns().toString()).toList())
                    + "); name the column, e.g. per: " + toParent.get(0).childColumns().get(0));
        }
        return toParent.get(0);
    }

    /** Tables left as they are, with the reason. */
    Map<TableName, String> untouched() {
        return untouched;
    }
}
