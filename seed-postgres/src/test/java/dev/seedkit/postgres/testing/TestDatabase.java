package dev.seedkit.postgres.testing;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh, empty database created for one test class by {@link TestPostgres}, dropped when the class is done.
 * Tests use it to create a schema, run Seedkit against it and look at the result with plain SQL.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    /** The server this database lives on. */
    public PostgresServer server() {
        return server;
    }

    /** The database's name (unique per class and run). */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Runs SQL (one or more statements separated by semicolons, no parameters) in auto-commit mode. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a query, each as a list of column values in text form ({@code null} for NULL). */
    public List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The single value of a one-row, one-column query, in text form. */
    public String queryValue(String sql) throws SQLException {
        List<List<String>> rows = query(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one value from '" + sql + "', got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** Drops the database, closing any connections still open to it. */
    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return name + " on " + server.description();
    }
}
