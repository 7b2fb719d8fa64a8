package dev.seedkit.examples;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An extra empty database for tests that compare two builds (same seed, other seed, other scale) next to the one
 * their class gets from {@code TestPostgres}; dropped on close.
 */
final class ScratchDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    private ScratchDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ScratchDatabase create(PostgresServer server) throws SQLException {
        String name = "seedkit_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
                + " LC_CTYPE 'C'");
        return new ScratchDatabase(server, name);
    }

    /** A data source for this database, with the server's credentials. */
    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.jdbcUrl(name));
        dataSource.setUser(server.username());
        dataSource.setPassword(server.password());
        return dataSource;
    }

    Connection connect() throws SQLException {
        return server.connect(name);
    }

    @Override
    public void close() throws SQLException {
        execute(server, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
