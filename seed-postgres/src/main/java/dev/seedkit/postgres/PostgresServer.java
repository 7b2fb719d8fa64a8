package dev.seedkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A running PostgreSQL server that Seedkit can create databases on and connect to.
 *
 * <p>Obtained from {@link PostgresServers}: embedded (started from Maven Central binaries), an existing server
 * given by JDBC URL, or a Testcontainers container. Closing it stops what Seedkit started and leaves alone what
 * it merely found. {@code toString()} and {@link #description()} never contain the password, so a server can be
 * logged as it is.
 */
public interface PostgresServer extends AutoCloseable {

    /** Host name or address clients connect to, for example {@code 127.0.0.1}. */
    String host();

    /** TCP port clients connect to. */
    int port();

    /** Role that Seedkit connects as; it can create databases. */
    String username();

    /** Password of {@link #username()}; may be empty where the server trusts local connections. */
    String password();

    /** Database that exists from the start (usually {@code postgres}). */
    String defaultDatabase();

    /** JDBC URL of {@code database} on this server, without credentials. */
    default String jdbcUrl(String database) {
        return PostgresUrl.of(host(), port(), database);
    }

    /** JDBC URL of {@link #defaultDatabase()}. */
    default String jdbcUrl() {
        return jdbcUrl(defaultDatabase());
    }

    /** Opens a new connection to {@code database} as {@link #username()}. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** What this server is and where, for logs: kind, version when known, host and port; never the password. */
    String description();

    /** Stops the server if Seedkit started it; a no-op for servers that were only found. */
    @Override
    void close();
}
