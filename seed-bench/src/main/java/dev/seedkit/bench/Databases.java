package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates, fills, counts and drops the benchmark's databases over one warm admin connection to the server's default
 * database. Every database it creates is named {@code seedbench_*}.
 */
final class Databases implements AutoCloseable {

    private final PostgresServer server;
    private final Connection admin;
    private final AtomicInteger counter = new AtomicInteger();

    Databases(PostgresServer server) throws SQLException {
        this.server = server;
        this.admin = server.connect(server.defaultDatabase());
    }

    PostgresServer server() {
        return server;
    }

    /** A new unique database name with {@code purpose} in it. */
    String newName(String purpose) {
        return "seedbench_" + purpose + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    }

    /** Creates database {@code name} as a copy of {@code template} (null: the server's default template). */
    void create(String name, String template) throws SQLException {
        execute(admin, "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
    }

    /** Creates a database with {@code ddl} run in it; returns its name. */
    String createWithSchema(String purpose, String ddl) throws SQLException {
        String name = newName(purpose);
        create(name, null);
        run(name, ddl);
        return name;
    }

    /** Creates an empty copy of the schema-only database {@code template}; returns its name. */
    String copyOf(String purpose, String template) throws SQLException {
        String name = newName(purpose);
        create(name, template);
        return name;
    }

    /** Runs administrative SQL (CREATE/DROP DATABASE, CHECKPOINT) on the warm admin connection. */
    void admin(String sql) throws SQLException {
        execute(admin, sql);
    }

    void drop(String name) throws SQLException {
        execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Runs {@code sql} (one or more statements) in database {@code name}, in auto-commit mode. */
    void run(String name, String sql) throws SQLException {
        try (Connection c = server.connect(name)) {
            execute(c, sql);
        }
    }

    /** The total number of rows in {@code tables} of database {@code name}. */
    long countRows(String name, List<String> tables) throws SQLException {
        try (Connection c = server.connect(name)) {
            long total = 0;
            for (String table : tables) {
                total += count(c, table);
            }
            return total;
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String queryValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops every database this process created that is still there, then closes the admin connection. */
    @Override
    public void close() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'seedbench\\_%\\_"
                     + ProcessHandle.current().pid() + "\\_%'")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            for (String name : names) {
                drop(name);
            }
        } finally {
            admin.close();
        }
    }
}
