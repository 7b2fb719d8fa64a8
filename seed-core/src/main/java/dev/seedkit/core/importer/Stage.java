package dev.seedkit.core.importer;

import dev.seedkit.core.internal.Identifiers;

/**
 * A temporary table holding one snapshot file's rows, each with its row number in the file, typed like the target
 * table and dropped at commit. Rows go through a stage when they must be merged with rows already present,
 * filtered (ancestors of a table subset), or loaded with some columns NULL first (foreign-key cycles); since every
 * staged row knows its number, whatever a set-based check finds in a stage names its file line.
 *
 * @param name the temporary table's (quoted) name
 * @param load the table whose file it holds
 * @param rows how many rows it holds
 */
record Stage(String name, TableLoad load, long rows) {

    /** Column of every stage holding each row's number in its file (from 1; the file line is one more). */
    static final String ROW_NUMBER = "seedkit_row";

    /** Column marking the rows of a subset's tables that are to be loaded. */
    static final String NEEDED = "seedkit_needed";

    /**
     * Column marking the rows the merge inserted, in stages whose NULL-first columns are filled afterwards: outside
     * UPSERT only those rows may be changed, never a row that was there before.
     */
    static final String INSERTED = "seedkit_inserted";

    /** Whether the stage of {@code load} gets the {@link #INSERTED} column. */
    static boolean marksInserted(TableLoad load) {
        return !load.nulled().isEmpty() && load.mode() != ImportMode.UPSERT;
    }

    static String nameFor(int number) {
        return Identifiers.quote("seedkit_stage_" + number);
    }
}
