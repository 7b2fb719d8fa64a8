package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GeneratorConfig;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Section 11, export and import on hard shapes (issue #19), side by side in one run:
 * <ol>
 *   <li>the {@link HardShapeDatabase} (~1.5M rows; {@code --hard-rows}): {@link SnapshotExporter} once connected at
 *       100, 1,000 and 16,000 rows per table and every row (a limit above every table's size), each stopped after
 *       {@code --time-cap} seconds (its connection is terminated), beside {@code pg_dump --data-only} of the same
 *       database;</li>
 *   <li>a {@link WideSchema} of 500 tables and 1,000 foreign keys with 40 generated rows per table, and a 30-table
 *       one with the same 20,000 rows: export of every row vs {@code pg_dump --data-only}, and import of that
 *       snapshot into an empty copy of the schema vs {@code psql} restoring the dump with
 *       {@code session_replication_role = replica};</li>
 *   <li>the examples' demo database at each {@code --export-scales} scale: 100 rows per table, total rows and
 *       {@code public.users} rows, which should not grow with the database.</li>
 * </ol>
 * pg_dump must accept the server's major version: with embedded PostgreSQL 18 and pg_dump 15, run it against a
 * PostgreSQL 15 server ({@code SEEDKIT_JDBC_URL}); the pg_dump rows are then replaced by a note saying why.
 */
final class HardShapeBench {

    static final int EVERY_ROW = 100_000_000;
    static final List<Integer> LIMITS = List.of(100, 1_000, 16_000, EVERY_ROW);
    static final String PG_DUMP = "pg_dump --data-only";
    static final String IMPORT = "SnapshotImporter into an empty copy";
    static final String RESTORE = "psql restore of the dump, replica role";
    static final String EXPORT_ALL = "SnapshotExporter, every row";
    static final int WIDE_TABLES = 500;
    static final int WIDE_ROWS_PER_TABLE = 40;
    static final int NARROW_TABLES = 30;
    static final int DEMO_LIMIT = 100;

    private final BenchContext context;
    private final PgDump pgDump;

    HardShapeBench(BenchContext context) {
        this.context = context;
        this.pgDump = new PgDump(context.options().pgDump(), context.options().psql(), context.server());
    }

    /** "hard shape: export, 1,000 rows/table", the label of a hard-shape export. */
    static String exportLabel(int limit) {
        return "hard shape: export, " + (limit == EVERY_ROW ? "every row"
                : String.format(Locale.ROOT, "%,d rows/table", limit));
    }

    /** "500 tables: {@code what}". */
    static String wideLabel(int tables, String what) {
        return tables + " tables: " + what;
    }

    /** "demo scale 30,000: 100 rows/table, rows". */
    static String demoLabel(int scale) {
        return String.format(Locale.ROOT, "demo scale %,d: %d rows/table, rows exported", scale, DEMO_LIMIT);
    }

    void run(ResultTable table) throws Exception {
        table.section("11. Export and import on hard shapes (issue #19), side by side: a generated hard-shape "
                + "database, a 500-table schema vs a 30-table one, and the demo database at two sizes");
        hardShape(table);
        wideSchemas(table);
        demoSizes(table);
    }

    // ---------------------------------------------------------------- the hard-shape database

    private void hardShape(ResultTable table) throws Exception {
        int totalRows = context.options().hardRows();
        String database = hardDatabase(totalRows, table);
        Map<String, Long> counts = countRows(database, HardShapeDatabase.TABLES);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        table.note(String.format(Locale.ROOT, "hard-shape database %s: %,d rows (%s)", database, total,
                new HardShapeDatabase(totalRows).describe(counts)));
        Timings dump = measureDump(database, "hard shape: ", total, table);
        double dumpRate = dump == null ? 0 : total / (dump.median() / 1e9);
        for (int limit : LIMITS) {
            exportHardShape(database, limit, total, dump, dumpRate, table);
        }
    }

    /** The hard-shape database: kept on the server between runs unless {@code --demo-cache none}. */
    private String hardDatabase(int totalRows, ResultTable table) throws Exception {
        boolean keep = context.options().demoCache() != null;
        String name = keep ? String.format(Locale.ROOT, "seedkit_hard_%d_v%d", totalRows, HardShapeDatabase.VERSION)
                : context.databases().newName("hard");
        if (keep && exists(name)) {
            table.note("hard-shape database reused from an earlier run (drop database " + name + " to rebuild)");
            return name;
        }
        String building = keep ? name + "_building" : name;
        if (keep) {
            context.databases().admin("DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
        }
        context.databases().create(building, null);
        context.progress("11. building the hard-shape database (%,d rows) in %s", totalRows, building);
        long started = System.nanoTime();
        context.databases().run(building, new HardShapeDatabase(totalRows).buildSql());
        if (keep) {
            context.databases().admin("ALTER DATABASE " + building + " RENAME TO " + name);
        }
        String took = ResultTable.duration(System.nanoTime() - started);
        context.progress("11. built the hard-shape database in %s", took);
        table.note("hard-shape database built in this run in " + took + " (INSERT ... SELECT generate_series, "
                + "then indexes, foreign keys, ANALYZE)" + (keep ? "; kept for later runs" : ""));
        return name;
    }

    private boolean exists(String database) throws SQLException {
        try (Connection c = context.server().connect(context.server().defaultDatabase())) {
            return Databases.queryValue(c, "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")
                    .equals("1");
        }
    }

    private void exportHardShape(String database, int limit, long total, Timings dump, double dumpRate,
            ResultTable table) throws Exception {
        SnapshotExporter exporter = SnapshotExporter.builder().rowsPerTable(limit).fixtureVersion("seed-bench")
                .build();
        boolean big = limit >= 16_000;
        boolean small = limit <= 100;
        int runs = small ? context.options().largeRuns() : 1;
        Path directory = context.workDirectory().resolve("hard-export-" + limit);
        context.progress("11. %s (%d run%s, cap %d s)", exportLabel(limit), runs,
                runs == 1 ? "" : "s", context.options().timeCapSeconds());
        if (small) {
            CappedExport warmUp = exportCapped(database, exporter, directory);
            if (!warmUp.finished()) {
                table.value(exportLabel(limit), "did not finish", "in " + context.options().timeCapSeconds()
                        + " s (the unmeasured warm-up run)");
                return;
            }
        }
        Timings timings = new Timings();
        ExportReport report = null;
        for (int run = 0; run < runs; run++) {
            CappedExport export = exportCapped(database, exporter, directory);
            if (!export.finished()) {
                table.value(exportLabel(limit), "did not finish", String.format(Locale.ROOT,
                        "in %d s (stopped: connection terminated)%s", context.options().timeCapSeconds(),
                        limit == EVERY_ROW ? "; target: >= 0.5x pg_dump's rows/s: missed" : ""));
                return;
            }
            timings.add(export.nanos());
            report = export.report();
        }
        require(report.rows() > 0, exportLabel(limit) + " wrote no rows");
        if (limit == EVERY_ROW) {
            require(report.rows() == total, "every-row export wrote " + report.rows() + " of " + total + " rows");
        }
        context.verifiedRows().put(exportLabel(limit), report.rows());
        double rate = report.rows() / (timings.median() / 1e9);
        StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "%,d rows, %,.0f rows/s; %d queries, "
                + "%d closure round(s)", report.rows(), rate, report.queries(), report.closureRounds()));
        if (limit == 100) {
            note.append("; target <= 1 s: ").append(met(timings.median() <= 1_000_000_000L));
        }
        if (big && dump != null) {
            double ratio = rate / dumpRate;
            note.append(String.format(Locale.ROOT, "; rows/s %.4fx pg_dump's; target >= 0.5x: %s", ratio,
                    met(ratio >= 0.5)));
        }
        note.append("; ").append(whereTheTimeWent(report));
        table.row(exportLabel(limit), timings, limit == EVERY_ROW ? dump : null, note.toString());
    }

    /**
     * "slowest tables: payments 3.1 s, ...; table files 4.0 s; catalog, selection, batched reads 9.8 s": the three
     * tables whose file took longest (its COPY, or writing it from a batched read), all tables' files, and the rest
     * of the export's own duration (catalog reads, selection and closure rounds, small tables' batched reads).
     */
    static String whereTheTimeWent(ExportReport report) {
        long tables = report.tables().stream().mapToLong(t -> t.time().toNanos()).sum();
        String slowest = report.tables().stream()
                .sorted(Comparator.comparing(ExportReport.TableReport::time).reversed()).limit(3)
                .map(t -> t.table().name() + " " + ResultTable.duration(t.time().toNanos()))
                .collect(Collectors.joining(", "));
        return "slowest tables: " + slowest + "; table files: " + ResultTable.duration(tables)
                + "; catalog, selection, batched reads: "
                + ResultTable.duration(Math.max(0, report.duration().toNanos() - tables));
    }

    /** The outcome of an export that may have been stopped at the time cap. */
    private record CappedExport(ExportReport report, long nanos) {
        boolean finished() {
            return report != null;
        }
    }

    /**
     * One export over a connection opened before the clock starts, on its own thread; after
     * {@code --time-cap} seconds its connection is terminated on the server and the outcome is "not finished".
     */
    private CappedExport exportCapped(String database, SnapshotExporter exporter, Path directory) throws Exception {
        StartupBench.deleteTree(directory);
        Connection connection = context.server().connect(database);
        String pid = Databases.queryValue(connection, "SELECT pg_backend_pid()");
        ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
            Thread daemon = new Thread(work, "seed-bench-capped-export");
            daemon.setDaemon(true);
            return daemon;
        });
        try {
            long started = System.nanoTime();
            Future<ExportReport> export = thread.submit(() -> exporter.export(connection, directory));
            try {
                ExportReport report = export.get(context.options().timeCapSeconds(), TimeUnit.SECONDS);
                return new CappedExport(report, System.nanoTime() - started);
            } catch (TimeoutException e) {
                context.progress("11. export did not finish in %d s: terminating its connection",
                        context.options().timeCapSeconds());
                context.databases().admin("SELECT pg_terminate_backend(" + pid + ")");
                try {
                    export.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ignored) {
                    // expected: the export fails once its connection is gone
                }
                return new CappedExport(null, 0);
            } catch (ExecutionException e) {
                throw new IllegalStateException("export from " + database + " failed", e.getCause());
            }
        } finally {
            thread.shutdownNow();
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // terminated by the time cap
        }
    }

    /**
     * {@code largeRuns} runs of pg_dump --data-only of {@code database}, as a row; null (and a note) when pg_dump
     * cannot dump this server.
     */
    private Timings measureDump(String database, String prefix, long rows, ResultTable table) throws Exception {
        String refused = pgDump.check(database);
        if (refused != null) {
            table.note(prefix + "no pg_dump figures: " + refused + " (run against a server pg_dump accepts, e.g. "
                    + "SEEDKIT_JDBC_URL of a PostgreSQL 15)");
            return null;
        }
        context.progress("11. %s%s", prefix, PG_DUMP);
        Path file = dumpFile(database);
        Timings timings = new Timings();
        for (int run = 0; run < context.options().largeRuns(); run++) {
            long started = System.nanoTime();
            pgDump.dumpData(database, file);
            timings.add(System.nanoTime() - started);
        }
        table.row(prefix + PG_DUMP, timings, null, String.format(Locale.ROOT, "%,d rows, %,.0f rows/s, %s plain "
                + "SQL file (the reference)", rows, rows / (timings.median() / 1e9),
                LargeImportBench.megabytes(Files.size(file))));
        return timings;
    }

    private Path dumpFile(String database) {
        return context.workDirectory().resolve(database + "-data.sql");
    }

    // ---------------------------------------------------------------- 500 tables vs 30 tables

    private void wideSchemas(ResultTable table) throws Exception {
        int rows = WIDE_TABLES * WIDE_ROWS_PER_TABLE;
        Map<Integer, Timings[]> figures = new LinkedHashMap<>();
        figures.put(WIDE_TABLES, wideSchema(WIDE_TABLES, 2 * WIDE_TABLES, WIDE_ROWS_PER_TABLE, table));
        figures.put(NARROW_TABLES, wideSchema(NARROW_TABLES, 2 * NARROW_TABLES, rows / NARROW_TABLES, table));
        Timings[] wide = figures.get(WIDE_TABLES);
        Timings[] narrow = figures.get(NARROW_TABLES);
        table.note(String.format(Locale.ROOT, "%d tables vs %d tables with the same rows: export %s, import %s "
                + "(the issue: \"costs little more than a 30-table one\")", WIDE_TABLES, NARROW_TABLES,
                ResultTable.ratio(wide[0].median(), narrow[0].median()),
                ResultTable.ratio(wide[1].median(), narrow[1].median())));
    }

    /** Measures one generated schema; returns the export and import timings. */
    private Timings[] wideSchema(int tables, int foreignKeys, int rowsPerTable, ResultTable table) throws Exception {
        context.progress("11. %d-table schema, %d foreign keys, %d rows per table", tables, foreignKeys,
                rowsPerTable);
        Databases databases = context.databases();
        String schema = "w" + tables;
        String empty = databases.createWithSchema("wide_empty", new WideSchema(schema, tables, foreignKeys).ddl());
        String source = databases.copyOf("wide_source", empty);
        try (Connection c = context.server().connect(source)) {
            DataGenerator.builder(GeneratorConfig.parse("seed: 1\ndefaults:\n  rows: " + rowsPerTable + "\n",
                    "section 11")).schemas(schema).build().generate(c);
            Databases.execute(c, "ANALYZE");
        }
        List<String> names = tableNames(source, schema);
        long rows = databases.countRows(source, names);
        table.note(String.format(Locale.ROOT, "%d-table schema (WideSchema, %,d foreign keys): %,d generated rows",
                tables, foreignKeys, rows));
        Timings dump = measureDump(source, wideLabel(tables, ""), rows, table);
        SnapshotExporter exporter = SnapshotExporter.builder().rowsPerTable(EVERY_ROW).fixtureVersion("seed-bench")
                .build();
        Path snapshot = context.workDirectory().resolve("wide-" + tables);
        exportCapped(source, exporter, snapshot); // warm-up
        Timings export = new Timings();
        ExportReport report = null;
        for (int run = 0; run < context.options().runs(); run++) {
            CappedExport once = exportCapped(source, exporter, snapshot);
            require(once.finished(), "export of the " + tables + "-table schema did not finish");
            export.add(once.nanos());
            report = once.report();
        }
        require(report.rows() == rows, tables + "-table export wrote " + report.rows() + " of " + rows + " rows");
        context.verifiedRows().put(wideLabel(tables, EXPORT_ALL), report.rows());
        table.row(wideLabel(tables, EXPORT_ALL), export, dump, String.format(Locale.ROOT, "%,d rows; %d queries "
                + "(ExportReport)%s; %s", report.rows(), report.queries(), dump == null ? ""
                : "; ratio: vs pg_dump; target <= 1.0x: " + met(export.median() <= dump.median()),
                whereTheTimeWent(report)));
        Timings imported = measureImport(tables, empty, names, rows, snapshot);
        Timings restored = dump == null ? null : measureRestore(tables, empty, names, rows, source);
        table.row(wideLabel(tables, IMPORT), imported, restored, String.format(Locale.ROOT, "%,d rows%s", rows,
                restored == null ? "" : "; ratio: vs psql; target <= 1.0x: "
                        + met(imported.median() <= restored.median())));
        if (restored != null) {
            table.row(wideLabel(tables, RESTORE), restored, null, "psql -1 -f dump.sql with PGOPTIONS='-c "
                    + "session_replication_role=replica' (the reference)");
        }
        return new Timings[] {export, imported};
    }

    private Timings measureImport(int tables, String empty, List<String> names, long rows, Path snapshot)
            throws Exception {
        SnapshotImporter importer = SnapshotImporter.builder().build();
        Timings timings = new Timings();
        for (int run = -1; run < context.options().runs(); run++) {
            String target = context.databases().copyOf("wide_import", empty);
            try (Connection c = context.server().connect(target);
                 Snapshot opened = SnapshotLocation.directory(snapshot).open()) {
                Databases.queryValue(c, "SELECT 1");
                long started = System.nanoTime();
                importer.importInto(c, opened);
                if (run >= 0) {
                    timings.add(System.nanoTime() - started);
                }
            }
            context.verifyRows(wideLabel(tables, IMPORT), target, names, rows);
            context.databases().drop(target);
        }
        return timings;
    }

    private Timings measureRestore(int tables, String empty, List<String> names, long rows, String source)
            throws Exception {
        Timings timings = new Timings();
        for (int run = 0; run < context.options().runs(); run++) {
            String target = context.databases().copyOf("wide_restore", empty);
            long started = System.nanoTime();
            pgDump.restoreTriggersOff(target, dumpFile(source));
            timings.add(System.nanoTime() - started);
            context.verifyRows(wideLabel(tables, RESTORE), target, names, rows);
            context.databases().drop(target);
        }
        return timings;
    }

    private List<String> tableNames(String database, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = context.server().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                     + " WHERE table_schema = '" + schema + "' ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private Map<String, Long> countRows(String database, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = context.server().connect(database)) {
            for (String name : tables) {
                counts.put(name, Databases.count(c, name));
            }
        }
        return counts;
    }

    // ---------------------------------------------------------------- the demo database at two sizes

    private void demoSizes(ResultTable table) throws Exception {
        List<Integer> scales = context.options().exportScales();
        if (scales.isEmpty()) {
            table.note("demo sizes: skipped (--export-scales none)");
            return;
        }
        DemoCache demos = new DemoCache(context);
        SnapshotExporter exporter = SnapshotExporter.builder().rowsPerTable(DEMO_LIMIT).fixtureVersion("seed-bench")
                .build();
        long smallest = 0;
        for (int scale : scales) {
            try (DemoSource demo = demos.open(scale)) {
                context.progress("11. demo database at %s: %d rows per table", demo.describe(), DEMO_LIMIT);
                Path directory = context.workDirectory().resolve("demo-sizes-" + scale);
                ExportReport report;
                long started = System.nanoTime();
                try (Connection c = demo.connect()) {
                    report = exporter.export(c, directory);
                }
                long nanos = System.nanoTime() - started;
                long users = report.table(TableName.of("public", "users")).map(ExportReport.TableReport::rows)
                        .orElse(0L);
                context.verifiedRows().put(demoLabel(scale), report.rows());
                smallest = smallest == 0 ? report.rows() : smallest;
                String ratio = ResultTable.ratio(report.rows(), smallest);
                table.value(demoLabel(scale), String.format(Locale.ROOT, "%,d", report.rows()), String.format(
                        Locale.ROOT, "from %s; %s of the smallest scale's total (target within 10%%: %s); users %,d "
                        + "(%,d by the limit, %,d pulled in; target <= %d: %s); export took %s", demo.describe(),
                        ratio, met(Math.abs(report.rows() - smallest) <= smallest / 10), users,
                        report.table(TableName.of("public", "users")).map(ExportReport.TableReport::rowsSelectedByLimit)
                                .orElse(0L), report.table(TableName.of("public", "users"))
                                .map(ExportReport.TableReport::rowsPulledInAsParents).orElse(0L),
                        2 * DEMO_LIMIT, met(users <= 2L * DEMO_LIMIT), ResultTable.duration(nanos)));
            }
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }
}
