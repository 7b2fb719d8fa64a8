package dev.seedkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A SQL file on the classpath, run as one multi-statement string over JDBC, with {@code ${name}} placeholders
 * replaced by values first. Used for the demo schema's migrations and data steps, which are plain SQL so they can
 * be read, and run with psql, on their own.
 */
final class SqlScript {

    private final String resource;
    private final String sql;

    private SqlScript(String resource, String sql) {
        this.resource = resource;
        this.sql = sql;
    }

    /** Loads {@code resource} and replaces each {@code ${name}} with its value from {@code values}. */
    static SqlScript load(String resource, Map<String, String> values) {
        String text = read(resource);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        int unreplaced = text.indexOf("${");
        if (unreplaced >= 0) {
            throw new IllegalStateException("SQL script " + resource + " has a placeholder without a value at '"
                    + text.substring(unreplaced, Math.min(text.length(), unreplaced + 20)) + "'; known: "
                    + values.keySet());
        }
        return new SqlScript(resource, text);
    }

    /** Runs every statement of the script on {@code connection}, in its current transaction. */
    void run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(resource + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL script " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SQL script " + resource, e);
        }
    }
}
