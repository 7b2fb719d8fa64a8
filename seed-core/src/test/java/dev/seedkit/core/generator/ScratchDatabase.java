package dev.seedkit.core.generator;

import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An extra empty database with a schema, for tests that generate twice (same seed, other seed, triggers on and
 * off) next to the database their class gets; dropped on close. Exports every row of what was generated, so two
 * generations can be compared byte for byte.
 */
final class ScratchDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final String name;

    private ScratchDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ScratchDatabase create(PostgresServer server, String ddl) throws SQLException {
        String name = "seedkit_gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, server.defaultDatabase(), "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'"
                + " LC_COLLATE 'C' LC_CTYPE 'C'");
        execute(server, name, ddl);
        return new ScratchDatabase(server, name);
    }

    Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Generates with {@code generator} and returns its report. */
    GenerationReport generate(DataGenerator generator) throws SQLException {
        try (Connection connection = connect()) {
            return generator.generate(connection);
        }
    }

    /** Exports every row into {@code directory} and returns each table file's bytes by file name. */
    Map<String, byte[]> export(Path directory) throws SQLException, IOException {
        try (Connection connection = connect()) {
            SnapshotExporter.builder().rowsPerTable(Integer.MAX_VALUE).build().export(connection, directory);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Override
    public void close() throws SQLException {
        execute(server, server.defaultDatabase(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
