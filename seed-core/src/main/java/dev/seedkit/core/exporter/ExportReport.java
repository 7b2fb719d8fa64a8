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
 * @param roundTrips    round trips those statements took: statements sent together in one batch count once
 * @param rowsRead      rows the selection queries returned (row identities, not row data)
 * @param duration      wall time of the whole export
 */
public record ExportReport(Path directory, SnapshotManifest manifest, List<TableReport> tables, int closureRounds,
        int queries, int roundTrips, long rowsRead, Duration duration) {

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
                + duration.toMillis() + " ms: " + queries + " queries in " + roundTrips + " round trips, "
                + closureRounds + " closure rounds, " + rowsRead + " rows read";
    }

    /**
     * Why each table has the rows it has, one line per table: how many its limit chose and how many each foreign
     * key pulled in, e.g. {@code public.users: 112 rows = 100 by limit + 12 via users_created_by_fkey (from
     * public.users)}. For reviewing a refresh: a table that grew says which reference made it grow.
     */
    public String explain() {
        StringBuilder text = new StringBuilder();
        for (TableReport table : tables) {
            text.append(table.table()).append(": ").append(table.selection().describe()).append('\n');
        }
        return text.toString();
    }

    /**
     * One exported table.
     *
     * @param table                 the table
     * @param file                  its file in the snapshot directory
     * @param rowsSelectedByLimit   rows chosen as the table's first rows (by its limit and filter)
     * @param rowsPulledInAsParents rows added because selected rows of this or other tables reference them
     * @param pulledIn              those rows by the foreign key that pulled them in, most first
     * @param time                  time spent writing its file (choosing rows is shared by all tables and not
     *                              included)
     */
    public record TableReport(TableName table, String file, long rowsSelectedByLimit, long rowsPulledInAsParents,
            List<PulledIn> pulledIn, Duration time) {

        public TableReport {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(file, "file");
            pulledIn = List.copyOf(pulledIn);
            Objects.requireNonNull(time, "time");
        }

        /** Rows in the table's file. */
        public long rows() {
            return rowsSelectedByLimit + rowsPulledInAsParents;
        }

        /** The same reasons as the manifest records them (and {@code seedkit plan --explain} prints them). */
        public SnapshotManifest.Selection selection() {
            return new SnapshotManifest.Selection(rowsSelectedByLimit, pulledIn.stream()
                    .map(p -> new SnapshotManifest.PulledIn(p.foreignKey(), p.child().toString(), p.rows()))
                    .toList());
        }
    }

    /**
     * Rows of a table pulled in through one foreign key: the parents that rows of {@code child} reference.
     *
     * @param foreignKey the constraint's name (for a virtual foreign key, its textual form)
     * @param child      the table whose rows reference them
     * @param rows       how many rows it pulled in (a row two foreign keys reference counts for the first)
     */
    public record PulledIn(String foreignKey, TableName child, long rows) {

        public PulledIn {
            Objects.requireNonNull(foreignKey, "foreignKey");
            Objects.requireNonNull(child, "child");
        }
    }
}
