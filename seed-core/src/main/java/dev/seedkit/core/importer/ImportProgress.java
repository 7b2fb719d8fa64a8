package dev.seedkit.core.importer;

/**
 * Told what an import is doing, table by table, so that a front end can show progress (a command line redraws a
 * line on a terminal). Calls come from the importing thread, in order: {@link #started} once, then for each table
 * {@link #tableStarted}, any number of {@link #rowsRead}, and {@link #tableFinished}. An import that finds its
 * snapshot applied already calls nothing after {@link #started}. Implementations must be quick: they run while
 * rows stream to the database.
 */
public interface ImportProgress {

    /** Tells nobody anything. */
    ImportProgress NONE = new ImportProgress() {
    };

    /**
     * The import begins loading.
     *
     * @param tables how many tables it loads
     * @param rows   how many rows their files hold together
     */
    default void started(int tables, long rows) {
    }

    /**
     * A table begins loading.
     *
     * @param table the table, as {@code schema.name}
     * @param rows  how many rows its file holds
     */
    default void tableStarted(String table, long rows) {
    }

    /**
     * Rows of the current table's file have been read and sent to the database; called every few thousand rows
     * while a file streams, and once a file has been read. A file that is read twice (keys first, then the rows
     * that are missing) reports each pass.
     *
     * @param table the table, as {@code schema.name}
     * @param rows  rows read so far in the current pass
     */
    default void rowsRead(String table, long rows) {
    }

    /** A table is loaded: what was done to it. */
    default void tableFinished(ImportReport.TableReport report) {
    }
}
