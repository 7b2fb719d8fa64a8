package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Section 5, export: a subset of {@value #ROWS_PER_TABLE} rows per table of the examples' demo database at each
 * configured scale (~1M and ~10M rows), written as a snapshot directory. Measures {@link SnapshotExporter} on an
 * open connection (wall time, the queries it reports, what the server's statistics say it read, peak heap), and
 * {@code seedkit export} as a separate process from JVM start to exit.
 */
final class ExportBench {

    static final int ROWS_PER_TABLE = 100;
    static final String EXPORT = "SnapshotExporter.export, once connected";
    static final String READS = "read on the server by one export";
    static final String CLI = "seedkit export (CLI), whole process";
    static final String HEAP = "peak heap during export";

    private final BenchContext context;
    private final DemoCache demos;
    private final SnapshotExporter exporter = SnapshotExporter.builder().rowsPerTable(ROWS_PER_TABLE)
            .fixtureVersion("seed-bench").build();
    private final List<HeapFigure> heapFigures = new ArrayList<>();
    private Timings smallest;

    ExportBench(BenchContext context) {
        this.context = context;
        this.demos = new DemoCache(context);
    }

    /** "demo scale 30,000: {@code what}", the label of a row of this section. */
    static String label(int scale, String what) {
        return String.format(Locale.ROOT, "demo scale %,d: %s", scale, what);
    }

    void run(ResultTable table) throws Exception {
        table.section("5. Export: " + ROWS_PER_TABLE + " rows per table (plus the parents they reference) of the "
                + "examples' demo database, into a snapshot directory; targets: < 1 s once connected, < 3 s for the "
                + "whole CLI run, memory flat as the database grows");
        for (int scale : context.options().exportScales()) {
            try (DemoSource demo = demos.open(scale)) {
                table.note("demo database at " + demo.describe() + " (" + demo.origin() + ")");
                measure(demo, table);
            }
        }
    }

    private void measure(DemoSource demo, ResultTable table) throws Exception {
        int scale = demo.scale();
        context.progress("5. export from the demo database at %s", demo.describe());
        Timings timings = new Timings();
        ExportOutcome last = measureExports(demo, timings);
        ExportReport report = last.report();
        Timings reference = smallest;
        smallest = smallest == null ? timings : smallest;
        table.row(label(scale, EXPORT), timings, reference, String.format(Locale.ROOT, "%s%,d rows in %d files; "
                + "%d queries, %d closure rounds (ExportReport; catalog reads not counted); after 1 warm-up",
                reference == null ? "" : "ratio: vs the smallest scale; ", report.rows(), report.tables().size(),
                report.queries(), report.closureRounds()));
        table.value(label(scale, READS), String.format(Locale.ROOT, "%,d rows", last.reads().heapRows()),
                last.reads().describe() + "; the exporter's own selection read " + report.rowsRead() + " row ids");
        table.row(label(scale, CLI), measureCli(demo), null, "java -cp <bench classpath> dev.seedkit.cli.Main "
                + "export: JVM start, connect, export, exit");
    }

    /**
     * One unmeasured warm-up export (class loading, JIT), then {@code runs} measured ones into {@code timings};
     * checks and records the last one's rows and reads, and the largest peak heap; returns the last outcome.
     */
    private ExportOutcome measureExports(DemoSource demo, Timings timings) throws Exception {
        Path directory = context.workDirectory().resolve("export-" + demo.scale());
        exportOnce(demo, directory);
        ExportOutcome last = null;
        long peakHeap = 0;
        for (int run = 0; run < context.options().runs(); run++) {
            last = exportOnce(demo, directory);
            timings.add(last.nanos());
            peakHeap = Math.max(peakHeap, last.heapPeakBytes());
        }
        ExportReport report = last.report();
        require(report.rows() > 0 && report.tables().size() == demo.tables(), "export from " + demo.describe()
                + " wrote " + report.rows() + " rows of " + report.tables().size() + " tables");
        context.verifiedRows().put(label(demo.scale(), EXPORT), report.rows());
        context.verifiedRows().put(label(demo.scale(), READS), last.reads().heapRows());
        heapFigures.add(new HeapFigure(label(demo.scale(), HEAP), peakHeap, last.heapBaselineBytes()));
        return last;
    }

    /** The peak heap of the exports at one scale, for section 7. */
    private record HeapFigure(String label, long peakBytes, long baselineBytes) {
    }

    /** The outcome of one measured export. */
    private record ExportOutcome(ExportReport report, long nanos, ServerReads reads, long heapBaselineBytes,
                                 long heapPeakBytes) {
    }

    /** One export over a connection opened (and used once) before the clock starts. */
    private ExportOutcome exportOnce(DemoSource demo, Path directory) throws Exception {
        try (Connection c = demo.connect(); Connection statistics = demo.connect()) {
            Databases.queryValue(c, "SELECT 1");
            ServerReads before = ServerReads.read(statistics);
            ExportReport report;
            long nanos;
            long baseline;
            long peak;
            try (HeapSampler heap = HeapSampler.start()) {
                long started = System.nanoTime();
                report = exporter.export(c, directory);
                nanos = System.nanoTime() - started;
                baseline = heap.baselineBytes();
                peak = heap.peakBytes();
            }
            ServerReads.flushOwnCounters(c);
            ServerReads reads = ServerReads.read(statistics).minus(before);
            return new ExportOutcome(report, nanos, reads, baseline, peak);
        }
    }

    /**
     * Runs {@code seedkit export} as a new JVM {@code largeRuns} times; fails unless it exits with 0. Records the rows
     * of the snapshot it wrote.
     */
    private Timings measureCli(DemoSource demo) throws Exception {
        Path directory = context.workDirectory().resolve("export-cli-" + demo.scale());
        Timings timings = new Timings();
        for (int run = 0; run < context.options().largeRuns(); run++) {
            ProcessBuilder builder = new ProcessBuilder(cliCommand(demo, directory)).redirectErrorStream(true)
                    .directory(context.workDirectory().toFile()); // no seedkit.properties there to pick up
            if (!demo.server().password().isEmpty()) {
                builder.environment().put("SEEDKIT_PASSWORD", demo.server().password());
            }
            long started = System.nanoTime();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            timings.add(System.nanoTime() - started);
            require(exitCode == 0, "seedkit export exited with " + exitCode + ":\n" + output);
        }
        context.verifiedRows().put(label(demo.scale(), CLI), rowsIn(directory));
        return timings;
    }

    private static List<String> cliCommand(DemoSource demo, Path directory) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", absoluteClassPath(), "dev.seedkit.cli.Main", "export",
                "--url", demo.server().jdbcUrl(demo.database()), "--user", demo.server().username(),
                "--rows-per-table", Integer.toString(ROWS_PER_TABLE), "--snapshot", directory.toString());
    }

    /** This JVM's class path with every entry absolute: the CLI runs in the work directory. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static long rowsIn(Path directory) {
        try (Snapshot snapshot = SnapshotLocation.directory(directory).open()) {
            return snapshot.manifest().tables().stream().mapToLong(SnapshotManifest.Table::rowCount).sum();
        }
    }

    /** Adds the heap rows of section 7. */
    void reportMemory(ResultTable table) {
        for (HeapFigure figure : heapFigures) {
            table.value(figure.label(), LargeImportBench.megabytes(figure.peakBytes()), String.format(Locale.ROOT,
                    "+%s over the %s baseline after GC; largest of %d exports", LargeImportBench.megabytes(
                            figure.peakBytes() - figure.baselineBytes()), LargeImportBench.megabytes(
                            figure.baselineBytes()), context.options().runs()));
        }
    }
}
