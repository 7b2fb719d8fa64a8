package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.schema.SchemaCache;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Section 1, import of a large snapshot into an empty database: Seedkit (fast path, triggers on, already applied,
 * forced with every row present, forced with 1% of the big table's rows missing) side by side with psql
 * {@code \copy}, plain JDBC batches and DBUnit, each run on a fresh copy of the same empty schema. The two linear
 * peers, JDBC and DBUnit, load a foreign-key-closed first slice of every table and their times are scaled up by the
 * slice's share of the rows. Also samples the heap during Seedkit's imports (section 7).
 */
final class LargeImportBench {

    static final String PSQL = "psql \\copy -1 (reference)";
    static final String PSQL_TRIGGERS_OFF = "psql \\copy -1, session_replication_role = replica";
    static final String SEEDKIT = "Seedkit import (default: triggers off)";
    static final String SEEDKIT_TRIGGERS_ON = "Seedkit import, triggersOffAllowed(false)";
    static final String REIMPORT = "Seedkit re-import, identical (already applied)";
    static final String FORCED = "Seedkit re-import, force(true), all rows present";
    static final String PARTIAL = "Seedkit re-import, force(true), 99% of rows present";
    static final String JDBC = "plain JDBC batched INSERT (measured on a slice, extrapolated)";
    static final String DBUNIT = "DBUnit CLEAN_INSERT (measured on a slice, extrapolated)";
    static final String HEAP = "peak heap used during Seedkit import";
    /**
     * JDBC and DBUnit load a tenth of every table; their times are multiplied by ten. (A hundredth would multiply
     * DBUnit's fixed cost, reading table metadata, by a hundred: 1,110 rows take it ~1.8 s.)
     */
    static final int SLICE_DIVISOR = 10;
    static final String ALLOCATED = "bytes allocated during Seedkit import";

    private final BenchContext context;
    private final LargeDataset data;
    private final Map<String, Timings> timings = new LinkedHashMap<>();
    private final SchemaCache schemaCache = new SchemaCache();
    private final SnapshotImporter importer = SnapshotImporter.builder().schemaCache(schemaCache).build();
    private final SnapshotImporter triggersOn = SnapshotImporter.builder().schemaCache(schemaCache)
            .triggersOffAllowed(false).build();
    private final SnapshotImporter forced = SnapshotImporter.builder().schemaCache(schemaCache).force(true).build();
    private final Path snapshotDirectory;
    private String emptyTemplate;
    private Optional<PsqlCopy> psql = Optional.empty();
    private DbUnitLoad dbunit;
    private boolean triggersOff = true;
    private long heapBaseline;
    private long heapPeak;
    private long allocated;

    LargeImportBench(BenchContext context) {
        this.context = context;
        this.data = new LargeDataset(context.options().rows());
        this.snapshotDirectory = context.workDirectory().resolve("large-snapshot");
    }

    /**
     * Prepares the data, runs the measurements with a target (psql, Seedkit's imports) {@code largeRuns} times side
     * by side and the side figures (psql with triggers off, Seedkit with triggers on, JDBC, DBUnit) in the first run,
     * and adds section 1.
     */
    void run(ResultTable table) throws Exception {
        prepare();
        int runs = context.options().largeRuns();
        for (int run = 1; run <= runs; run++) {
            context.progress("1. large import, run %d of %d", run, runs);
            if (psql.isPresent()) {
                measurePsql(PSQL, psql.get()::load);
            }
            measureSeedkit();
            if (run == 1) { // side figures, no target depends on them: one run keeps the whole run to minutes
                if (psql.isPresent()) {
                    measurePsql(PSQL_TRIGGERS_OFF, psql.get()::loadTriggersOff);
                }
                measureSeedkitWithTriggers();
                measureJdbc();
                measureDbUnit();
            }
        }
        report(table);
    }

    private void prepare() throws Exception {
        context.progress("1. large import: generating %s", data.describe());
        Databases databases = context.databases();
        String source = databases.createWithSchema("large_source", LargeDataset.DDL);
        databases.run(source, data.fillSql());
        emptyTemplate = databases.createWithSchema("large_empty", LargeDataset.DDL);
        context.progress("1. large import: writing the snapshot and the psql and DBUnit copies");
        try (Connection c = context.server().connect(source)) {
            SnapshotWriter.write(c, snapshotDirectory, "large-" + data.lines());
            dbunit = DbUnitLoad.export(c, data, SLICE_DIVISOR, context.workDirectory().resolve("large-dbunit.xml"));
        }
        databases.drop(source);
        Optional<String> version = PsqlCopy.version(context.options().psql());
        if (version.isPresent()) {
            try (Snapshot snapshot = open()) {
                psql = Optional.of(PsqlCopy.prepare(context.options().psql(), context.server(), snapshot,
                        context.workDirectory().resolve("large-psql")));
            }
        } else {
            context.progress("1. large import: '%s' cannot be run here; no psql \\copy reference",
                    context.options().psql());
        }
    }

    /** How psql loads one database. */
    @FunctionalInterface
    private interface PsqlLoad {
        void into(String database) throws Exception;
    }

    private void measurePsql(String label, PsqlLoad load) throws Exception {
        String target = target();
        time(label, () -> {
            load.into(target);
            return null;
        });
        context.verifyRows(label, target, LargeDataset.TABLES, data.totalRows());
        context.databases().drop(target);
    }

    private void measureSeedkit() throws Exception {
        String target = target();
        ImportReport first;
        try (HeapSampler heap = HeapSampler.start()) {
            first = time(SEEDKIT, () -> importInto(importer, target));
            heapBaseline = heap.baselineBytes();
            heapPeak = Math.max(heapPeak, heap.peakBytes());
            allocated = Math.max(allocated, heap.allocatedBytes());
        }
        require(!first.alreadyApplied() && first.inserted() == data.totalRows(), SEEDKIT + ": " + first.render());
        triggersOff = first.triggersOff();
        context.verifyRows(SEEDKIT, target, LargeDataset.TABLES, data.totalRows());
        ImportReport again = reimportOnOpenConnection(target);
        require(again.alreadyApplied(), REIMPORT + " was not recognised as already applied");
        context.verifyRows(REIMPORT, target, LargeDataset.TABLES, data.totalRows());
        ImportReport forcedReport = time(FORCED, () -> importInto(forced, target));
        require(forcedReport.inserted() == 0 && forcedReport.skipped() == data.totalRows(),
                FORCED + ": " + forcedReport.render());
        context.verifyRows(FORCED, target, LargeDataset.TABLES, data.totalRows());
        measurePartial(target);
        context.databases().drop(target);
    }

    /**
     * Deletes every 100th row of {@code order_lines} (which no foreign key references, so nothing cascades) and
     * vacuums, outside the timing; then times a forced re-import, which must put back exactly those rows.
     */
    private void measurePartial(String target) throws Exception {
        long deleted;
        try (Connection c = context.server().connect(target); Statement s = c.createStatement()) {
            deleted = s.executeUpdate("DELETE FROM order_lines WHERE id % 100 = 0");
            s.execute("VACUUM ANALYZE order_lines");
        }
        ImportReport report = time(PARTIAL, () -> importInto(forced, target));
        require(report.inserted() == deleted && report.skipped() == data.totalRows() - deleted,
                PARTIAL + ": " + report.render());
        context.verifyRows(PARTIAL, target, LargeDataset.TABLES, data.totalRows());
    }

    /** Times the already-applied case alone: the connection is open (and used once) before the clock starts. */
    private ImportReport reimportOnOpenConnection(String target) throws Exception {
        try (Connection c = context.server().connect(target)) {
            Databases.queryValue(c, "SELECT 1");
            return time(REIMPORT, () -> {
                try (Snapshot snapshot = open()) {
                    return importer.importInto(c, snapshot);
                }
            });
        }
    }

    private void measureSeedkitWithTriggers() throws Exception {
        String target = target();
        ImportReport report = time(SEEDKIT_TRIGGERS_ON, () -> importInto(triggersOn, target));
        require(!report.triggersOff(), SEEDKIT_TRIGGERS_ON + " ran with triggers off");
        context.verifyRows(SEEDKIT_TRIGGERS_ON, target, LargeDataset.TABLES, data.totalRows());
        context.databases().drop(target);
    }

    private void measureJdbc() throws Exception {
        String target = target();
        long rows = time(JDBC, () -> {
            try (Snapshot snapshot = open()) {
                return JdbcBatchInsert.load(context.server(), target, snapshot, SLICE_DIVISOR);
            }
        });
        require(rows == data.sliceRows(SLICE_DIVISOR), JDBC + " inserted " + rows + " rows");
        context.verifyRows(JDBC, target, LargeDataset.TABLES, data.sliceRows(SLICE_DIVISOR));
        context.databases().drop(target);
    }

    private void measureDbUnit() throws Exception {
        String target = target();
        time(DBUNIT, () -> {
            try (Connection c = context.server().connect(target)) {
                dbunit.load(c);
            }
            return null;
        });
        context.verifyRows(DBUNIT, target, LargeDataset.TABLES, data.sliceRows(dbunit.divisor()));
        context.databases().drop(target);
    }

    private ImportReport importInto(SnapshotImporter with, String database) throws Exception {
        try (Connection c = context.server().connect(database); Snapshot snapshot = open()) {
            return with.importInto(c, snapshot);
        }
    }

    private Snapshot open() {
        return SnapshotLocation.directory(snapshotDirectory).open();
    }

    private String target() throws Exception {
        return context.databases().copyOf("large", emptyTemplate);
    }

    private <T> T time(String label, Timings.Work<T> work) throws Exception {
        long started = System.nanoTime();
        T result = timings.computeIfAbsent(label, l -> new Timings()).time(work);
        context.progress("   %s: %s", label, ResultTable.duration(System.nanoTime() - started));
        return result;
    }

    private void report(ResultTable table) throws Exception {
        table.section(String.format(Locale.ROOT, "1. Import, large: %s; snapshot %s on disk; each into a fresh "
                + "empty database", data.describe(), megabytes(directorySize(snapshotDirectory))));
        Timings reference = timings.get(PSQL);
        if (reference != null) {
            table.row(PSQL, reference, reference, "the practical limit; FK triggers on");
            table.row(PSQL_TRIGGERS_OFF, timings.get(PSQL_TRIGGERS_OFF), reference, "raw COPY floor: no FK check "
                    + "at all, no sequences");
        }
        Timings first = timings.get(SEEDKIT);
        table.row(SEEDKIT, first, reference, triggersOff ? "FK triggers off, then one orphan check per FK"
                : "role may not set session_replication_role: triggers stayed on");
        table.row(SEEDKIT_TRIGGERS_ON, timings.get(SEEDKIT_TRIGGERS_ON), reference, "plain COPY, FK checked per row");
        table.row(REIMPORT, timings.get(REIMPORT), reference, "nothing loaded; on an open connection (the other "
                + "rows include connecting)");
        table.row(FORCED, timings.get(FORCED), reference, ResultTable.ratio(timings.get(FORCED).median(),
                first.median()) + " of the first import; stage + INSERT .. ON CONFLICT DO NOTHING");
        Timings partial = timings.get(PARTIAL);
        table.row(PARTIAL, partial, reference, ResultTable.ratio(partial.median(), first.median()) + " of the first "
                + "import (target < 0.5x); every 100th order_lines row deleted + VACUUM before, not timed");
        extrapolatedRow(table, JDBC, SLICE_DIVISOR, String.format(Locale.ROOT, "batches of %,d, "
                + "reWriteBatchedInserts, ?::type casts", JdbcBatchInsert.BATCH_SIZE));
        extrapolatedRow(table, DBUNIT, dbunit.divisor(), megabytes(dbunit.fileSize()) + " flat XML");
        table.note("Side figures with no target (psql with replica role, triggersOffAllowed(false), JDBC, DBUnit) "
                + "are measured in the first run only, to keep the whole run to a few minutes.");
        if (reference == null) {
            table.note("No ratios: psql ('" + context.options().psql() + "') could not be run.");
        }
    }

    /** A linear peer measured on the first {@code 1/divisor} of every table, shown multiplied by {@code divisor}. */
    private void extrapolatedRow(ResultTable table, String label, int divisor, String note) {
        Timings slice = timings.get(label);
        table.row(label, slice.scaled(divisor), timings.get(PSQL), String.format(Locale.ROOT, "measured %s for %,d "
                + "rows (first 1/%d of each table), x%d; %s", ResultTable.duration(slice.median()),
                data.sliceRows(divisor), divisor, divisor, note));
    }

    /** Adds the heap figures of section 7. */
    void reportMemory(ResultTable table) throws Exception {
        if (heapPeak == 0) {
            return; // section 1 did not run
        }
        table.value(HEAP, megabytes(heapPeak), String.format(Locale.ROOT, "+%s over the %s baseline after GC; "
                + "snapshot is %s; max heap %s", megabytes(heapPeak - heapBaseline), megabytes(heapBaseline),
                megabytes(directorySize(snapshotDirectory)), megabytes(Runtime.getRuntime().maxMemory())));
        table.value(ALLOCATED, allocated < 0 ? "unknown" : megabytes(allocated), "by the importing thread, in the "
                + "largest run; garbage included");
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static long directorySize(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
