package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a generation run will write, decided before a row is made: which tables are generated and how many
 * rows each gets ({@link Shapes}), and each generated table compiled into a {@link TablePlan}. Tables not generated
 * (marked {@code existing}, given {@code rows: 0}, or migration tools' history tables) are left as they are, and
 * generated rows that reference them take their existing keys.
 */
final class GenerationModel {

    private final Schema schema;
    private final Map<TableName, TablePlan> plans;
    private final Map<TableName, String> untouched;
    private final long seed;

    private GenerationModel(Schema schema, Map<TableName, TablePlan> plans, Map<TableName, String> untouched,
            long seed) {
        this.schema = schema;
        this.plans = plans;
        this.untouched = untouched;
        this.seed = seed;
    }

    /** Builds the model of {@code config} for the schema {@code connection} reads. */
    static GenerationModel build(Connection connection, GeneratorConfig config, Schema schema, long seed,
            double scale) {
        TypeCatalog catalog = TypeCatalog.read(connection, schema.schemaNames());
        Map<TableName, TableSpec> specs = TableNames.resolve(config, schema);
        Shapes shapes = new Shapes(config, schema, specs, seed, scale);
        Map<TableName, TablePlan> plans = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            TableShape shape = shapes.shape(table.name());
            if (shape != null) {
                List<ColumnType> types = table.columns().stream().map(catalog::typeOf).toList();
                plans.put(table.name(), new TablePlan(table, shape, types));
            }
        }
        Context context = new Context(connection, config, schema, catalog, plans, seed);
        for (TablePlan plan : plans.values()) {
            TableSpec spec = specs.get(plan.name());
            new TableCompiler(context, plan, spec).compile();
            duplicates(plan, spec);
        }
        return new GenerationModel(schema, plans, shapes.untouched(), seed);
    }

    private static void duplicates(TablePlan plan, TableSpec spec) {
        if (spec != null && spec.duplicates() != null && spec.duplicates() > 0) {
            if (!plan.table().keys().isEmpty()) {
                throw spec.node().get("duplicates").error(plan.name() + " has a unique key ("
                        + plan.table().keys().get(0).columns() + "), so it cannot hold duplicate rows");
            }
            plan.duplicates(spec.duplicates());
        }
    }

    Schema schema() {
        return schema;
    }

    /** The generated tables' plans, by table name. */
    Map<TableName, TablePlan> plans() {
        return plans;
    }

    /** Tables left as they are, with the reason. */
    Map<TableName, String> untouched() {
        return untouched;
    }

    long seed() {
        return seed;
    }

    /** What compiling a table needs to know about the rest: the other plans, the catalog, the configuration. */
    static final class Context {
        private final Connection connection;
        private final GeneratorConfig config;
        private final Schema schema;
        private final TypeCatalog catalog;
        private final Map<TableName, TablePlan> plans;
        private final long seed;
        private final Map<String, ExistingRows> existing = new HashMap<>();

        Context(Connection connection, GeneratorConfig config, Schema schema, TypeCatalog catalog,
                Map<TableName, TablePlan> plans, long seed) {
            this.connection = connection;
            this.config = config;
            this.schema = schema;
            this.catalog = catalog;
            this.plans = plans;
            this.seed = seed;
        }

        Schema schema() {
            return schema;
        }

        TypeCatalog catalog() {
            return catalog;
        }

        long seed() {
            return seed;
        }

        GeneratorConfig.Defaults defaults() {
            return config.defaults();
        }

        String fakerLocale() {
            return config.fakerLocale();
        }

        /** The plan of a generated table; null when {@code table} is not generated. */
        TablePlan plan(TableName table) {
            return plans.get(table);
        }

        /** The existing keys of a table that is not generated, read once per table and columns. */
        ExistingRows existing(TableName table, List<String> columns) {
            return existing.computeIfAbsent(table + " " + columns, k -> ExistingRows.read(connection, table,
                    new ArrayList<>(columns)));
        }

        SeedException error(String message) {
            return new SeedException(SeedException.Code.CONFIGURATION, "Generator config " + config.source() + ": "
                    + message);
        }
    }
}
