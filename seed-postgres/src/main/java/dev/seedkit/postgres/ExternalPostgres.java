package dev.seedkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A server that was already running, found by JDBC URL; Seedkit never stops it. */
final class ExternalPostgres implements PostgresServer {

    private final PostgresUrl url;
    private final String username;
    private final String password;
    private final String version;

    private ExternalPostgres(PostgresUrl url, String username, String password, String version) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.version = version;
    }

    /** Connects once to check the server is there and to learn its version. */
    static PostgresServer connect(String jdbcUrl, String user, String password) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl);
        String username = firstNonNull(user, url.user(), "postgres");
        String secret = firstNonNull(password, url.password(), "");
        ExternalPostgres server = new ExternalPostgres(url, username, secret, "");
        try (Connection c = server.connect(url.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return new ExternalPostgres(url, username, secret, rs.getString(1));
        } catch (SQLException e) {
            throw new PostgresServerException("Could not connect to " + PostgresUrl.redact(jdbcUrl) + " as '"
                    + username + "': " + e.getMessage() + ". Check that the server runs and that the URL, user and "
                    + "password (SEEDKIT_JDBC_URL, SEEDKIT_JDBC_USER, SEEDKIT_JDBC_PASSWORD) are right.", e);
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @Override
    public String host() {
        return url.host();
    }

    @Override
    public int port() {
        return url.port();
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String defaultDatabase() {
        return url.database();
    }

    @Override
    public String description() {
        return "external PostgreSQL " + version + " at " + host() + ":" + port();
    }

    @Override
    public String toString() {
        return description();
    }

    @Override
    public void close() {
        // found, not started: nothing to stop
    }
}
