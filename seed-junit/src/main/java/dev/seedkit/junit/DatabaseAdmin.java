package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The few server-level statements Seedkit runs on the maintenance database: create, clone, seal and drop
 * databases, read a database's comment, and take advisory locks. Database names are Seedkit's own
 * ({@code seedkit_...}); they are quoted all the same. Dropping uses {@code WITH (FORCE)}, so PostgreSQL 13 or later.
 */
final class DatabaseAdmin {

    /** How long a clone or template build waits for another JVM that holds the template's lock. */
    private static final String LOCK_TIMEOUT = "10min";
    /** How long sealing waits for connections that were closed to go away before terminating them. */
    private static final long CLOSING_WAIT_NANOS = 2_000_000_000L;

    private DatabaseAdmin() {
    }

    /** A new connection to the server's maintenance database. */
    static Connection maintenance(PostgresServer server) throws SQLException {
        Connection connection = server.connect(server.defaultDatabase());
        execute(connection, "SET lock_timeout = '" + LOCK_TIMEOUT + "'");
        return connection;
    }

    /** The comment of database {@code name}: empty if there is no such database, "" if it has no comment. */
    static Optional<String> comment(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Creates database {@code name}, as a copy of {@code template}, or from the server's default if null. */
    static void create(Connection connection, String name, String template) throws SQLException {
        create(connection, name, template, null);
    }

    /** Creates database {@code name} as a copy of {@code template} with {@code method} (null: the default). */
    static void create(Connection connection, String name, String template, CloneStrategy.Method method)
            throws SQLException {
        String copying = template == null ? "" : " TEMPLATE " + quote(template);
        String fileCopyMethod = method == null ? null
                : method.fileCopyMethod(connection.getMetaData().getDatabaseMajorVersion());
        if (fileCopyMethod != null) {
            execute(connection, "SET file_copy_method = " + fileCopyMethod);
        }
        try {
            execute(connection, "CREATE DATABASE " + quote(name) + copying + (method == null ? "" : " STRATEGY "
                    + method.strategy()));
        } finally {
            if (fileCopyMethod != null) {
                execute(connection, "RESET file_copy_method");
            }
        }
    }

    /**
     * Makes a seeded database a template that nobody can connect to any more: cloning fails while anyone is
     * connected to the template. Records {@code comment}. Returns how many connections were still open after a
     * short wait (backends exit shortly after their client disconnects) and had to be terminated.
     */
    static int seal(Connection connection, String name, String comment) throws SQLException {
        execute(connection, "ALTER DATABASE " + quote(name) + " WITH ALLOW_CONNECTIONS false");
        long deadline = System.nanoTime() + CLOSING_WAIT_NANOS;
        int open = connectionsTo(connection, name, "count(*)");
        while (open > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            pause();
            open = connectionsTo(connection, name, "count(*)");
        }
        if (open > 0) {
            connectionsTo(connection, name, "count(pg_terminate_backend(pid))");
        }
        execute(connection, "COMMENT ON DATABASE " + quote(name) + " IS '" + comment.replace("'", "''") + "'");
        return open;
    }

    private static int connectionsTo(Connection connection, String name, String aggregate) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + aggregate
                + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void drop(Connection connection, String name) throws SQLException {
        execute(connection, "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    }

    /** Drops database {@code name} on its own maintenance connection. */
    static void drop(PostgresServer server, String name) {
        try (Connection connection = maintenance(server)) {
            drop(connection, name);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not drop database " + name + " on "
                    + server.description() + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the session-level advisory lock {@code key}; every JVM using the server agrees on the keys. */
    static void lock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        }
    }

    static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return Identifiers.quote(identifier);
    }
}
