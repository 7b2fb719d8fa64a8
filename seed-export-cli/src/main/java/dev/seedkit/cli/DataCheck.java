package dev.seedkit.cli;

import dev.seedkit.core.importer.SnapshotVerifier;
import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code verify --data} and {@code refresh} check in a database: every snapshot table is there with at least the
 * snapshot's row count, every row of the snapshot is there with the snapshot's values ({@link RowComparison}, by
 * key), and every foreign key from a snapshot table (declared, or virtual ones given) resolves.
 *
 * @param problems  one sentence per problem; empty when the database holds the snapshot's data
 * @param rowCounts rows per snapshot table in the database
 * @param tables    the results of the row comparison per table
 */
record DataCheck(List<String> problems, Map<String, Long> rowCounts, List<RowComparison.TableResult> tables) {

    DataCheck {
        problems = List.copyOf(problems);
        rowCounts = Map.copyOf(rowCounts);
        tables = List.copyOf(tables);
    }

    /** Runs every check on {@code connection}; changes nothing. */
    static DataCheck run(Connection connection, Snapshot snapshot, List<VirtualForeignKey> virtualKeys) {
        VerifyReport counts = SnapshotVerifier.verify(connection, snapshot, virtualKeys);
        List<RowComparison.TableResult> rows = RowComparison.compare(connection, snapshot);
        List<String> problems = new ArrayList<>(counts.problems());
        rows.forEach(r -> r.problem().ifPresent(problems::add));
        return new DataCheck(problems, counts.rowCounts(), rows);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** The rows compared, over all tables. */
    long rowsCompared() {
        return tables.stream().filter(t -> t.skipped().isEmpty()).mapToLong(RowComparison.TableResult::rows).sum();
    }

    /** The line that says what was checked, when all is well. */
    String okLine() {
        return "ok      data: the database holds all " + rowsCompared() + " rows of the snapshot's " + tables.size()
                + " tables with the snapshot's values (compared by key), and every foreign key resolves";
    }

    /** The result as JSON fields. */
    Map<String, Object> json() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ok", ok());
        data.put("problems", problems);
        data.put("rowCounts", new TreeMap<>(rowCounts));
        data.put("rowsCompared", rowsCompared());
        data.put("tables", tables.stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", t.table());
            table.put("rows", t.rows());
            table.put("differing", t.differing());
            table.put("examples", t.examples());
            t.skipped().ifPresent(why -> table.put("notCompared", why));
            return table;
        }).toList());
        return data;
    }
}
