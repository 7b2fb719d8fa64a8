package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chosen rows into a snapshot directory: one {@code COPY (SELECT ...) TO STDOUT} per table streamed
 * into its {@link TableFileWriter}, tables in name order, then the manifest with the load plan restricted to the
 * exported tables.
 */
final class SnapshotWriting {

    private final ExportScope scope;
    private final SubsetSelector selection;
    private final ExportQueries queries;
    private final Map<TableName, Duration> time = new HashMap<>();

    SnapshotWriting(ExportScope scope, SubsetSelector selection, ExportQueries queries) {
        this.scope = scope;
        this.selection = selection;
        this.queries = queries;
    }

    /** Writes every table file into {@code directory}; returns their manifest entries, ordered by table. */
    List<SnapshotManifest.Table> writeTables(Path directory) {
        List<SnapshotManifest.Table> entries = new ArrayList<>();
        scope.tables().stream().sorted(Comparator.comparing(TableScope::name))
                .forEach(table -> entries.add(writeTable(directory, table)));
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
        SelectedRows rows = selection.rows(table.name());
        try (TableFileWriter writer = TableFileWriter.create(directory, table.name().schema(), table.name().name(),
                table.manifestColumns(), table.keyColumns())) {
            long copied = queries.copyOut(SubsetSql.copyOut(scope, table), writer.copyOutSink(),
                    copyPurpose(table, scope.name(ExportOption.MASKING_SQL)));
            SnapshotManifest.Table entry = writer.finish();
            if (!rows.counted()) {
                rows.countWritten(copied);
            } else if (copied != rows.size()) {
                throw new SeedException(SeedException.Code.DATABASE, "COPY wrote " + copied + " rows of "
                        + table.name() + ", but " + rows.size() + " were chosen; the rows changed under the "
                        + "export's transaction, which should not happen. Export again.");
            }
            time.put(table.name(), Duration.ofNanos(System.nanoTime() - start));
            return entry;
        }
    }

    private static Purpose copyPurpose(TableScope table, String sqlMasking) {
        return new Purpose("writing the rows of " + table.name(), SeedException.Code.DATABASE,
                "If the message is about an expression, check the " + sqlMasking + " maskings of its columns.");
    }
}
