package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chosen rows into a snapshot directory, tables in name order: a large table streams through one
 * {@code COPY (SELECT ...) TO STDOUT} into its {@link TableFileWriter}; small tables are read in batches of
 * SELECTs, one round trip for many tables, and written value by value in the same canonical COPY text. Then the
 * manifest with the load plan restricted to the exported tables.
 */
final class SnapshotWriting {

    private final ExportScope scope;
    private final TableSizes sizes;
    private final SubsetSelector selection;
    private final ExportQueries queries;
    /** A table whose rows take at most this on disk is read in a batch with others. */
    static final long SMALL_TABLE_BYTES = 1024 * 1024;
    /** The most a batch's tables take on disk together, which bounds the memory its results hold. */
    static final long BATCH_BYTES = 16 * 1024 * 1024;

    private final Map<TableName, Duration> time = new HashMap<>();

    SnapshotWriting(ExportScope scope, TableSizes sizes, SubsetSelector selection, ExportQueries queries) {
        this.scope = scope;
        this.sizes = sizes;
        this.selection = selection;
        this.queries = queries;
    }

    /**
     * Writes every table file into {@code directory}; returns their manifest entries, ordered by table. Small
     * tables (by the bytes their rows take on disk) are read in batches, one round trip for many tables, so that a
     * schema of hundreds of small tables does not pay a round trip per table; the others stream through COPY.
     */
    List<SnapshotManifest.Table> writeTables(Path directory) {
        List<TableScope> tables = scope.tables().stream().sorted(Comparator.comparing(TableScope::name)).toList();
        List<SnapshotManifest.Table> entries = new ArrayList<>();
        List<TableScope> batch = new ArrayList<>();
        long batchBytes = 0;
        for (int i = 0; i < tables.size(); i++) {
            long bytes = sizes.bytes(tables.get(i).name());
            boolean small = bytes <= SMALL_TABLE_BYTES;
            if (!batch.isEmpty() && (!small || batchBytes + bytes > BATCH_BYTES)) {
                entries.addAll(writeBatch(directory, batch));
                batch.clear();
                batchBytes = 0;
            }
            if (small) {
                batch.add(tables.get(i));
                batchBytes += bytes;
            } else {
                entries.add(writeTable(directory, tables.get(i)));
            }
        }
        entries.addAll(writeBatch(directory, batch));
        return entries;
    }

    /**
     * The load plan's steps for the exported tables, for readers of the manifest: "phase N", plus the cycle
     * strategy where the table is in a cycle. The importer re-plans from the target's own schema.
     */
    List<SnapshotManifest.LoadStep> loadPlan() {
        return scope.tables().stream().map(t -> {
            var step = scope.plan().step(t.name()).orElseThrow();
            String phase = "phase " + step.phase() + step.cycle().map(c -> ", " + c.strategy()).orElse("");
            return new SnapshotManifest.LoadStep(t.name().schema(), t.name().name(), phase);
        }).toList();
    }

    /** Time spent writing the file of {@code table}. */
    Duration time(TableName table) {
        return time.getOrDefault(table, Duration.ZERO);
    }

    private SnapshotManifest.Table writeTable(Path directory, TableScope table) {
        long start = System.nanoTime();
        try (TableFileWriter writer = TableFileWriter.create(directory, table.name().schema(), table.name().name(),
                table.manifestColumns(), table.keyColumns())) {
            long copied = queries.copyOut(SubsetSql.copyOut(scope, table), writer.copyOutSink(),
                    copyPurpose(table, scope.name(ExportOption.MASKING_SQL)));
            return finish(table, writer, copied, start);
        }
    }

    /**
     * Writes the files of {@code tables} from one round trip of SELECTs; if the server refuses one of them, writes
     * each through COPY instead, so that the error names its table.
     */
    private List<SnapshotManifest.Table> writeBatch(Path directory, List<TableScope> tables) {
        if (tables.size() <= 1) {
            return tables.stream().map(table -> writeTable(directory, table)).toList();
        }
        List<SnapshotManifest.Table> entries = new ArrayList<>();
        List<String> sqls = tables.stream().map(table -> SubsetSql.select(scope, table)).toList();
        boolean read = queries.queryAll(sqls, new Purpose("reading the rows of " + tables.size() + " small tables",
                SeedException.Code.DATABASE, "Check that the connection works."),
                (index, rs) -> entries.add(writeRows(directory, tables.get(index), rs)));
        return read ? entries : tables.stream().map(table -> writeTable(directory, table)).toList();
    }

    /** Writes the file of {@code table} from the result of {@link SubsetSql#select}, value by value. */
    private SnapshotManifest.Table writeRows(Path directory, TableScope table, ResultSet rs) throws SQLException {
        long start = System.nanoTime();
        try (TableFileWriter writer = TableFileWriter.create(directory, table.name().schema(), table.name().name(),
                table.manifestColumns(), table.keyColumns())) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> values = new ArrayList<>(columns);
            long copied = 0;
            while (rs.next()) {
                values.clear();
                for (int column = 1; column <= columns; column++) {
                    values.add(rs.getString(column));
                }
                writer.writeRow(values);
                copied++;
            }
            return finish(table, writer, copied, start);
        }
    }

    private SnapshotManifest.Table finish(TableScope table, TableFileWriter writer, long copied, long start) {
        SnapshotManifest.Table entry = writer.finish();
        SelectedRows rows = selection.rows(table.name());
        if (!rows.counted()) {
            rows.countWritten(copied);
        } else if (copied != rows.size()) {
            throw new SeedException(SeedException.Code.DATABASE, "The export wrote " + copied + " rows of "
                    + table.name() + ", but " + rows.size() + " were chosen; the rows changed under the "
                    + "export's transaction, which should not happen. Export again.");
        }
        time.put(table.name(), Duration.ofNanos(System.nanoTime() - start));
        return entry;
    }

    private static Purpose copyPurpose(TableScope table, String sqlMasking) {
        return new Purpose("writing the rows of " + table.name(), SeedException.Code.DATABASE,
                "If the message is about an expression, check the " + sqlMasking + " maskings of its columns.");
    }
}
