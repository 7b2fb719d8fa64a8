package dev.seedkit.core.importer;

/**
 * What an import does with rows that are already in the target database. One enum for every way in: the
 * {@link SnapshotImporter.Builder#mode(ImportMode) importer}, the command line's {@code --mode} and the JUnit
 * extension's annotations, whose attributes default to {@link #DEFAULT}.
 */
public enum ImportMode {
    /**
     * The caller's default, for annotation attributes that cannot be left empty (as JUnit's own
     * {@code CleanupMode.DEFAULT}): the importer takes it as {@link #INSERT_MISSING}; the JUnit extension as its
     * configuration parameter {@code seedkit.mode}, else {@link #INSERT_MISSING}.
     */
    DEFAULT,
    /**
     * Insert the snapshot's rows whose key is not in the table yet; leave existing rows alone. The default: a second
     * import of the same snapshot changes nothing.
     */
    INSERT_MISSING,
    /** Insert new rows and update existing ones (matched by primary key) to the snapshot's values. */
    UPSERT,
    /**
     * Empty the snapshot's tables first, then load them: afterwards they hold exactly the snapshot. With a table
     * subset only the tables named are emptied; the ancestors they need get just their missing referenced rows,
     * as with {@link #INSERT_MISSING}. A table is not replaced while rows of a table that is not replaced reference
     * it: the import is refused before anything changes.
     */
    REPLACE
}
