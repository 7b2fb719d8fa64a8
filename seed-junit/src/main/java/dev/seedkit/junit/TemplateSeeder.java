package dev.seedkit.junit;

import javax.sql.DataSource;

/**
 * The seam between the extension, which decides <em>when</em> a template database is seeded, and the importer,
 * which decides <em>how</em>. The extension calls {@link #identify} once per template and run (before touching a
 * database), and {@link #seed} once per template and server, after the schema initialisation ran.
 *
 * <p>{@link SnapshotSeeder} is the implementation in use; implementations must be stateless and thread-safe.
 */
interface TemplateSeeder {

    /**
     * Finds the snapshot and reads what identifies it. Throws a {@link dev.seedkit.core.SeedException} with code
     * {@code SNAPSHOT_NOT_FOUND} when there is nothing at the location.
     */
    SnapshotIdentity identify(SeedRequest request) throws Exception;

    /** Imports the snapshot into the empty, schema-initialised template behind {@code template}. */
    SeedOutcome seed(DataSource template, SeedRequest request) throws Exception;
}
