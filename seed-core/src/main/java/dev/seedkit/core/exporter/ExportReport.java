package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@linkplain SnapshotExporter#export export} did: where the snapshot went, its manifest, and for each
 * table how many rows the limit selected and how many were pulled in as parents of other rows; plus the number of
 * closure rounds, the SQL statements sent, the rows read back while selecting, and the time taken. Immutable.
 *
 * @param directory     the snapshot directory that was written (or replaced)
 * @param manifest      the manifest written into it
 * @param tables        one entry per exported table, ordered by schema and name like the manifest
 * @param closureRounds how many rounds it took until every foreign key of every selected row resolved
 * @param queries       SQL statements the export sent (session settings, selection, COPY), not counting the
 *                      handful with which {@code SchemaReader} reads the catalog
 * @param rowsRead      rows the selection queries returned (row identities, not row data)
 * @param duration      wall time of the whole export
 */
public record ExportReport(Path directory, SnapshotManifest manifest, List<TableReport> tables, int closureRounds,
        int queries, long rowsRead, Duration duration) {

    public ExportReport {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
        tables = List.copyOf(tables);
        Objects.requireNonNull(duration, "duration");
    }

    /** The entry of {@code table}, if it was exported. */
    public Optional<TableReport> table(TableName table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    /** Rows written, over all tables. */
    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    /** Rows chosen by the per-table limits (and filters), over all tables. */
    public long rowsSelectedByLimit() {
        return tables.stream().mapToLong(TableReport::rowsSelectedByLimit).sum();
    }

    /** Rows added because a selected row referenced them, over all tables. */
    public long rowsPulledInAsParents() {
        return tables.stream().mapToLong(TableReport::rowsPulledInAsParents).sum();
    }

    /** A one-line summary for logs and the command line. */
    @Override
    public String toString() {
        return "Exported " + rows() + " rows (" + rowsSelectedByLimit() + " by limit, " + rowsPulledInAsParents()
                + " pulled in as parents) of " + tables.size() + " tables to " + directory + " in "
                + duration.toMillis() + " ms: " + queries + " queries, " + closureRounds + " closure rounds, "
                + rowsRead + " rows read";
    }

    /**
     * One exported table.
     *
     * @param table                 the table
     * @param file                  its file in the snapshot directory
     * @param rowsSelectedByLimit   rows chosen as the table's first rows (by its limit and filter)
     * @param rowsPulledInAsParents rows added because selected rows of this or other tables reference them
     * @param time                  time spent choosing this table's first rows and writing its file (the
     *                              closure rounds, shared by all tables, are not included)
     */
    public record TableReport(TableName table, String file, long rowsSelectedByLimit, long rowsPulledInAsParents,
            Duration time) {

        public TableReport {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(time, "time");
        }

        /** Rows in the table's file. */
        public long rows() {
            return rowsSelectedByLimit + rowsPulledInAsParents;
        }
    }
}
