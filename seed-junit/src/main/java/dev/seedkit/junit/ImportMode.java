package dev.seedkit.junit;

/**
 * How a snapshot is imported into the template database that test databases are cloned from.
 *
 * <p>The template is new and empty when it is seeded, so the modes only differ where a schema initialiser
 * ({@code initScripts}, {@code initializer}) already inserted rows. {@link #DEFAULT} means: the configuration
 * parameter {@value SeedkitExtension#MODE_PROPERTY}, else {@link #INSERT_MISSING}.
 */
public enum ImportMode {

    /** Use the configuration parameter {@value SeedkitExtension#MODE_PROPERTY}, else {@link #INSERT_MISSING}. */
    DEFAULT,

    /** Insert the rows whose keys are not there yet; leave existing rows alone. */
    INSERT_MISSING,

    /** Insert new rows and overwrite existing rows with the snapshot's values. */
    UPSERT,

    /** Empty the snapshot's tables first, then insert every row. */
    REPLACE
}
