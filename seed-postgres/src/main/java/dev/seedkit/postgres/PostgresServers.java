package dev.seedkit.postgres;

import java.util.Locale;
import java.util.Optional;

/**
 * Entry point of this module: obtains a {@link PostgresServer} of the kind the caller, or the environment, asks for.
 *
 * <p>{@link #fromEnvironment()} reads, in order, system properties then environment variables:
 * <ul>
 *   <li>{@code seedkit.jdbc.url} / {@code SEEDKIT_JDBC_URL}: use that running server (user and password from the
 *       URL, or {@code seedkit.jdbc.user} / {@code SEEDKIT_JDBC_USER} and {@code seedkit.jdbc.password} /
 *       {@code SEEDKIT_JDBC_PASSWORD});</li>
 *   <li>{@code seedkit.database} / {@code SEEDKIT_DATABASE} = {@code container}: a Testcontainers container of
 *       image {@code seedkit.container.image} / {@code SEEDKIT_CONTAINER_IMAGE} (default
 *       {@value #DEFAULT_IMAGE});</li>
 *   <li>otherwise an embedded server.</li>
 * </ul>
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
        return ContainerPostgres.start(image);
    }

    /** Starts a container of the configured image ({@link #containerImage()}). */
    public static PostgresServer container() {
        return container(containerImage());
    }

    /** The server kind the environment asks for, as described in the class comment. */
    public static PostgresServer fromEnvironment() {
        Optional<String> url = setting("seedkit.jdbc.url", "SEEDKIT_JDBC_URL");
        if (url.isPresent()) {
            return external(url.get(), setting("seedkit.jdbc.user", "SEEDKIT_JDBC_USER").orElse(null),
                    setting("seedkit.jdbc.password", "SEEDKIT_JDBC_PASSWORD").orElse(null));
        }
        String kind = setting("seedkit.database", "SEEDKIT_DATABASE").orElse("embedded").toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "embedded" -> embedded();
            case "container" -> container();
            default -> throw new PostgresServerException("Unknown seedkit.database '" + kind
                    + "': use 'embedded' or 'container', or set SEEDKIT_JDBC_URL to use a running server.");
        };
    }

    /** Image for containers: {@code seedkit.container.image} / {@code SEEDKIT_CONTAINER_IMAGE}, else the default. */
    public static String containerImage() {
        return setting("seedkit.container.image", "SEEDKIT_CONTAINER_IMAGE").orElse(DEFAULT_IMAGE);
    }

    /** Whether a container can be started here: Testcontainers on the classpath and a Docker engine it can reach. */
    public static boolean dockerAvailable() {
        return ContainerPostgres.available();
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
