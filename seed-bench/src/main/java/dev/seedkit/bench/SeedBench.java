package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The benchmark harness of issue #10: measures Seedkit's import against psql {@code \copy} (the practical limit),
 * plain JDBC and DBUnit, the cost of a fresh database per test class and of a whole suite, the exporter and the
 * command line on ~1M- and ~10M-row demo databases, start-up and heap use, the generator into the demo schema at
 * ~100k and ~1M rows beside the importer, export and import on hard shapes beside pg_dump and psql (issue #19), and
 * prints one table of medians with
 * min–max and ratios. Progress, and how long each section took, go to stderr; the table to stdout.
 *
 * <pre>
 * mvn -B -q -pl seed-bench -am package -DskipTests &amp;&amp; java -jar seed-bench/target/seed-bench.jar [--quick]
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a measurement failed (stack trace on stderr), 2 bad command line.
 */
public final class SeedBench {

    private SeedBench() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(runAndPrint(options));
    }

    private static int runAndPrint(BenchOptions options) {
        try (PostgresServer server = PostgresServers.fromEnvironment()) {
            System.out.print(run(options, server, System.err).render());
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    /**
     * Runs every section against {@code server} (which must let its user create databases); progress to
     * {@code progress}.
     */
    static BenchReport run(BenchOptions options, PostgresServer server, PrintStream progress) throws Exception {
        Path work = Files.createTempDirectory("seed-bench-");
        try (Databases databases = new Databases(server)) {
            BenchContext context = new BenchContext(options, databases, work, progress, new LinkedHashMap<>());
            SectionClock clock = new SectionClock(context);
            ResultTable table = new ResultTable();
            LargeImportBench large = new LargeImportBench(context);
            ExportBench export = new ExportBench(context);
            clock.time(1, "large import", () -> large.run(table));
            TypicalFixture fixture = options.runs(2) || options.runs(4) || options.runs(6) || options.runs(10)
                    ? TypicalFixture.create(context) : null;
            clock.time(2, "typical fixture", () -> new FixtureBench(context, fixture).run(table));
            clock.time(3, "clones", () -> new CloneBench(context).run(table));
            clock.time(4, "whole suite", () -> new SuiteBench(context, fixture).run(table));
            if (!options.exportScales().isEmpty()) {
                clock.time(5, "export", () -> export.run(table));
            }
            clock.time(6, "start-up", () -> new StartupBench(context, fixture).run(table));
            if (options.runs(1) || options.runs(5)) {
                table.section("7. Memory: Java heap while Seedkit imports the large snapshot and exports the demo "
                        + "databases (sampled every 10 ms)");
                large.reportMemory(table);
                export.reportMemory(table);
            }
            clock.time(8, "generator", () -> new GeneratorBench(context).run(table));
            clock.time(9, "changes", () -> new ChangesBench(context).run(table));
            clock.time(10, "hand-off", () -> new HandOffBench(context, fixture).run(table));
            clock.time(11, "hard shapes", () -> new HardShapeBench(context).run(table));
            clock.summary();
            return new BenchReport(Machine.describe(server, options), table, context.verifiedRows());
        } finally {
            StartupBench.deleteTree(work);
        }
    }
}
