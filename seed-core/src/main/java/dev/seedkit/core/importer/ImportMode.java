package dev.seedkit.core.importer;

/** What an import does with rows that are already in the target database. */
public enum ImportMode {
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
