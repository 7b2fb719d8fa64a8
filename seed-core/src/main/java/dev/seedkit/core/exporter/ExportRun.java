package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.internal.DirectorySwap;
import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.MigrationVersion;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One export: opens the REPEATABLE READ, READ ONLY transaction (with its temporary table of chosen rows), reads
 * the schema, applies the options, chooses the rows, writes them into a fresh directory and swaps it into place.
 * Leaves the connection in auto-commit mode and its session as it found it (every setting is {@code SET LOCAL}).
 */
final class ExportRun {

    private static final Logger log = LoggerFactory.getLogger(ExportRun.class);

    private static final String COLLATABLE_COLUMNS = "SELECT n.nspname, c.relname, a.attname"
            + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> 0 AND c.relkind IN ('r', 'p')"
            + " AND n.nspname::text = ANY (?)";

    private final ExportOptions options;
    private final Connection connection;
    private final Path target;
    private final ExportQueries queries;
    private final long start = System.nanoTime();
    private int rounds;

    ExportRun(ExportOptions options, Connection connection, Path target) {
        this.options = options;
        this.connection = connection;
        this.target = target;
        this.queries = new ExportQueries(connection);
    }

    ExportReport run() {
        requireAutoCommit();
        try (DirectorySwap swap = DirectorySwap.prepare(target)) {
            List<ExportReport.TableReport> tables = new ArrayList<>();
            SnapshotManifest manifest = inTransaction(() -> export(swap.workDirectory(), tables));
            swap.commit();
            ExportReport report = new ExportReport(target.toAbsolutePath().normalize(), manifest, tables,
                    rounds, queries.statements(), queries.roundTrips(), queries.rowsRead(),
                    Duration.ofNanos(System.nanoTime() - start));
            log.info("{}", report);
            return report;
        }
    }

    private SnapshotManifest export(Path directory, List<ExportReport.TableReport> reports) {
        String source = source();
        Schema schema = startTransaction();
        ExportScope scope = ExportScope.resolve(schema, LoadPlan.builder(schema).allowReplicaRole(true).build(),
                options, collatableColumns(schema));
        warnAboutExternalParents(schema, scope);
        log.info("Exporting {} tables of schemas {} from {} to {}", scope.tables().size(), schema.schemaNames(),
                source, target);
        TableSizes sizes = TableSizes.read(scope, queries);
        SubsetSelector selection = new SubsetSelector(scope, sizes, queries).select();
        rounds = selection.rounds();
        logSelection(scope, selection);
        new MaskedKeys(scope, selection, queries).requireDistinct();
        SnapshotWriting writing = new SnapshotWriting(scope, sizes, selection, queries);
        List<SnapshotManifest.Table> files = new ArrayList<>();
        for (SnapshotManifest.Table file : writing.writeTables(directory)) {
            ExportReport.TableReport report = tableReport(scope, file, selection, writing);
            reports.add(report);
            files.add(file.withSelection(report.selection()));
        }
        SnapshotManifest manifest = new SnapshotManifest(options.fixtureVersion(),
                options.clock().instant().truncatedTo(ChronoUnit.SECONDS), source, schema.fingerprint(),
                writing.loadPlan(), files, migrationVersion(schema));
        manifest.write(directory);
        return manifest;
    }

