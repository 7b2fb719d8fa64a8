package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.OrphanCheck.Orphans;
import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.CyclePlan;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.internal.TableFileSizes;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.LoadStep;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import, start to commit (or rollback): the steps {@link SnapshotImporter} promises, in order. Everything that
 * can fail runs before the sequences move, since {@code setval} is not undone by a rollback; then only the commit
 * is left.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(SnapshotImporter.class);

    private final Connection connection;
    private final Snapshot snapshot;
    private final SnapshotImporter options;
    private final ImportStatements statements;
    private final ImportErrors errors;
    private final TableLoader loader;

    ImportRun(Connection connection, Snapshot snapshot, SnapshotImporter options) {
        this.connection = connection;
        this.snapshot = snapshot;
        this.options = options;
        this.statements = new ImportStatements(connection);
        this.errors = new ImportErrors(connection, new FileRows(snapshot), options.lockTimeout(), options.names());
        this.loader = new TableLoader(statements, snapshot, options.progress());
    }

    ImportReport execute() {
        long started = System.nanoTime();
        try {
            ImportReport report = run(started);
            if (options.dryRun()) {
                rollBack(null);
            } else {
                commit();
            }
            return report;
        } catch (ImportFailure failure) {
            rollBack(failure.getCause());
            throw errors.describe(failure);
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    private ImportReport run(long started) {
        SnapshotSession.applyLocal(connection);
        AppliedSnapshots.lockAndEnsureTable(statements, options.lockTimeout());
        SnapshotManifest manifest = snapshot.manifest();
        String id = snapshot.checksum();
        Schema schema = options.schemaCache().schema(connection, schemaNames(manifest));
        FixtureColumns.check(snapshot, schema);
        TableSelection selection = TableSelection.of(manifest, schema, options.tables());
        List<String> names = selection.entries().keySet().stream().map(TableName::toString).sorted().toList();
        if (!options.force() && AppliedSnapshots.contains(statements, id, options.mode(), names)) {
            log.info("Snapshot {} already applied to this database: nothing to import", manifest.fixtureVersion());
            return new ImportReport(id, manifest.fixtureVersion(), options.mode(), true, false, options.dryRun(),
                    List.of(), elapsedSince(started));
        }
        DriftCheck.check(connection, schema, manifest, List.copyOf(selection.entries().values()));
        Loaded loaded = loadRows(schema, selection, manifest);
        if (options.verify() && !selection.subset()) {
            verify(manifest, schema);
        }
        ImportReport report = new ImportReport(id, manifest.fixtureVersion(), options.mode(), false,
                loaded.triggersOff(), options.dryRun(), loaded.reports(), elapsedSince(started));
        if (options.dryRun()) {
            statements.execute(ImportSql.CHECK_DEFERRED, new Purpose(Kind.CHECK, "checking the deferred "
                    + "constraints", loaded.loads(), ""));
            log.info("Dry run of snapshot {}: {} rows would be inserted, {} skipped, {} updated; rolled back",
                    manifest.fixtureVersion(), report.inserted(), report.skipped(), report.updated());
            return report;
        }
        AppliedSnapshots.record(statements, report, names);
        SequenceReset.resetAfterLoad(statements, loaded.loads());
        log.info("Imported snapshot {}: {} rows inserted, {} skipped, {} updated in {} ms", manifest.fixtureVersion(),
                report.inserted(), report.skipped(), report.updated(), report.elapsed().toMillis());
        return report;
    }

    /** Loads the selected tables and, where triggers were off, proves that every foreign key still holds. */
    private Loaded loadRows(Schema schema, TableSelection selection, SnapshotManifest manifest) {
        boolean triggersOff = options.triggersOffAllowed() && switchTriggersOff();
        LoadPlan plan = LoadPlan.builder(schema).allowReplicaRole(triggersOff)
                .names(option -> options.names().of(ImportOption.REPLICA_ROLE)).build();
        List<TableLoad> loads = tableLoads(plan, schema, selection, triggersOff);
        Map<TableName, List<String>> natural = NaturalKeys.resolve(options, manifest, loads);
        Optional<KeyMaps> keyMaps = natural.isEmpty() ? Optional.empty()
                : Optional.of(KeyMaps.plan(natural, loads, schema, statements, loader, options.freshIds()));
        List<ImportReport.TableReport> reports = load(plan, schema, selection, loads, triggersOff, keyMaps);
        if (triggersOff) {
            requireNoOrphans(schema, reports, loads);
        }
        return new Loaded(loads, reports, triggersOff);
    }

    /** One {@link TableLoad} per selected table, in load-plan order. */
    private List<TableLoad> tableLoads(LoadPlan plan, Schema schema, TableSelection selection, boolean triggersOff) {
        Set<TableName> selected = selection.entries().keySet();
        Map<TableName, Set<String>> nulled = triggersOff ? Map.of() : nulledColumns(plan, selected);
        ImportMode mode = options.mode() == ImportMode.REPLACE ? ImportMode.INSERT_MISSING : options.mode();
        List<TableLoad> loads = new ArrayList<>();
        for (LoadStep step : plan.steps()) {
            if (selected.contains(step.table())) {
                var table = schema.table(step.table()).orElseThrow();
                SnapshotManifest.Table entry = selection.entries().get(step.table());
                loads.add(requireKeyForNulled(new TableLoad(table, entry, TableLoad.conflictKey(table, entry), mode,
                        nulled.getOrDefault(step.table(), Set.of()), selection.subset(),
                        schema.outgoing(step.table()))));
            }
        }
        return loads;
    }

    private static TableLoad requireKeyForNulled(TableLoad load) {
        if (!load.nulled().isEmpty() && load.key().isEmpty()) {
            throw new SeedException(SeedException.Code.UNLOADABLE_CYCLE, "Table " + load.name() + " is in a "
                    + "foreign-key cycle loaded with NULL-then-UPDATE, but has no primary or unique key to find its "
                    + "rows again. Give it a primary key, make one of the cycle's constraints DEFERRABLE, or import "
                    + "as a role that may set session_replication_role.");
        }
        return load;
    }

    private List<ImportReport.TableReport> load(LoadPlan plan, Schema schema, TableSelection selection,
            List<TableLoad> loads, boolean triggersOff, Optional<KeyMaps> keyMaps) {
        if (options.mode() == ImportMode.REPLACE) {
            new ReplacedTables(schema, selection.requested(), statements, options.names()).empty(plan,
                    byName(loads));
        }
        if (!triggersOff) {
            deferConstraints(plan, selection.entries().keySet());
        }
        if (selection.subset()) {
            SubsetStages.stage(loader, statements, schema, selection, loads);
        }
        keyMaps.ifPresent(KeyMaps::build);
        Set<TableName> empty = emptyTables(loads);
        ImportProgress progress = options.progress();
        progress.started(loads.size(), loads.stream().mapToLong(l -> l.entry().rowCount()).sum());
        List<ImportReport.TableReport> reports = new ArrayList<>();
        for (TableLoad load : loads) {
            progress.tableStarted(load.name().toString(), load.entry().rowCount());
            keyMaps.ifPresent(maps -> maps.rewrite(load));
            ImportReport.TableReport loaded = loader.load(load, empty.contains(load.name()));
            ImportReport.TableReport report = keyMaps.map(maps -> maps.counted(loaded, load)).orElse(loaded);
            log.debug("Loaded {}: {} inserted, {} skipped, {} updated, {} matched in {} ms", report.table(),
                    report.inserted(), report.skipped(), report.updated(), report.matched(),
                    report.elapsed().toMillis());
            progress.tableFinished(report);
            reports.add(report);
        }
        loads.stream().filter(load -> !load.nulled().isEmpty()).forEach(loader::fill);
        return reports;
    }

    /**
     * Which tables hold no rows: those without a page from the catalog, then the others (if any) by reading each,
     * all of them in one query.
     */
    private Set<TableName> emptyTables(List<TableLoad> loads) {
        Set<TableName> empty = new HashSet<>();
        if (loads.isEmpty()) {
            return empty;
        }
        Purpose purpose = new Purpose(Kind.LOAD, "finding the tables that hold no rows", loads, "SELECT on the "
                + "snapshot's tables");
        List<TableName> tables = loads.stream().map(TableLoad::name).toList();
        statements.prepared(TableFileSizes.SQL, purpose, s -> s.setArray(1, s.getConnection()
                .createArrayOf("text", tables.stream().map(TableName::qualified).toArray())), rs -> {
                    if (ImportSql.withoutPages(rs)) {
                        empty.add(tables.get(TableFileSizes.number(rs)));
                    }
                });
        List<TableName> withPages = tables.stream().filter(t -> !empty.contains(t)).toList();
        if (!withPages.isEmpty()) {
            statements.query(ImportSql.emptyTables(withPages), purpose, rs -> empty.add(withPages.get(rs.getInt(1))));
        }
        return empty;
    }

    /** Foreign-key triggers off for this transaction, if the role may; the orphan check then proves integrity. */
    private boolean switchTriggersOff() {
        try {
            statements.execute(ImportSql.TRIGGERS_OFF, Purpose.of(Kind.PREPARE, "switching foreign-key triggers "
                    + "off", ""));
            return true;
        } catch (ImportFailure notAllowed) {
            if (!notAllowed.state().equals("42501")) {
                throw notAllowed;
            }
            statements.execute(ImportSql.TRIGGERS_STAY_ON, Purpose.of(Kind.PREPARE, "leaving foreign-key triggers "
                    + "on", ""));
            log.debug("Loading with foreign-key triggers on: {}", notAllowed.getMessage());
            return false;
        }
    }

    /**
     * One anti-join per foreign key that this import could have broken with its triggers off: those whose child
     * table got rows inserted or updated, and those whose parent table got rows updated (UPSERT may change a
     * referenced unique column). Tables the import left alone keep the integrity they had.
     */
    private void requireNoOrphans(Schema schema, List<ImportReport.TableReport> reports, List<TableLoad> loads) {
        Set<String> written = reports.stream().filter(r -> r.inserted() + r.updated() > 0)
                .map(ImportReport.TableReport::table).collect(Collectors.toSet());
        Set<String> updated = reports.stream().filter(r -> r.updated() > 0)
                .map(ImportReport.TableReport::table).collect(Collectors.toSet());
        List<ForeignKey> all = new ArrayList<>(schema.foreignKeys());
        all.addAll(schema.externalForeignKeys());
        List<ForeignKey> checked = ForeignKey.distinctReferences(all.stream().filter(fk -> !fk.virtual()
                && (written.contains(fk.child().toString()) || updated.contains(fk.parent().toString()))).toList());
        if (checked.isEmpty()) {
            return;
        }
        Purpose purpose = new Purpose(Kind.CHECK, "checking the foreign keys of the rows loaded with triggers off",
                loads, "SELECT on the loaded tables and the tables they reference");
        List<ForeignKey> broken = new ArrayList<>();
        statements.query(OrphanCheck.detection(checked), purpose, rs -> broken.add(checked.get(rs.getInt(1))));
        if (!broken.isEmpty()) {
            List<Orphans> found = new ArrayList<>();
            statements.query(OrphanCheck.query(broken), purpose, rs -> found.add(OrphanCheck.read(rs, broken)));
            throw errors.orphans(found, byName(loads));
        }
    }

    private void verify(SnapshotManifest manifest, Schema schema) {
        try {
            SnapshotVerifier.verify(connection, manifest, schema).requireOk(options.names());
        } catch (SQLException e) {
            throw new ImportFailure(e, Purpose.of(Kind.CHECK, "verifying the loaded tables against the snapshot",
                    "SELECT on the snapshot's tables"), RowLocation.UNKNOWN);
        }
    }

    private void deferConstraints(LoadPlan plan, Set<TableName> selected) {
        List<String> names = new ArrayList<>();
        for (CyclePlan cycle : plan.cycles()) {
            for (ForeignKey fk : cycle.deferred()) {
                if (!fk.virtual() && selected.contains(fk.child())) {
                    names.add(Identifiers.quote(fk.child().schema(), fk.name()));
                }
            }
        }
        if (!names.isEmpty()) {
            statements.execute(ImportSql.deferConstraints(names), Purpose.of(Kind.LOAD, "deferring the deferrable "
                    + "foreign keys of foreign-key cycles", ""));
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

    private void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new ImportFailure(e, Purpose.of(Kind.COMMIT, "committing the import", ""), RowLocation.UNKNOWN);
        }
    }

    /**
     * Rolls back: after a failure (on a connection that is gone, keeping the failure that brought us here and
     * noting this one), or to end a dry run ({@code failure} null).
     */
    private void rollBack(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            if (failure == null) {
                throw new ImportFailure(e, Purpose.of(Kind.COMMIT, "rolling back the dry run", ""),
                        RowLocation.UNKNOWN);
            }
            failure.addSuppressed(e);
        }
    }

    /** What {@link #loadRows} loaded and how. */
    private record Loaded(List<TableLoad> loads, List<ImportReport.TableReport> reports, boolean triggersOff) {
    }

    private static Map<TableName, TableLoad> byName(List<TableLoad> loads) {
        Map<TableName, TableLoad> byName = new LinkedHashMap<>();
        loads.forEach(load -> byName.put(load.name(), load));
        return byName;
    }

    private static List<String> schemaNames(SnapshotManifest manifest) {
        return manifest.tables().stream().map(SnapshotManifest.Table::schema).distinct().sorted().toList();
    }

    private static Duration elapsedSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
