package dev.seedkit.junit;

/**
 * Which PostgreSQL server test databases live on. One server of each kind (and URL or image) is started or found
 * per run and shared by every test class that asks for it.
 *
 * <p>{@link #DEFAULT} means: the configuration parameter {@value SeedkitExtension#DATABASE_PROPERTY} (or the
 * environment variable {@code SEEDKIT_DATABASE}), else {@link #URL} when a JDBC URL is configured
 * ({@value SeedkitExtension#JDBC_URL_PROPERTY} or {@code SEEDKIT_JDBC_URL}), else {@link #EMBEDDED}.
 */
public enum DatabaseKind {

    /** Decide from the configuration, as described above. */
    DEFAULT,

    /** A throwaway server started from PostgreSQL binaries on the classpath: no installation, no Docker. */
    EMBEDDED,

    /**
     * A Testcontainers container of {@value SeedkitExtension#CONTAINER_IMAGE_PROPERTY} (else
     * {@code SEEDKIT_CONTAINER_IMAGE}, else the official {@code postgres} image). Needs Docker and
     * {@code org.testcontainers:testcontainers-postgresql} on the test classpath.
     */
    CONTAINER,

    /**
     * A running server at {@value SeedkitExtension#JDBC_URL_PROPERTY} (else {@code SEEDKIT_JDBC_URL}); the role
     * needs {@code CREATEDB}. Seedkit never stops it, and drops the databases it created there at the end of the
     * run (templates too, unless {@value SeedkitExtension#KEEP_TEMPLATES_PROPERTY} is {@code true}).
     */
    URL
}
