package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GenerationReport;
import dev.seedkit.core.generator.GeneratorConfig;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.examples.DemoDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 8, the generator into the examples' schema: {@link DataGenerator} filling the demo schema from
 * {@value DemoDatabase#GENERATOR_CONFIG} at ~100k and ~1M rows, each into a fresh copy of the empty schema, side by
 * side with Seedkit's importer ({@code COPY}) loading the same rows from a snapshot of what the generator wrote; and
 * the peak heap of each generation, which should not grow with the rows.
 */
final class GeneratorBench {

    static final String GENERATE = "Seedkit generator (demo.yaml)";
    static final String IMPORT = "Seedkit import of the same rows";
    static final String HEAP = "peak heap during generation";
    /** Scales of demo.yaml (1 is 30,000 users, ~1.03M rows): ~100k and ~1M rows, or ~2k and ~10k quickly. */
    static final List<Double> SCALES = List.of(0.1, 1.0);
    static final List<Double> QUICK_SCALES = List.of(0.002, 0.01);

    private final BenchContext context;
    private final GeneratorConfig config = GeneratorConfig.fromResource(DemoDatabase.GENERATOR_CONFIG,
            GeneratorBench.class.getClassLoader());
    private final SnapshotImporter importer = SnapshotImporter.builder().build();
    private final Map<String, Timings> timings = new LinkedHashMap<>();
    private final Map<Double, Long> rows = new LinkedHashMap<>();
    private final Map<Double, long[]> heap = new LinkedHashMap<>();
    private String emptyTemplate;

    GeneratorBench(BenchContext context) {
        this.context = context;
    }

    /** The scales this run measures. */
    List<Double> scales() {
        return context.options().quick() ? QUICK_SCALES : SCALES;
    }

    /** The label of measurement {@code what} at {@code scale}. */
    static String label(double scale, String what) {
        return String.format(Locale.ROOT, "%s, scale %s", what, scale);
    }

    /** Measures every scale {@code largeRuns} times, generator then importer, and adds section 8. */
    void run(ResultTable table) throws Exception {
        emptyTemplate = context.databases().newName("generator_empty");
        context.databases().create(emptyTemplate, null);
        try (Connection c = context.server().connect(emptyTemplate)) {
            DemoDatabase.migrate(c);
        }
        for (double scale : scales()) {
            Path snapshot = context.workDirectory().resolve("generated-" + scale);
            int runs = context.options().largeRuns();
            for (int run = 1; run <= runs; run++) {
                context.progress("8. generator, scale %s, run %d of %d", scale, run, runs);
                generate(scale, run == 1 ? snapshot : null);
                load(scale, snapshot);
            }
        }
        context.databases().drop(emptyTemplate);
        report(table);
    }

    /** Generates at {@code scale} into a fresh copy of the empty schema; writes its snapshot if asked. */
    private void generate(double scale, Path snapshot) throws Exception {
        String target = context.databases().copyOf("generated", emptyTemplate);
        DataGenerator generator = DataGenerator.builder(config).scale(scale).build();
        try (Connection c = context.server().connect(target)) {
            GenerationReport report;
            try (HeapSampler sampler = HeapSampler.start()) {
                report = time(label(scale, GENERATE), () -> generator.generate(c));
                long[] seen = heap.computeIfAbsent(scale, s -> new long[] {Long.MAX_VALUE, 0});
                seen[0] = Math.min(seen[0], sampler.baselineBytes());
                seen[1] = Math.max(seen[1], sampler.peakBytes());
            }
            require(report.ok(), GENERATE + ": " + report.render());
            Long earlier = rows.putIfAbsent(scale, report.rows());
            require(earlier == null || earlier == report.rows(), GENERATE + " wrote " + report.rows() + " rows, "
                    + earlier + " before");
            context.verifiedRows().put(label(scale, GENERATE), report.rows());
            if (snapshot != null) {
                SnapshotWriter.write(c, snapshot, "generated-" + scale);
            }
        }
        context.databases().drop(target);
    }

    /** Imports the generated snapshot of {@code scale} into a fresh copy of the empty schema. */
    private void load(double scale, Path snapshotDirectory) throws Exception {
        String target = context.databases().copyOf("imported", emptyTemplate);
        ImportReport report = time(label(scale, IMPORT), () -> {
            try (Connection c = context.server().connect(target);
                 Snapshot snapshot = SnapshotLocation.directory(snapshotDirectory).open()) {
                return importer.importInto(c, snapshot);
            }
        });
        require(report.inserted() == rows.get(scale), IMPORT + ": " + report.render());
        context.verifiedRows().put(label(scale, IMPORT), report.inserted());
        context.databases().drop(target);
    }

    private <T> T time(String label, Timings.Work<T> work) throws Exception {
        long started = System.nanoTime();
        T result = timings.computeIfAbsent(label, l -> new Timings()).time(work);
        context.progress("   %s: %s", label, ResultTable.duration(System.nanoTime() - started));
        return result;
    }

    private void report(ResultTable table) {
        table.section("8. Generator: the examples' demo schema (22 tables, 3 cycles) filled from demo.yaml, each run "
                + "into a fresh empty copy, beside Seedkit's import of the same rows");
        for (double scale : scales()) {
            long count = rows.get(scale);
            Timings imported = timings.get(label(scale, IMPORT));
            Timings generated = timings.get(label(scale, GENERATE));
            double rate = count / seconds(generated.median());
            double importRate = count / seconds(imported.median());
            table.row(label(scale, IMPORT), imported, imported, String.format(Locale.ROOT, "%,d rows: %,.0f rows/s "
                    + "(COPY, FK triggers off, orphan check per FK)", count, importRate));
            table.row(label(scale, GENERATE), generated, imported, String.format(Locale.ROOT, "%,d rows: %,.0f "
                    + "rows/s = %,.0f rows/min (target >= 1,000,000), %.2fx the importer's rate (target >= 0.5x)",
                    count, rate, rate * 60, rate / importRate));
        }
        for (double scale : scales()) {
            long[] seen = heap.get(scale);
            table.value(label(scale, HEAP), LargeImportBench.megabytes(seen[1]), String.format(Locale.ROOT,
                    "%,d rows; +%s over the %s baseline after GC; max heap %s", rows.get(scale),
                    LargeImportBench.megabytes(seen[1] - seen[0]), LargeImportBench.megabytes(seen[0]),
                    LargeImportBench.megabytes(Runtime.getRuntime().maxMemory())));
        }
        table.note("Rates are rows over the median time; the generator's time includes its orphan check, id-range "
                + "check and sequence moves, the importer's its orphan check and sequence moves. Heap peaks include "
                + "garbage not yet collected.");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
