package dev.seedkit.core.importer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an import did: per table, rows inserted, skipped (already present) and updated, and the time taken; in
 * total, and whether the import was skipped altogether because the same snapshot had already been applied.
 *
 * @param snapshotId      the snapshot's checksum (SHA-256 of its manifest), as recorded in the target database
 * @param fixtureVersion  the snapshot's fixture version label
 * @param mode            the mode the import ran in
 * @param alreadyApplied  true when the target had this snapshot already and nothing was loaded
 * @param triggersOff     true when rows were loaded with foreign-key triggers off and integrity was proven by an
 *                        orphan check instead (needs a role allowed to set {@code session_replication_role})
 * @param tables          one entry per loaded table, in load order
 * @param elapsed         wall time of the whole import
 */
public record ImportReport(String snapshotId, String fixtureVersion, ImportMode mode, boolean alreadyApplied,
        boolean triggersOff, List<TableReport> tables, Duration elapsed) {

    public ImportReport {
        Objects.requireNonNull(snapshotId, "snapshotId");
        tables = List.copyOf(tables);
    }

    /**
     * One table's part of an import.
     *
     * @param table    the table, as {@code schema.name}
     * @param inserted rows added
     * @param skipped  snapshot rows not added because their key was already present (or, for tables without a
     *                 key, because the table already had rows)
     * @param updated  existing rows changed to the snapshot's values ({@link ImportMode#UPSERT}, and the second
     *                 step of a foreign-key cycle loaded with NULL-then-UPDATE)
     * @param elapsed  time spent on this table
     */
    public record TableReport(String table, long inserted, long skipped, long updated, Duration elapsed) {
    }

    /** Rows inserted into all tables. */
    public long inserted() {
        return tables.stream().mapToLong(TableReport::inserted).sum();
    }

    /** Rows skipped in all tables. */
    public long skipped() {
        return tables.stream().mapToLong(TableReport::skipped).sum();
    }

    /** Rows updated in all tables. */
    public long updated() {
        return tables.stream().mapToLong(TableReport::updated).sum();
    }

    /** A multi-line summary: one line per table, then the totals. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (alreadyApplied) {
            return "Snapshot " + fixtureVersion + " (" + snapshotId.substring(0, 12) + ") was already applied: "
                    + "nothing to do (" + elapsed.toMillis() + " ms)\n";
        }
        int width = tables.stream().mapToInt(t -> t.table().length()).max().orElse(5);
        String format = "%-" + width + "s  %9s  %9s  %9s  %8s%n";
        out.append(String.format(format, "table", "inserted", "skipped", "updated", "ms"));
        for (TableReport t : tables) {
            out.append(String.format(format, t.table(), t.inserted(), t.skipped(), t.updated(),
                    t.elapsed().toMillis()));
        }
        out.append(String.format(format, "total", inserted(), skipped(), updated(), elapsed.toMillis()));
        return out.toString();
    }
}
