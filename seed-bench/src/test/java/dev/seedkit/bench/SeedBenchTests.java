package dev.seedkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole harness in {@code --quick} mode on tiny sizes: a correctness check of every measurement (each
 * printed, each load complete), never of the times themselves.
 */
@ExtendWith(TestPostgres.class)
class SeedBenchTests {

    private static final int ROWS = 2_000;
    private static final int SCALE = BenchOptions.QUICK_EXPORT_SCALE;

    @Test
    void quickRunPrintsEveryMeasurementAndEveryLoadHasAllItsRows(PostgresServer server) throws Exception {
        BenchReport report = SeedBench.run(BenchOptions.parse("--quick", "--rows", Integer.toString(ROWS),
                "--sections", "1,2,3,4,5,6,8,9,10"), server, System.out);

        List<String> expected = expectedLabels();
        assertThat(report.labels()).containsExactlyInAnyOrderElementsOf(expected);
        String printed = report.render();
        expected.forEach(label -> assertThat(printed).contains(label));
        assertThat(printed).contains("Machine:", "Java:", "PostgreSQL: 18", "Date:");

        long large = ROWS + ROWS / 10 + ROWS / 100;
        Map<String, Long> rows = report.verifiedRows();
        for (String label : List.of(LargeImportBench.SEEDKIT, LargeImportBench.SEEDKIT_TRIGGERS_ON,
                LargeImportBench.REIMPORT, LargeImportBench.FORCED, LargeImportBench.PARTIAL)) {
            assertThat(rows).as(label).containsEntry(label, large);
        }
        if (psqlAvailable()) {
            assertThat(rows).containsEntry(LargeImportBench.PSQL, large)
                    .containsEntry(LargeImportBench.PSQL_TRIGGERS_OFF, large);
        }
        assertThat(rows).containsEntry(LargeImportBench.JDBC, large / 10).containsEntry(LargeImportBench.DBUNIT,
                large / 10);
        for (String label : List.of(FixtureBench.WARM, FixtureBench.COLD, FixtureBench.RAW_COPY, FixtureBench.RESEED,
                FixtureBench.RESEED_COPY, SuiteBench.TEMPLATE, SuiteBench.REIMPORT)) {
            assertThat(rows).as(label).containsEntry(label, 3_000L);
        }
        long exported = rows.get(ExportBench.label(SCALE, ExportBench.EXPORT));
        assertThat(exported).as("rows exported from the demo database").isBetween(100L, 10_000L);
        assertThat(rows).as("the CLI process exited with 0 and wrote the same subset")
                .containsEntry(ExportBench.label(SCALE, ExportBench.CLI), exported);
        assertThat(rows.get(ExportBench.label(SCALE, ExportBench.READS)))
                .as("pg_stat counters saw the export's reads").isGreaterThanOrEqualTo(exported);
        for (double scale : GeneratorBench.QUICK_SCALES) {
            long generated = rows.get(GeneratorBench.label(scale, GeneratorBench.GENERATE));
            assertThat(generated).as("rows generated at scale " + scale).isGreaterThan(1_000L);
            assertThat(rows).as("the importer loaded what the generator wrote")
                    .containsEntry(GeneratorBench.label(scale, GeneratorBench.IMPORT), generated);
        }
        assertThat(rows).containsEntry("small template copy", 2_997L)
                .containsEntry("large template copy", LargeDataset.ofTotal(ROWS * 3 / 10).totalRows());
    }

    @Test
    void hardShapeSectionExportsEveryRowAndImportsBothGeneratedSchemasInFull(PostgresServer server)
            throws Exception {
        BenchReport report = SeedBench.run(BenchOptions.parse("--quick", "--sections", "11", "--hard-rows",
                "20000", "--time-cap", "20"), server, System.out);

        Map<String, Long> rows = report.verifiedRows();
        assertThat(rows.get(HardShapeBench.exportLabel(100))).as("100 rows per table plus parents")
                .isBetween(800L, 20_000L);
        String printed = report.render();
        if (rows.containsKey(HardShapeBench.exportLabel(HardShapeBench.EVERY_ROW))) {
            assertThat(rows.get(HardShapeBench.exportLabel(HardShapeBench.EVERY_ROW)))
                    .as("every row of the hard-shape database").isBetween(19_000L, 21_000L);
        } else {
            assertThat(printed).contains("did not finish");
        }
        for (int tables : List.of(HardShapeBench.WIDE_TABLES, HardShapeBench.NARROW_TABLES)) {
            long exported = rows.get(HardShapeBench.wideLabel(tables, HardShapeBench.EXPORT_ALL));
            assertThat(exported).as(tables + " tables, every generated row").isGreaterThan(19_000L);
            assertThat(rows).as(tables + " tables, imported in full")
                    .containsEntry(HardShapeBench.wideLabel(tables, HardShapeBench.IMPORT), exported);
        }
        assertThat(rows.get(HardShapeBench.demoLabel(SCALE))).as("demo, 100 rows per table").isBetween(100L,
                10_000L);
        assertThat(printed).contains("11. Export and import on hard shapes",
                HardShapeBench.exportLabel(16_000), "500 tables vs 30 tables with the same rows");
    }

