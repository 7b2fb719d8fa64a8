package dev.seedkit.postgres;

import java.util.Optional;

/**
 * Entry point of this module: obtains a {@link PostgresServer} of the kind the caller, or the environment, asks for.
 *
 * <p>{@link #fromEnvironment()} reads system properties, then environment variables, and picks the kind by the rule
 * every Seedkit module uses ({@link ServerKind#configured}):
 * <ul>
 *   <li>{@code seedkit.database} / {@code SEEDKIT_DATABASE} = {@code embedded}, {@code container} or {@code url},
 *       if set;</li>
 *   <li>else {@code url} when {@code seedkit.jdbc.url} / {@code SEEDKIT_JDBC_URL} is set: that running server (user
 *       and password from the URL, or {@code seedkit.jdbc.user} / {@code SEEDKIT_JDBC_USER} and
 *       {@code seedkit.jdbc.password} / {@code SEEDKIT_JDBC_PASSWORD});</li>
 *   <li>else an embedded server.</li>
 * </ul>
 * A container runs image {@code seedkit.container.image} / {@code SEEDKIT_CONTAINER_IMAGE} (default
 * {@value #DEFAULT_IMAGE}).
 */
public final class PostgresServers {

    /** Image used for containers when none is configured: the official PostgreSQL image. */
    public static final String DEFAULT_IMAGE = "postgres:18";

    private PostgresServers() {
    }

    /** Starts an embedded server with the default settings; see {@link EmbeddedPostgres#builder()} for options. */
    public static PostgresServer embedded() {
        return EmbeddedPostgres.builder().start();
    }

    /** Uses a running server; {@code user} and {@code password} may be null to take them from the URL. */
    public static PostgresServer external(String jdbcUrl, String user, String password) {
        return ExternalPostgres.connect(jdbcUrl, user, password);
    }

    /** Starts a container of {@code image} (any image compatible with the official {@code postgres} one). */
    public static PostgresServer container(String image) {
        return ContainerPostgres.start(image, false);
    }

    /**
     * Starts a container of {@code image}, or, with {@code reuse}, finds the one an earlier run (another Maven
     * module, a later build) left running and leaves it running when closed. Reuse is Testcontainers' own: it
     * works once the user has enabled it ({@code testcontainers.reuse.enable=true} in
     * {@code ~/.testcontainers.properties}); otherwise a warning says so and the container lives for this run only.
     * Reused containers carry the label {@code dev.seedkit.reuse}: {@code docker rm -f $(docker ps -q --filter
     * label=dev.seedkit.reuse)} removes them.
     */
    public static PostgresServer container(String image, boolean reuse) {
        return ContainerPostgres.start(image, reuse);
    }

    /** Starts a container of the configured image ({@link #containerImage()}). */
    public static PostgresServer container() {
        return container(containerImage());
    }

    /** The server kind the environment asks for, as described in the class comment. */
    public static PostgresServer fromEnvironment() {
        return switch (ServerKind.configured(PostgresServers::systemProperty)) {
            case EMBEDDED -> embedded();
            case CONTAINER -> container();
            case URL -> external(ServerKind.setting(PostgresServers::systemProperty, ServerKind.JDBC_URL)
                            .orElseThrow(() -> new PostgresServerException(ServerKind.DATABASE + " is url, but no "
                                    + "JDBC URL is configured: set " + ServerKind.JDBC_URL + " or "
                                    + ServerKind.variable(ServerKind.JDBC_URL) + ", e.g. "
                                    + "jdbc:postgresql://localhost:5432/postgres")),
                    ServerKind.setting(PostgresServers::systemProperty, ServerKind.JDBC_USER).orElse(null),
                    ServerKind.setting(PostgresServers::systemProperty, ServerKind.JDBC_PASSWORD).orElse(null));
        };
    }

    /** Image for containers: {@code seedkit.container.image} / {@code SEEDKIT_CONTAINER_IMAGE}, else the default. */
    public static String containerImage() {
        return ServerKind.setting(PostgresServers::systemProperty, ServerKind.CONTAINER_IMAGE).orElse(DEFAULT_IMAGE);
    }

    /** Whether a container can be started here: Testcontainers on the classpath and a Docker engine it can reach. */
    public static boolean dockerAvailable() {
        return ContainerPostgres.available();
    }

    private static Optional<String> systemProperty(String key) {
        return Optional.ofNullable(System.getProperty(key));
    }
}
