package dev.seedkit.postgres;

import java.util.Properties;
import org.postgresql.Driver;

/** Parses and builds PostgreSQL JDBC URLs, and hides passwords in them before they are logged. */
final class PostgresUrl {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private PostgresUrl(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static String of(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Parses a URL with PgJDBC's own parser, so every form the driver accepts is understood. */
    static PostgresUrl parse(String url) {
        Properties props = url == null ? null : Driver.parseURL(url, null);
        if (props == null) {
            throw new PostgresServerException("Not a PostgreSQL JDBC URL: '" + redact(url)
                    + "'. Expected jdbc:postgresql://host:port/database, e.g. jdbc:postgresql://localhost:5432/postgres");
        }
        String host = props.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
        String database = props.getProperty("PGDBNAME", "");
        return new PostgresUrl(host, port, database.isEmpty() ? "postgres" : database,
                props.getProperty("user"), props.getProperty("password"));
    }

    /** Replaces the value of any {@code password} parameter with {@code ***}. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String database() {
        return database;
    }

    /** User given in the URL, or {@code null}. */
    String user() {
        return user;
    }

    /** Password given in the URL, or {@code null}. */
    String password() {
        return password;
    }
}