    @Test
    void optionsAreCheckedBeforeAnythingRuns() {
        assertThat(BenchOptions.parse()).isEqualTo(new BenchOptions(false, 1_000_000, 5, 3, 50, "psql",
                List.of(30_000, 300_000), DemoCache.defaultDirectory(), BenchOptions.ALL_SECTIONS, 1_500_000, 300,
                "pg_dump"));
        assertThat(BenchOptions.parse("--quick")).isEqualTo(new BenchOptions(true, 100_000, 2, 1, 10, "psql",
                List.of(300), null, BenchOptions.ALL_SECTIONS, 100_000, 60, "pg_dump"));
        assertThat(BenchOptions.parse("--hard-rows", "2,000,000", "--time-cap", "30").timeCapSeconds())
                .isEqualTo(30);
        assertThatThrownBy(() -> BenchOptions.parse("--hard-rows", "5000"))
                .hasMessage("--hard-rows must be at least 10,000; got 5000");
        assertThat(BenchOptions.parse("--rows", "250,000", "--runs", "7").rows()).isEqualTo(250_000);
        assertThat(BenchOptions.parse("--export-scales", "30000").exportScales()).containsExactly(30_000);
        assertThat(BenchOptions.parse("--export-scales", "none").exportScales()).isEmpty();
        assertThat(BenchOptions.parse("--demo-cache", "none").demoCache()).isNull();
        assertThat(BenchOptions.parse("--sections", "5,6").sections()).containsExactlyInAnyOrder(5, 6);
        assertThatThrownBy(() -> BenchOptions.parse("--sections", "7"))
                .hasMessage("--sections are numbered 1 to 6 and 8 to 11 (7 shows the memory of 1 and 5); got [7]");
        assertThatThrownBy(() -> BenchOptions.parse("--export-scales", "5"))
                .hasMessage("--export-scales must be at least 10 users each; got [5]");
        assertThatThrownBy(() -> BenchOptions.parse("--rows", "1500"))
                .hasMessage("--rows must be a multiple of 1,000, at least 1,000; got 1500");
        assertThatThrownBy(() -> BenchOptions.parse("--rows")).hasMessage("Option --rows needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessage("Unknown option '--fast'");
    }

    private static List<String> expectedLabels() {
        List<String> labels = new ArrayList<>();
        if (psqlAvailable()) {
            labels.addAll(List.of(LargeImportBench.PSQL, LargeImportBench.PSQL_TRIGGERS_OFF));
        }
        labels.addAll(List.of(LargeImportBench.SEEDKIT, LargeImportBench.SEEDKIT_TRIGGERS_ON,
                LargeImportBench.REIMPORT, LargeImportBench.FORCED, LargeImportBench.PARTIAL, LargeImportBench.JDBC,
                LargeImportBench.DBUNIT, FixtureBench.WARM, FixtureBench.COLD, FixtureBench.RAW_COPY,
                FixtureBench.RESEED, FixtureBench.RESEED_COPY));
        for (String size : List.of("small template: ", "large template: ")) {
            for (String what : List.of(CloneBench.CREATE, CloneBench.FILE_COPY, CloneBench.CONNECT, CloneBench.DROP,
                    CloneBench.DROP_AFTER_EXIT, CloneBench.PER_CLASS)) {
                labels.add(size + what);
            }
        }
        labels.addAll(List.of(CloneBench.ROLLBACK, SuiteBench.TEMPLATE, SuiteBench.REIMPORT));
        for (String what : List.of(ExportBench.EXPORT, ExportBench.READS, ExportBench.CLI)) {
            labels.add(ExportBench.label(SCALE, what));
        }
        labels.addAll(List.of(StartupBench.FIRST, StartupBench.WARM, StartupBench.CONTAINER, EditRunBench.COLD,
                EditRunBench.WARM, LargeImportBench.HEAP,
                LargeImportBench.ALLOCATED, ExportBench.label(SCALE, ExportBench.HEAP)));
        for (String what : List.of(GeneratorBench.IMPORT, GeneratorBench.GENERATE, GeneratorBench.HEAP,
                GeneratorBench.LIVE_HEAP)) {
            GeneratorBench.QUICK_SCALES.forEach(scale -> labels.add(GeneratorBench.label(scale, what)));
        }
        labels.addAll(List.of(ChangesBench.CAPTURE, ChangesBench.NOTHING, ChangesBench.ONE_TABLE));
        for (String what : List.of(HandOffBench.ON_PATH, HandOffBench.AHEAD, HandOffBench.SHARED,
                HandOffBench.OVERHEAD)) {
            labels.add(HandOffBench.TYPICAL + what);
        }
        return labels;
    }

    private static boolean psqlAvailable() {
        return PsqlCopy.version("psql").isPresent();
    }
}
