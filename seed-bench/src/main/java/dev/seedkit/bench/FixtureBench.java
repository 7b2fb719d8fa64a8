package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.schema.SchemaCache;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileReader;
import java.sql.Connection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Section 2, seeding a typical fixture (30 tables x 100 rows) over an open connection. Into a fresh empty database
 * (which pays PostgreSQL's first touch of 30 new tables): warm, with importer and schema cache reused (the database
 * is recreated under the same name, so the cached schema applies), and cold, with a new importer and cache that read
 * the schema first. Into the same warm database again, emptied by {@code TRUNCATE} between runs: the importer reused.
 * Each with, as its floor, a plain COPY of each file in one transaction under the same conditions.
 */
final class FixtureBench {

    static final String WARM = "30x100 seed into a fresh database, importer + schema cache reused";
    static final String COLD = "30x100 seed into a fresh database, new importer (reads the schema)";
    static final String RAW_COPY = "30x100 plain COPY into a fresh database, one transaction";
    static final String RESEED = "30x100 re-seed of a warm database (emptied), importer reused";
    static final String RESEED_COPY = "30x100 plain COPY into the same warm database, one transaction";

    private final BenchContext context;
    private final TypicalFixture fixture;

    FixtureBench(BenchContext context, TypicalFixture fixture) {
        this.context = context;
        this.fixture = fixture;
    }

    /** Runs the three measurements side by side, each run after one unmeasured warm-up run. */
    void run(ResultTable table) throws Exception {
        context.progress("2. typical fixture: 30x100, warm, cold and plain COPY");
        SnapshotImporter shared = SnapshotImporter.builder().schemaCache(new SchemaCache()).build();
        String warmDatabase = context.databases().newName("fixture_warm");
        String copyDatabase = context.databases().newName("fixture_copy");
        Timings warm = new Timings();
        Timings cold = new Timings();
        Timings raw = new Timings();
        seedFresh(WARM, warmDatabase, shared, new Timings());
        copyFresh(copyDatabase, new Timings());
        for (int run = 0; run < context.options().runs(); run++) {
            seedFresh(WARM, warmDatabase, shared, warm);
            seedCold(cold);
            copyFresh(copyDatabase, raw);
        }
        context.databases().drop(warmDatabase);
        context.databases().drop(copyDatabase);
        table.section("2. Import, typical fixture: 30 tables x 100 rows, 29 FK chain links + 6 more FKs, over an "
                + "open connection");
        table.row(WARM, warm, raw, "new database each run (first touch of 30 tables); 1 warm-up; ratio: vs COPY");
        table.row(COLD, cold, raw, "ratio: vs plain COPY into a fresh database");
        table.row(RAW_COPY, raw, raw, "the floor: files read and checked the same way, nothing else");
        measureReseed(table);
    }

    /**
     * Re-seeds one database over one connection: before each run, not timed, {@code TRUNCATE} of the 30 tables and
     * of Seedkit's record of applied snapshots; then the import (one importer for all runs), or the plain COPY.
     */
    private void measureReseed(ResultTable table) throws Exception {
        context.progress("2. typical fixture: re-seed of a warm database and plain COPY into it");
        String name = context.databases().copyOf("fixture_reseed", fixture.emptyTemplate());
        SnapshotImporter importer = SnapshotImporter.builder().schemaCache(new SchemaCache()).build();
        Timings reseed = new Timings();
        Timings copy = new Timings();
        try (Connection c = context.server().connect(name)) {
            reseed(c, name, importer, new Timings());
            copyAgain(c, name, new Timings());
            for (int run = 0; run < context.options().runs(); run++) {
                reseed(c, name, importer, reseed);
                copyAgain(c, name, copy);
            }
        }
        context.databases().drop(name);
        table.row(RESEED, reseed, copy, "same database and connection; TRUNCATE before each run, not timed; 1 "
                + "warm-up; ratio: vs the COPY below");
        table.row(RESEED_COPY, copy, copy, "its floor, under the same conditions");
    }

    private void reseed(Connection c, String name, SnapshotImporter importer, Timings timings) throws Exception {
        empty(c);
        ImportReport report = timings.time(() -> {
            try (Snapshot snapshot = fixture.open()) {
                return importer.importInto(c, snapshot);
            }
        });
        require(report.inserted() == TypicalFixture.totalRows(), RESEED + ": " + report.render());
        context.verifyRows(RESEED, name, TypicalFixture.tables(), TypicalFixture.totalRows());
    }

    private void copyAgain(Connection c, String name, Timings timings) throws Exception {
        empty(c);
        copyAll(c, timings);
        context.verifyRows(RESEED_COPY, name, TypicalFixture.tables(), TypicalFixture.totalRows());
    }

    /** Truncates the fixture's tables and, if the importer created it, its record of applied snapshots. */
    private static void empty(Connection c) throws Exception {
        String record = Databases.queryValue(c, "SELECT to_regclass('seedkit.applied_snapshots')");
        Databases.execute(c, "TRUNCATE " + String.join(", ", TypicalFixture.tables())
                + (record == null ? "" : ", seedkit.applied_snapshots"));
    }

    /** A new importer with a new cache, so the import reads the schema first; into a database of a new name. */
    private void seedCold(Timings timings) throws Exception {
        String name = context.databases().newName("fixture_cold");
        seedFresh(COLD, name, SnapshotImporter.builder().schemaCache(new SchemaCache()).build(), timings);
        context.databases().drop(name);
    }

    /** (Re)creates {@code name} empty, opens a connection, and times a plain COPY of every file in load order. */
    private void copyFresh(String name, Timings timings) throws Exception {
        context.databases().drop(name);
        context.databases().create(name, fixture.emptyTemplate());
        try (Connection c = context.server().connect(name)) {
            Databases.queryValue(c, "SELECT 1");
            copyAll(c, timings);
        }
        context.verifyRows(RAW_COPY, name, TypicalFixture.tables(), TypicalFixture.totalRows());
    }

    /** Times a plain COPY of every file in load order, in one transaction; leaves {@code c} in auto-commit mode. */
    private void copyAll(Connection c, Timings timings) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        timings.time(() -> {
            c.setAutoCommit(false);
            try (Snapshot snapshot = fixture.open()) {
                for (SnapshotManifest.LoadStep step : snapshot.manifest().loadPlan()) {
                    copyTable(copy, snapshot, snapshot.manifest().table(step.schema(), step.table()).orElseThrow());
                }
            }
            c.commit();
            return null;
        });
        c.setAutoCommit(true);
    }

    private static void copyTable(CopyManager copy, Snapshot snapshot, SnapshotManifest.Table table) throws Exception {
        try (TableFileReader reader = TableFileReader.open(snapshot, table)) {
            copy.copyIn(SnapshotSql.copyIn(table.schema(), table.name(), table.columnNames()), reader.dataStream());
        }
    }

    /** (Re)creates {@code name} empty, opens a connection, and times the import alone. */
    private void seedFresh(String label, String name, SnapshotImporter importer, Timings timings) throws Exception {
        context.databases().drop(name);
        context.databases().create(name, fixture.emptyTemplate());
        try (Connection c = context.server().connect(name)) {
            Databases.queryValue(c, "SELECT 1");
            ImportReport report = timings.time(() -> {
                try (Snapshot snapshot = fixture.open()) {
                    return importer.importInto(c, snapshot);
                }
            });
            require(report.inserted() == TypicalFixture.totalRows(), label + ": " + report.render());
        }
        context.verifyRows(label, name, TypicalFixture.tables(), TypicalFixture.totalRows());
    }
}
