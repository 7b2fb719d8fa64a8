package dev.seedkit.postgres;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The three kinds of server Seedkit runs tests on, and the one rule, shared by every Seedkit module, that picks
 * one from settings: {@value #DATABASE} ({@code embedded}, {@code container} or {@code url}) if it is set;
 * else {@link #URL} when {@value #JDBC_URL} is set; else {@link #EMBEDDED}. An explicit choice wins over a URL
 * that happens to be configured.
 *
 * <p>Each setting is read from the caller's source first (system properties for
 * {@link PostgresServers#fromEnvironment()}, configuration parameters for the JUnit extension), then from its
 * environment variable, named by {@link #variable(String)}: {@code seedkit.jdbc.url} is {@code SEEDKIT_JDBC_URL}.
 */
public enum ServerKind {

    /** A throwaway server started from PostgreSQL binaries on the class path. */
    EMBEDDED,

    /** A Testcontainers container of {@value #CONTAINER_IMAGE}, else {@value PostgresServers#DEFAULT_IMAGE}. */
    CONTAINER,

    /** A running server at {@value #JDBC_URL}, as {@value #JDBC_USER} with {@value #JDBC_PASSWORD}. */
    URL;

    /** The setting that names the kind. */
    public static final String DATABASE = "seedkit.database";
    /** The JDBC URL of a running server. */
    public static final String JDBC_URL = "seedkit.jdbc.url";
    /** The role for {@link #JDBC_URL}, unless the URL names one. */
    public static final String JDBC_USER = "seedkit.jdbc.user";
    /** The password for {@link #JDBC_URL}, unless the URL holds one. */
    public static final String JDBC_PASSWORD = "seedkit.jdbc.password";
    /** The image of containers. */
    public static final String CONTAINER_IMAGE = "seedkit.container.image";

    /**
     * The kind the settings ask for, by the rule in the class comment; {@code source} looks a setting up by its key
     * (empty when it is not set there).
     *
     * @throws PostgresServerException when {@value #DATABASE} names no kind
     */
    public static ServerKind configured(Function<String, Optional<String>> source) {
        Optional<String> named = setting(source, DATABASE);
        if (named.isPresent()) {
            return parse(named.get());
        }
        return setting(source, JDBC_URL).isPresent() ? URL : EMBEDDED;
    }

    /** The setting {@code key} from {@code source}, else from its environment variable; blank counts as not set. */
    public static Optional<String> setting(Function<String, Optional<String>> source, String key) {
        return source.apply(key).map(String::trim).filter(value -> !value.isEmpty())
                .or(() -> Optional.ofNullable(System.getenv(variable(key))).map(String::trim)
                        .filter(value -> !value.isEmpty()));
    }

    /** The environment variable of setting {@code key}: upper case, dots as underscores. */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static ServerKind parse(String value) {
        for (ServerKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new PostgresServerException("Unknown " + DATABASE + " '" + value + "': use one of "
                + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ".");
    }
}
