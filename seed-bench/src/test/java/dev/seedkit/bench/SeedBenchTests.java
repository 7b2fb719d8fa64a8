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

    @Test
    void quickRunPrintsEveryMeasurementAndEveryLoadHasAllItsRows(PostgresServer server) throws Exception {
        BenchReport report = SeedBench.run(BenchOptions.parse("--quick", "--rows", Integer.toString(ROWS)), server,
                System.out);

        List<String> expected = expectedLabels();
        assertThat(report.labels()).containsExactlyInAnyOrderElementsOf(expected);
        String printed = report.render();
        expected.forEach(label -> assertThat(printed).contains(label));
        assertThat(printed).contains("Machine:", "Java:", "PostgreSQL: 18", "Date:");

        long large = ROWS + ROWS / 10 + ROWS / 100;
        Map<String, Long> rows = report.verifiedRows();
        for (String label : List.of(LargeImportBench.SEEDKIT, LargeImportBench.SEEDKIT_TRIGGERS_ON,
                LargeImportBench.REIMPORT, LargeImportBench.FORCED, LargeImportBench.JDBC)) {
            assertThat(rows).as(label).containsEntry(label, large);
        }
        if (psqlAvailable()) {
            assertThat(rows).containsEntry(LargeImportBench.PSQL, large)
                    .containsEntry(LargeImportBench.PSQL_TRIGGERS_OFF, large);
        }
        assertThat(rows).containsEntry(LargeImportBench.DBUNIT, large / 10);
        for (String label : List.of(FixtureBench.WARM, FixtureBench.COLD, FixtureBench.RAW_COPY, SuiteBench.TEMPLATE,
                SuiteBench.REIMPORT)) {
            assertThat(rows).as(label).containsEntry(label, 3_000L);
        }
        assertThat(rows).containsEntry("small template copy", 2_997L)
                .containsEntry("large template copy", LargeDataset.ofTotal(ROWS * 3 / 10).totalRows());
    }

    @Test
    void optionsAreCheckedBeforeAnythingRuns() {
        assertThat(BenchOptions.parse()).isEqualTo(new BenchOptions(false, 1_000_000, 5, 3, 50, "psql"));
        assertThat(BenchOptions.parse("--quick")).isEqualTo(new BenchOptions(true, 100_000, 2, 1, 10, "psql"));
        assertThat(BenchOptions.parse("--rows", "250,000", "--runs", "7").rows()).isEqualTo(250_000);
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
                LargeImportBench.REIMPORT, LargeImportBench.FORCED, LargeImportBench.JDBC, LargeImportBench.DBUNIT,
                FixtureBench.WARM, FixtureBench.COLD, FixtureBench.RAW_COPY));
        for (String size : List.of("small template: ", "large template: ")) {
            for (String what : List.of(CloneBench.CREATE, CloneBench.FILE_COPY, CloneBench.CONNECT, CloneBench.DROP,
                    CloneBench.DROP_AFTER_EXIT, CloneBench.PER_CLASS)) {
                labels.add(size + what);
            }
        }
        labels.addAll(List.of(CloneBench.ROLLBACK, SuiteBench.TEMPLATE, SuiteBench.REIMPORT, StartupBench.FIRST,
                StartupBench.WARM, LargeImportBench.HEAP, LargeImportBench.ALLOCATED));
        return labels;
    }

    private static boolean psqlAvailable() {
        return PsqlCopy.version("psql").isPresent();
    }
}
