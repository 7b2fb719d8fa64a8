package dev.seedkit.core.importer;

/**
 * How one table's rows get into the database: the cheapest way that is still correct for what the table holds
 * and what the import must do. {@link #choose} is the one place that decides.
 */
enum LoadMethod {
    /**
     * One {@code COPY ... FROM STDIN} straight from the file: the table is empty and nothing is filtered or
     * deferred.
     */
    COPY_DIRECT,
    /**
     * INSERT_MISSING into a table that has rows: copy only the key columns into a small stage, find the keys the
     * table lacks with one anti-join, then stage and insert just those rows.
     */
    PROBE_KEYS,
    /** Copy the whole file into a stage and merge it with one set-based INSERT ... SELECT ... ON CONFLICT. */
    STAGE_AND_MERGE,
    /**
     * The table has rows but no key to match the file's rows by: nothing is loaded (the documented policy for
     * keyless tables), and every snapshot row counts as skipped.
     */
    SKIP_KEYLESS;

    /**
     * @param load   the table
     * @param staged whether the table's file is in a stage already (a table subset stages every file first)
     * @param empty  whether the table held no rows when the import started loading it
     */
    static LoadMethod choose(TableLoad load, boolean staged, boolean empty) {
        boolean deferred = !load.nulled().isEmpty();
        if (!empty && load.key().isEmpty()) {
            return SKIP_KEYLESS;
        }
        if (!staged && empty && !deferred) {
            return COPY_DIRECT;
        }
        if (!staged && !deferred && load.mode() == ImportMode.INSERT_MISSING) {
            return PROBE_KEYS;
        }
        return STAGE_AND_MERGE;
    }
}
