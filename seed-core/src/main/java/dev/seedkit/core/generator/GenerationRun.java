package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.schema.CyclePlan;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation, start to commit (or rollback): read the schema, build the model, switch foreign-key triggers off
 * where allowed, check (or empty) the target tables, write each table in load-plan order, fill the NULL-then-UPDATE
 * columns, check deferred constraints, validate, move sequences, commit.
 */
final class GenerationRun {

    private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);

    private final DataGenerator options;
    private final Connection connection;
    private final long started = System.nanoTime();
    private String doing = "starting";

    GenerationRun(DataGenerator options, Connection connection) {
        this.options = options;
        this.connection = connection;
    }

    GenerationReport run(boolean dryRun) {
        boolean autoCommit = autoCommit();
        try {
            connection.setAutoCommit(false);
            GenerationReport report = execute(dryRun);
            if (dryRun) {
                connection.rollback();
            } else {
                doing = "committing";
                connection.commit();
            }
            return report;
        } catch (SQLException e) {
            rollBack(e);
            throw GenerationErrors.describe(e, doing);
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        } catch (Exception e) {
            rollBack(e);
            throw new SeedException(SeedException.Code.DATABASE, "Generation failed while " + doing
                    + ", nothing was written: " + e, e);
        } finally {
            restore(autoCommit);
        }
    }

    private GenerationReport execute(boolean dryRun) throws Exception {
        SnapshotSession.applyLocal(connection);
        doing = "reading the schema";
        Schema schema = readSchema();
        doing = "checking the config against the schema";
        GenerationModel model = GenerationModel.build(connection, options.config(), schema, options.seed(),
                options.scale());
        boolean triggersOff = !dryRun && options.triggersOffAllowed() && switchTriggersOff();
        LoadPlan plan = LoadPlan.builder(schema).allowReplicaRole(triggersOff || (dryRun
                && options.triggersOffAllowed())).build();
        List<TablePlan> order = inPlanOrder(plan, model);
        List<String> notes = notes(order);
        if (dryRun) {
            return report(model, plan, order, planned(order), new GenerationReport.Validated(List.of(), List.of(),
                    TierStatistics.shares(order), TierStatistics.fanOuts(order)), false, true, notes);
        }
        prepareTables(order);
        Map<TableName, Set<String>> nulled = triggersOff ? Map.of() : nulledColumns(plan, model);
        if (!triggersOff) {
            deferConstraints(plan, model);
        }
        List<GenerationReport.TableReport> written = write(order, nulled);
        fill(order, nulled);
        GenerationReport.Validated validated = validate(schema, order);
        doing = "moving the sequences past the generated ids";
        SequenceMoves.move(connection, order);
        GenerationReport report = report(model, plan, order, written, validated, triggersOff, false, notes);
        log.info("Generated {} rows into {} tables in {} ms (seed {})", report.rows(), written.size(),
                report.elapsed().toMillis(), report.seed());
        return report;
    }

    private Schema readSchema() {
        List<String> schemas = !options.schemas().isEmpty() ? options.schemas() : options.config().schemas();
        Schema schema = SchemaReader.read(connection, schemas);
        List<VirtualForeignKey> virtual = new ArrayList<>(options.virtualForeignKeys());
        for (YamlNode node : options.config().virtualForeignKeys()) {
            try {
                virtual.add(VirtualForeignKey.parse(Scalars.string(node)));
            } catch (SeedException e) {
                throw node.error(e.getMessage());
            }
        }
        try {
            return schema.withVirtualForeignKeys(virtual);
        } catch (SeedException e) {
            throw new SeedException(e.code(), "Generator config " + options.config().source() + ": " + e.getMessage(),
                    e);
        }
    }

    private static List<TablePlan> inPlanOrder(LoadPlan plan, GenerationModel model) {
        List<TablePlan> order = new ArrayList<>();
        for (LoadStep step : plan.steps()) {
            TablePlan table = model.plans().get(step.table());
            if (table != null) {
                order.add(table);
            }
        }
        return order;
    }

    private static List<String> notes(List<TablePlan> order) {
        List<String> notes = new ArrayList<>();
        order.forEach(plan -> notes.addAll(plan.notes()));
        return notes;
    }

    /** Foreign-key triggers off for this transaction, if the role may; the orphan check then proves integrity. */
    private boolean switchTriggersOff() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SAVEPOINT seedkit_replica; SET LOCAL session_replication_role = replica; "
                    + "RELEASE SAVEPOINT seedkit_replica");
            return true;
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT seedkit_replica; RELEASE SAVEPOINT seedkit_replica");
            }
            log.debug("Generating with foreign-key triggers on: {}", e.getMessage());
            return false;
        }
    }

    /** Empties the generated tables ({@code replace}) or makes sure they are empty. */
    private void prepareTables(List<TablePlan> order) throws SQLException {
        if (order.isEmpty()) {
            return;
        }
        if (options.replace()) {
            doing = "emptying the generated tables (replace)";
            try (Statement s = connection.createStatement()) {
                s.execute("TRUNCATE " + order.stream().map(p -> p.name().qualified())
                        .collect(Collectors.joining(", ")));
            }
            return;
        }
        doing = "checking that the generated tables are empty";
        String sql = order.stream().map(p -> "SELECT '" + p.name().toString().replace("'", "''") + "' WHERE EXISTS "
                + "(SELECT 1 FROM " + p.name().qualified() + ")").collect(Collectors.joining(" UNION ALL "));
        List<String> filled = new ArrayList<>();
        try (Statement s = connection.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                filled.add(rs.getString(1));
            }
        }
        if (!filled.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Generation refused, nothing was written: "
                    + String.join(", ", filled) + (filled.size() == 1 ? " already holds" : " already hold") + " rows, "
                    + "and generating into them would mix two generations (and break on duplicate keys). Empty them "
                    + "first with replace (seedkit generate --replace, DataGenerator.Builder.replace(true)), generate "
                    + "into an empty database, or mark tables to keep with existing: true in the config.");
        }
    }

    private List<GenerationReport.TableReport> write(List<TablePlan> order, Map<TableName, Set<String>> nulled)
            throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long total = order.stream().mapToLong(TablePlan::rows).sum();
        long[] before = {0};
        int[] number = {0};
        TableWriter writer = new TableWriter(copy, options.seed(), (plan, rows) -> options.progress().update(
                new DataGenerator.Progress.Step(plan.name().toString(), number[0], order.size(), rows, plan.rows(),
                        before[0] + rows, total)));
        List<GenerationReport.TableReport> reports = new ArrayList<>();
        for (TablePlan plan : order) {
            number[0]++;
            doing = "writing " + plan.name();
            long start = System.nanoTime();
            long rows = writer.write(plan, nulled.getOrDefault(plan.name(), Set.of()));
            before[0] += plan.rows();
            reports.add(new GenerationReport.TableReport(plan.name().toString(), rows,
                    Duration.ofNanos(System.nanoTime() - start)));
            log.debug("Generated {} rows into {} in {} ms", rows, plan.name(), (System.nanoTime() - start) / 1_000_000);
        }
        return reports;
    }

    private void fill(List<TablePlan> order, Map<TableName, Set<String>> nulled) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        int number = 0;
        for (TablePlan plan : order) {
            Set<String> columns = nulled.get(plan.name());
            if (columns != null && !columns.isEmpty()) {
                doing = "setting the foreign-key cycle columns " + columns + " of " + plan.name();
                FillStage.fill(connection, copy, plan, columns, ++number);
            }
        }
    }

    private GenerationReport.Validated validate(Schema schema, List<TablePlan> order) throws SQLException {
        doing = "checking the deferred constraints";
        try (Statement s = connection.createStatement()) {
            s.execute("SET CONSTRAINTS ALL IMMEDIATE");
        }
        doing = "checking every foreign key of the generated tables for orphans";
        Set<String> generated = order.stream().map(p -> p.name().toString()).collect(Collectors.toSet());
        List<GenerationReport.ForeignKeyCheck> orphans = Validation.orphans(connection, schema, generated);
        List<GenerationReport.ForeignKeyCheck> broken = orphans.stream().filter(c -> c.orphans() > 0).toList();
        if (!broken.isEmpty()) {
            throw new SeedException(SeedException.Code.DATA_INTEGRITY, "Generation failed, nothing was written: "
                    + broken.stream().map(c -> c.orphans() + " row(s) reference nothing through " + c.name() + " "
                    + c.reference()).collect(Collectors.joining("; ")) + ". Rows of tables left as they are may "
                    + "reference generated ones; generate those tables too, or empty them.");
        }
        doing = "checking the id ranges";
        return new GenerationReport.Validated(orphans, Validation.idRanges(connection, order),
                TierStatistics.shares(order), TierStatistics.fanOuts(order));
    }

    /** The cycle columns each table is written with as NULL, to be filled afterwards (triggers on only). */
    private static Map<TableName, Set<String>> nulledColumns(LoadPlan plan, GenerationModel model) {
        Map<TableName, Set<String>> nulled = new LinkedHashMap<>();
        for (CyclePlan cycle : plan.cycles()) {
            for (ForeignKey fk : cycle.updatedAfterInsert()) {
                if (!fk.virtual() && model.plans().containsKey(fk.child())) {
                    nulled.computeIfAbsent(fk.child(), t -> new LinkedHashSet<>()).addAll(fk.columnsToNull());
                }
            }
        }
        return nulled;
    }

    private void deferConstraints(LoadPlan plan, GenerationModel model) throws SQLException {
        List<String> names = new ArrayList<>();
        for (CyclePlan cycle : plan.cycles()) {
            for (ForeignKey fk : cycle.deferred()) {
                if (!fk.virtual() && model.plans().containsKey(fk.child())) {
                    names.add(Identifiers.quote(fk.child().schema(), fk.name()));
                }
            }
        }
        if (!names.isEmpty()) {
            doing = "deferring the deferrable foreign keys of foreign-key cycles";
            try (Statement s = connection.createStatement()) {
                s.execute("SET CONSTRAINTS " + String.join(", ", names) + " DEFERRED");
            }
        }
    }

    private static List<GenerationReport.TableReport> planned(List<TablePlan> order) {
        return order.stream().map(p -> new GenerationReport.TableReport(p.name().toString(), p.rows(),
                Duration.ZERO)).toList();
    }

    private GenerationReport report(GenerationModel model, LoadPlan plan, List<TablePlan> order,
            List<GenerationReport.TableReport> tables, GenerationReport.Validated validated, boolean triggersOff,
            boolean dryRun, List<String> notes) {
        Map<String, String> untouched = new LinkedHashMap<>();
        model.untouched().forEach((name, reason) -> untouched.put(name.toString(), reason));
        return new GenerationReport(model.seed(), dryRun, triggersOff, plan.toText(), tables, untouched, validated,
                notes, Duration.ofNanos(System.nanoTime() - started));
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not use the connection: " + e.getMessage(), e);
        }
    }

    private void rollBack(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void restore(boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            log.debug("Could not restore auto-commit: {}", e.getMessage());
        }
    }
}