    /** The migration the source has reached, recorded so that a drift error can say how far apart they are. */
    private MigrationVersion migrationVersion(Schema schema) {
        try {
            return MigrationHistory.read(connection, List.copyOf(schema.schemaNames())).orElse(null);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the migration history of the "
                    + "source database: " + e.getMessage(), e);
        }
    }

    private static ExportReport.TableReport tableReport(ExportScope scope, SnapshotManifest.Table file,
            SubsetSelector selection, SnapshotWriting writing) {
        TableName name = TableName.of(file.schema(), file.name());
        SelectedRows rows = selection.rows(name);
        List<ExportReport.PulledIn> pulledIn = rows.pulledIn().entrySet().stream()
                .map(e -> new ExportReport.PulledIn(scope.foreignKeys().get(e.getKey()).name(),
                        scope.foreignKeys().get(e.getKey()).child(), e.getValue()))
                .sorted(Comparator.comparingLong(ExportReport.PulledIn::rows).reversed()
                        .thenComparing(ExportReport.PulledIn::foreignKey))
                .toList();
        return new ExportReport.TableReport(name, file.file(), rows.byLimit(), rows.asParents(), pulledIn,
                writing.time(name));
    }

    /**
     * Sets the transaction's mode before its first query, pins the session settings, creates the temporary table
     * of chosen rows, then makes the transaction READ ONLY (PostgreSQL refuses CREATE in a read-only transaction,
     * but lets it write temporary tables and switch to read-only at any point), and reads the schema. So nothing
     * but the export's own temporary table, dropped at commit, can be written. JIT is switched off: the export's
     * statements are small and selective, but the planner overestimates some of them, and on servers built with
     * LLVM compiling one took seconds (measured on PostgreSQL 15: 1.9 s with JIT, 41 ms without).
     */
    private Schema startTransaction() {
        queries.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                Purpose.database("starting the export's REPEATABLE READ transaction"));
        SnapshotSession.applyLocal(connection);
        queries.countSentElsewhere(SnapshotSession.LOCAL_SETTINGS.size());
        queries.execute("SET LOCAL jit = off", Purpose.database("switching off JIT compilation"));
        queries.execute(SubsetSql.createChosen(), new Purpose("creating the temporary table of chosen rows",
                SeedException.Code.DATABASE, "The export keeps the rows it chooses in a temporary table: export "
                        + "from a primary server (not a hot standby) as a user allowed to create temporary tables "
                        + "(GRANT TEMPORARY ON DATABASE)."));
        queries.execute("SET TRANSACTION READ ONLY", Purpose.database("making the export's transaction read-only"));
        if (options.masksWithSecret()) {
            queries.execute("SELECT pg_catalog.set_config('" + Masking.SECRET_SETTING + "', ?, true)",
                    options.maskingSecret(), Purpose.database("setting the masking secret"));
        }
        return SchemaReader.read(connection, options.schemas())
                .withVirtualForeignKeys(options.virtualForeignKeys());
    }

    private Map<TableName, Set<String>> collatableColumns(Schema schema) {
        Map<TableName, Set<String>> columns = new HashMap<>();
        queries.catalogQuery(COLLATABLE_COLUMNS, List.copyOf(schema.schemaNames()),
                Purpose.database("reading which columns are text-like"), rs -> columns.computeIfAbsent(
                        TableName.of(rs.getString(1), rs.getString(2)), t -> new HashSet<>()).add(rs.getString(3)));
        return columns;
    }

    private void warnAboutExternalParents(Schema schema, ExportScope scope) {
        for (ForeignKey fk : schema.externalForeignKeys()) {
            if (scope.table(fk.child()) != null) {
                log.warn("Foreign key {} references {}, outside the schemas exported; its parent rows are not in "
                        + "the snapshot, so the database it is loaded into must already have them", fk, fk.parent());
            }
        }
    }

    private void logSelection(ExportScope scope, SubsetSelector selection) {
        long byLimit = 0;
        long asParents = 0;
        for (TableScope table : scope.tables()) {
            byLimit += selection.rows(table.name()).byLimit();
            asParents += selection.rows(table.name()).asParents();
        }
        log.info("Chose {} rows: {} by limit, {} pulled in as parents in {} closure rounds ({} queries, {} ms)",
                byLimit + asParents, byLimit, asParents, selection.rounds(), queries.statements(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private String source() {
        try {
            return SourceName.of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the connection's URL to name the "
                    + "snapshot's source: " + e.getMessage() + ". Check that the connection is open.", e);
        }
    }

    private void requireAutoCommit() {
        try {
            if (!connection.getAutoCommit()) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "The export needs a connection in "
                        + "auto-commit mode, because it runs its own REPEATABLE READ, READ ONLY transaction, and "
                        + "this one may be inside a transaction already. Commit or roll back, then call "
                        + "setAutoCommit(true) before exporting.");
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not check the connection's auto-commit "
                    + "mode: " + e.getMessage() + ". Check that the connection is open.", e);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                rollBack(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not start or end the export's "
                    + "transaction: " + e.getMessage() + ". Check that the connection is open.", e);
        }
    }

    private void rollBack(RuntimeException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
