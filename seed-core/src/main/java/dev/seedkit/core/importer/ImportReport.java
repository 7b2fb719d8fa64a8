package dev.seedkit.core.importer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an import did (or, for a {@linkplain #dryRun() dry run}, would do): per table, rows inserted, skipped
 * (already present) and updated, rows matched to the database's rows by natural key and rows whose key changed on
 * the way in, and the time taken; in total, and whether the import was skipped altogether because the same
 * snapshot had already been applied.
 *
 * @param snapshotId      the snapshot's checksum (SHA-256 of its manifest), as recorded in the target database
 * @param fixtureVersion  the snapshot's fixture version label
 * @param mode            the mode the import ran in
 * @param alreadyApplied  true when the target had this snapshot already and nothing was loaded
 * @param triggersOff     true when rows were loaded with foreign-key triggers off and integrity was proven by an
 *                        orphan check instead (needs a role allowed to set {@code session_replication_role})
 * @param dryRun          true when everything was rolled back: the counts say what the import would do
 * @param tables          one entry per loaded table, in load order
 * @param elapsed         wall time of the whole import
 */
public record ImportReport(String snapshotId, String fixtureVersion, ImportMode mode, boolean alreadyApplied,
        boolean triggersOff, boolean dryRun, List<TableReport> tables, Duration elapsed) {

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
     *                 key, because the table already had rows); rows matched by natural key and left alone count
     *                 here too
     * @param updated  existing rows changed to the snapshot's values ({@link ImportMode#UPSERT}, and the second
     *                 step of a foreign-key cycle loaded with NULL-then-UPDATE)
     * @param matched  snapshot rows whose natural key a row of the database has: they are that row; 0 for tables
     *                 without a natural key
     * @param remapped snapshot rows whose key changed on the way in: matched to a row with another key, or given a
     *                 fresh key; every reference to them was rewritten
     * @param elapsed  time spent on this table
     */
    public record TableReport(String table, long inserted, long skipped, long updated, long matched, long remapped,
            Duration elapsed) {

        /** This report with the natural-key counts of the table. */
        TableReport withMatches(long matchedRows, long remappedRows) {
            return new TableReport(table, inserted, skipped, updated, matchedRows, remappedRows, elapsed);
        }
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

    /** Rows matched by natural key in all tables. */
    public long matched() {
        return tables.stream().mapToLong(TableReport::matched).sum();
    }

    /** Rows whose key changed on the way in, in all tables. */
    public long remapped() {
        return tables.stream().mapToLong(TableReport::remapped).sum();
    }

    /**
     * Whether the import changed rows (or, in a dry run, would change them): any inserted or updated. REPLACE
     * empties its tables and inserts every row again, so it counts as a change whenever the snapshot has rows.
     */
    public boolean changes() {
        return inserted() + updated() > 0;
    }

    /**
     * A multi-line summary: one line per table, then the totals; the natural-key columns only when some table
     * has one.
     */
    public String render() {
        if (alreadyApplied) {
            return "Snapshot " + fixtureVersion + " (" + snapshotId.substring(0, 12) + ") was already applied: "
                    + "nothing to do (" + elapsed.toMillis() + " ms)\n";
        }
        boolean matching = tables.stream().anyMatch(t -> t.matched() + t.remapped() > 0);
        int width = tables.stream().mapToInt(t -> t.table().length()).max().orElse(5);
        String format = "%-" + width + "s  %9s  %9s  %9s" + (matching ? "  %9s  %9s" : "%s%s") + "  %8s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "table", "inserted", "skipped", "updated", matching ? "matched" : "",
                matching ? "remapped" : "", "ms"));
        for (TableReport t : tables) {
            out.append(String.format(format, t.table(), t.inserted(), t.skipped(), t.updated(),
                    matching ? t.matched() : "", matching ? t.remapped() : "", t.elapsed().toMillis()));
        }
        out.append(String.format(format, "total", inserted(), skipped(), updated(), matching ? matched() : "",
                matching ? remapped() : "", elapsed.toMillis()));
        if (dryRun) {
            out.append(changes() ? "Dry run: the import would change the rows above; nothing was changed.\n"
                    : "Dry run: the import would change nothing.\n");
        }
        return out.toString();
    }
}
