package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.CyclePlan;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.SnapshotSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One import, start to commit (or rollback): the steps {@link SnapshotImporter} promises, in order. */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(SnapshotImporter.class);

    private final Connection connection;
    private final Snapshot snapshot;
    private final SnapshotImporter options;
    private final TableLoader loader;
    private final Map<TableName, Stage> stages = new HashMap<>();
    private SnapshotManifest.Table current;

    ImportRun(Connection connection, Snapshot snapshot, SnapshotImporter options) throws SQLException {
        this.connection = connection;
        this.snapshot = snapshot;
        this.options = options;
        this.loader = new TableLoader(connection, snapshot);
    }

    ImportReport execute() throws SQLException {
        long started = System.nanoTime();
        try {
            ImportReport report = run(started);
            connection.commit();
            return report;
        } catch (SQLException e) {
            connection.rollback();
            throw ImportErrors.describe(e, current);
        } catch (RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private ImportReport run(long started) throws SQLException {
        SnapshotSession.applyLocal(connection);
        AppliedSnapshots.lockAndEnsureTable(connection);
        SnapshotManifest manifest = snapshot.manifest();
        String id = snapshot.checksum();
        Schema schema = options.schemaCache().schema(connection, schemaNames(manifest));
        TableSelection selection = TableSelection.of(manifest, schema, options.tables());
        List<String> names = selection.entries().keySet().stream().map(TableName::toString).sorted().toList();
        if (!options.force() && AppliedSnapshots.contains(connection, id, options.mode(), names)) {
            log.info("Snapshot {} already applied to this database: nothing to import", manifest.fixtureVersion());
            return new ImportReport(id, manifest.fixtureVersion(), options.mode(), true, false, List.of(),
                    elapsedSince(started));
        }
        DriftCheck.check(schema, List.copyOf(selection.entries().values()));
        boolean triggersOff = options.triggersOffAllowed() && switchTriggersOff();
        LoadPlan plan = triggersOff ? LoadPlan.builder(schema).allowReplicaRole(true).build() : LoadPlan.of(schema);
        List<ImportReport.TableReport> tables = load(plan, schema, selection, triggersOff);
        current = null;
        List<Table> loaded = selection.entries().keySet().stream().map(t -> schema.table(t).orElseThrow()).toList();
        SequenceReset.resetAfterLoad(connection, loaded);
        if (triggersOff) {
            requireNoOrphans(schema, tables);
        }
        if (options.verify() && !selection.subset()) {
            SnapshotVerifier.verify(connection, manifest, schema).requireOk();
        }
        ImportReport report = new ImportReport(id, manifest.fixtureVersion(), options.mode(), false, triggersOff,
                tables, elapsedSince(started));
        AppliedSnapshots.record(connection, report, names);
        log.info("Imported snapshot {}: {} rows inserted, {} skipped, {} updated in {} ms", manifest.fixtureVersion(),
                report.inserted(), report.skipped(), report.updated(), report.elapsed().toMillis());
        return report;
    }

    private List<ImportReport.TableReport> load(LoadPlan plan, Schema schema, TableSelection selection,
                                                boolean triggersOff) throws SQLException {
        Set<TableName> selected = selection.entries().keySet();
        if (options.mode() == ImportMode.REPLACE) {
            truncate(selected);
        }
        Map<TableName, Set<String>> nulled = triggersOff ? Map.of() : nulledColumns(plan, selected);
        if (!triggersOff) {
            deferConstraints(plan, selected);
        }
        if (selection.subset()) {
            stageSubset(schema, selection);
        }
        List<Table> ordered = plan.steps().stream().map(LoadStep::table).filter(selected::contains)
                .map(t -> schema.table(t).orElseThrow()).toList();
        Set<TableName> empty = loader.emptyTables(ordered);
        List<ImportReport.TableReport> reports = new ArrayList<>();
        for (Table table : ordered) {
            reports.add(loadTable(table, selection, nulled.getOrDefault(table.name(), Set.of()),
                    empty.contains(table.name())));
        }
        for (Map.Entry<TableName, Set<String>> entry : nulled.entrySet()) {
            current = selection.entries().get(entry.getKey());
            loader.fillNulled(stages.get(entry.getKey()), schema.table(entry.getKey()).orElseThrow(), entry.getValue(),
                    selection.subset(), options.mode() != ImportMode.UPSERT);
        }
        return reports;
    }

    private ImportReport.TableReport loadTable(Table table, TableSelection selection, Set<String> nulled,
                                               boolean empty) throws SQLException {
        long started = System.nanoTime();
        current = selection.entries().get(table.name());
        Optional<UniqueKey> key = TableLoader.conflictKey(table, current);
        boolean keyed = key.isPresent();
        if (!nulled.isEmpty() && !keyed) {
            throw new SeedException(SeedException.Code.UNLOADABLE_CYCLE, "Table " + table.name() + " is in a "
                    + "foreign-key cycle loaded with NULL-then-UPDATE, but has no primary or unique key to find its "
                    + "rows again. Give it a primary key, make one of the cycle's constraints DEFERRABLE, or import "
                    + "as a role that may set session_replication_role.");
        }
        Stage stage = stages.get(table.name());
        long inserted;
        long updated = 0;
        long candidates;
        if (stage == null && empty && nulled.isEmpty()) {
            inserted = loader.copyDirect(current);
            candidates = inserted;
        } else if (stage == null && nulled.isEmpty() && keyed && options.mode() == ImportMode.INSERT_MISSING) {
            inserted = loader.insertMissing(current, table, key.get());
            candidates = current.rowCount();
        } else {
            if (stage == null) {
                stage = loader.stage(current, table, false);
                stages.put(table.name(), stage);
            }
            candidates = selection.subset() ? countNeeded(stage) : stage.rows();
            if (!keyed && !empty) {
                inserted = 0; // documented policy: a table without a key is loaded only when it is empty
            } else {
                long[] merged = loader.merge(stage, table, options.mode(), nulled, selection.subset());
                inserted = merged[0];
                updated = merged[1];
            }
        }
        ImportReport.TableReport report = new ImportReport.TableReport(table.name().toString(), inserted,
                candidates - inserted - updated, updated, elapsedSince(started));
        log.info("Loaded {}: {} inserted, {} skipped, {} updated in {} ms", report.table(), report.inserted(),
                report.skipped(), report.updated(), report.elapsed().toMillis());
        return report;
    }

    /** Stages every selected table, marks the requested tables' rows, then the ancestor rows they reference. */
    private void stageSubset(Schema schema, TableSelection selection) throws SQLException {
        for (Map.Entry<TableName, SnapshotManifest.Table> entry : selection.entries().entrySet()) {
            current = entry.getValue();
            Stage stage = loader.stage(entry.getValue(), schema.table(entry.getKey()).orElseThrow(), true);
            stages.put(entry.getKey(), stage);
            if (selection.requested().contains(entry.getKey())) {
                loader.execute("UPDATE " + stage.name() + " SET " + Stage.NEEDED + " = true");
            }
        }
        current = null;
        List<ForeignKey> edges = schema.foreignKeys().stream()
                .filter(fk -> stages.containsKey(fk.child()) && selection.ancestors().contains(fk.parent()))
                .filter(fk -> stages.get(fk.child()).entry().columnNames().containsAll(fk.childColumns()))
                .toList();
        long marked;
        do {
            marked = 0;
            for (ForeignKey fk : edges) {
                marked += loader.executeUpdate(markNeeded(fk));
            }
        } while (marked > 0);
    }

    private String markNeeded(ForeignKey fk) {
        Stage parent = stages.get(fk.parent());
        Stage child = stages.get(fk.child());
        String match = java.util.stream.IntStream.range(0, fk.childColumns().size())
                .mapToObj(i -> "c." + dev.seedkit.core.schema.Identifiers.quote(fk.childColumns().get(i)) + " = p."
                        + dev.seedkit.core.schema.Identifiers.quote(fk.parentColumns().get(i)))
                .collect(Collectors.joining(" AND "));
        return "UPDATE " + parent.name() + " p SET " + Stage.NEEDED + " = true WHERE NOT p." + Stage.NEEDED
                + " AND EXISTS (SELECT 1 FROM " + child.name() + " c WHERE c." + Stage.NEEDED + " AND " + match + ")";
    }

    private long countNeeded(Stage stage) throws SQLException {
        try (Statement s = connection.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + stage.name() + " WHERE " + Stage.NEEDED)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Foreign-key triggers off for this transaction, if the role may; the orphan check then proves integrity. */
    private boolean switchTriggersOff() throws SQLException {
        try {
            loader.execute("SAVEPOINT seedkit_replica; SET LOCAL session_replication_role = replica; "
                    + "RELEASE SAVEPOINT seedkit_replica");
            return true;
        } catch (SQLException notAllowed) {
            loader.execute("ROLLBACK TO SAVEPOINT seedkit_replica; RELEASE SAVEPOINT seedkit_replica");
            log.debug("Loading with foreign-key triggers on: {}", notAllowed.getMessage());
            return false;
        }
    }

    /**
     * One anti-join per foreign key that this import could have broken with its triggers off: those whose child
     * table got rows inserted or updated, and those whose parent table got rows updated (UPSERT may change a
     * referenced unique column). Tables the import left alone keep the integrity they had.
     */
    private void requireNoOrphans(Schema schema, List<ImportReport.TableReport> reports) throws SQLException {
        Set<String> written = reports.stream().filter(r -> r.inserted() + r.updated() > 0)
                .map(ImportReport.TableReport::table).collect(Collectors.toSet());
        Set<String> updated = reports.stream().filter(r -> r.updated() > 0)
                .map(ImportReport.TableReport::table).collect(Collectors.toSet());
        List<ForeignKey> all = new ArrayList<>(schema.foreignKeys());
        all.addAll(schema.externalForeignKeys());
        List<String> problems = OrphanCheck.findAll(connection, all.stream()
                .filter(fk -> !fk.virtual() && (written.contains(fk.child().toString())
                        || updated.contains(fk.parent().toString())))
                .toList());
        if (!problems.isEmpty()) {
            throw new SeedException(SeedException.Code.DATA_INTEGRITY, "The snapshot's rows break foreign keys, so "
                    + "nothing was imported:\n  - " + String.join("\n  - ", problems) + "\nRe-export the snapshot so "
                    + "that it includes the referenced rows, or load the missing parent tables first.");
        }
    }

    private void truncate(Set<TableName> tables) throws SQLException {
        loader.execute("TRUNCATE " + tables.stream().map(TableName::qualified).collect(Collectors.joining(", ")));
    }

    private void deferConstraints(LoadPlan plan, Set<TableName> selected) throws SQLException {
        List<String> names = new ArrayList<>();
        for (CyclePlan cycle : plan.cycles()) {
            for (ForeignKey fk : cycle.deferred()) {
                if (!fk.virtual() && selected.contains(fk.child())) {
                    names.add(dev.seedkit.core.schema.Identifiers.quote(fk.child().schema(), fk.name()));
                }
            }
        }
        if (!names.isEmpty()) {
            loader.execute("SET CONSTRAINTS " + String.join(", ", names) + " DEFERRED");
        }
    }

    private static Map<TableName, Set<String>> nulledColumns(LoadPlan plan, Set<TableName> selected) {
        Map<TableName, Set<String>> nulled = new LinkedHashMap<>();
        for (CyclePlan cycle : plan.cycles()) {
            for (ForeignKey fk : cycle.updatedAfterInsert()) {
                if (!fk.virtual() && selected.contains(fk.child()) && selected.contains(fk.parent())) {
                    nulled.computeIfAbsent(fk.child(), t -> new LinkedHashSet<>()).addAll(fk.columnsToNull());
                }
            }
        }
        return nulled;
    }

    private static List<String> schemaNames(SnapshotManifest manifest) {
        return manifest.tables().stream().map(SnapshotManifest.Table::schema).distinct().sorted().toList();
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
