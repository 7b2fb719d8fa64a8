package dev.seedkit.cli;

import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileWriter;
import dev.seedkit.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A small shop schema with rows, databases made from it, and snapshots written from them: every table of every
 * user schema, ordered by primary key (the approach of seed-core's {@code ImportScenario}, until the exporter
 * exists).
 */
final class Shop {

    static final String SCHEMA = """
            create schema shop;
            create table shop.customers (id int primary key, name text not null, referred_by int
                references shop.customers);
            create table shop.products (id int primary key, title text not null, price numeric(10,2));
            create table shop.orders (id int primary key, customer_id int not null references shop.customers,
                note text);
            create table shop.order_lines (order_id int references shop.orders, product_id int
                references shop.products, qty int not null, primary key (order_id, product_id));
            """;

    static final String DATA = """
            insert into shop.customers values (1, 'Ada', null), (2, 'Grace', 1), (3, 'Linus', 2);
            insert into shop.products values (1, 'pen', 1.50), (2, 'ink', 3.00);
            insert into shop.orders values (10, 1, 'first'), (11, 3, null);
            insert into shop.order_lines values (10, 1, 2), (10, 2, 1), (11, 2, 5);
            """;

    private Shop() {
    }

    /** A new database on {@code server} made by {@code sql}; the caller drops it. */
    static String createDatabase(PostgresServer server, String sql) throws SQLException {
        String name = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(server.defaultDatabase())) {
            execute(c, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        if (!sql.isBlank()) {
            try (Connection c = server.connect(name)) {
                execute(c, sql);
            }
        }
        return name;
    }

    static void dropDatabases(PostgresServer server, List<String> names) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase())) {
            for (String name : names) {
                execute(c, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** Writes every table of {@code database} as a snapshot of fixture version {@code version} into {@code dir}. */
    static Path writeSnapshot(PostgresServer server, String database, Path dir, String version) throws Exception {
        try (Connection c = server.connect(database)) {
            return writeSnapshot(c, dir, version);
        }
    }

    static Path writeSnapshot(Connection c, Path dir, String version) throws Exception {
        Files.createDirectories(dir);
        Schema schema = SchemaReader.read(c);
        List<SnapshotManifest.Table> tables = new ArrayList<>();
        c.setAutoCommit(false);
        SnapshotSession.applyLocal(c);
        for (Table table : schema.tables()) {
            tables.add(writeTable(c, table, dir));
        }
        c.commit();
        c.setAutoCommit(true);
        List<SnapshotManifest.LoadStep> plan = tables.stream()
                .map(t -> new SnapshotManifest.LoadStep(t.schema(), t.name(), "insert")).toList();
        new SnapshotManifest(version, Instant.parse("2026-01-01T00:00:00Z"), "test", schema.fingerprint(), plan,
                tables).write(dir);
        return dir;
    }

    private static SnapshotManifest.Table writeTable(Connection c, Table table, Path dir) throws Exception {
        List<SnapshotManifest.Column> columns = table.columns().stream().filter(col -> !col.generated())
                .map(col -> new SnapshotManifest.Column(col.name(), col.type())).toList();
        List<String> names = columns.stream().map(SnapshotManifest.Column::name).toList();
        List<String> key = table.primaryKey().map(k -> k.columns()).orElse(List.of());
        List<String> orderBy = (key.isEmpty() ? names : key).stream().map(col -> SnapshotSql.orderKey(col, false))
                .toList();
        try (TableFileWriter writer = TableFileWriter.create(dir, table.name().schema(), table.name().name(), columns,
                key)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(SnapshotSql.copyOut(table.name().schema(),
                    table.name().name(), names, orderBy), writer.copyOutSink());
            return writer.finish();
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryValue(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database)) {
            execute(c, sql);
        }
    }

    /** The options that connect the command line to {@code database} (the password comes from the environment). */
    static String[] connection(PostgresServer server, String database) {
        return new String[] {"--url", server.jdbcUrl(database), "--user", server.username()};
    }

    /** {@code first} followed by {@code rest}. */
    static String[] args(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** {@code rest} after {@code first} words. */
    static String[] args(String command, String[] connection, String... rest) {
        return args(args(new String[] {command}, connection), rest);
    }
}
