package dev.seedkit.bench;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a benchmark run: the machine it ran on, the result table, and the rows found in the target
 * databases after each kind of load (every load is checked; a wrong count fails the run).
 *
 * @param machine      the machine description
 * @param table        the figures
 * @param verifiedRows rows counted in the target after the measured work, by row label
 */
record BenchReport(String machine, ResultTable table, Map<String, Long> verifiedRows) {

    BenchReport {
        verifiedRows = Map.copyOf(verifiedRows);
    }

    List<String> labels() {
        return table.labels();
    }

    String render() {
        return "Seedkit benchmark (median of the runs, min – max, ratio to the section's reference)\n\n" + machine
                + table.render();
    }
}
