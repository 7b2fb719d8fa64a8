package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileWriter;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * A source database with a schema and rows, its full contents written as a snapshot, and empty target databases
 * with the same schema to import into. Every table's rows go into the snapshot, ordered by primary key.
 */
final class ImportScenario {

    private final PostgresServer server;
    private final String ddl;
    private final Path snapshotDirectory;
    private String source;

    private ImportScenario(PostgresServer server, String ddl, Path snapshotDirectory) {
        this.server = server;
        this.ddl = ddl;
        this.snapshotDirectory = snapshotDirectory;
    }

    /** Creates the source database from {@code ddl} and {@code data} and writes its snapshot under {@code dir}. */
    static ImportScenario create(PostgresServer server, Path dir, String ddl, String data) throws Exception {
        ImportScenario scenario = new ImportScenario(server, ddl, dir.resolve("snapshot-" + UUID.randomUUID()));
        scenario.source = scenario.newDatabase(true);
        try (Connection c = server.connect(scenario.source)) {
            execute(c, data);
            scenario.writeSnapshot(c, "v1");
        }
        return scenario;
    }

    /** A new database with the scenario's schema and no rows (or with the rows, when {@code seeded}). */
    String newDatabase(boolean schemaOnly) throws SQLException {
        String name = TestPostgres.newDatabase(server, "imp_");
        try (Connection c = server.connect(name)) {
            execute(c, ddl);
        }
        return name;
    }

    /** The database the snapshot was written from. */
    String source() {
        return source;
    }

    Connection connect(String database) throws SQLException {
        return server.connect(database);
    }

    Snapshot open() {
        return SnapshotLocation.directory(snapshotDirectory).open();
    }

    Path directory() {
        return snapshotDirectory;
    }

    /** Rewrites the snapshot from the database behind {@code c} (e.g. after changing its rows). */
    void rewriteSnapshot(Connection c, String version) throws Exception {
        try (var files = Files.list(snapshotDirectory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        writeSnapshot(c, version);
    }

    private void writeSnapshot(Connection c, String version) throws Exception {
        Files.createDirectories(snapshotDirectory);
        Schema schema = SchemaReader.read(c);
        List<SnapshotManifest.Table> tables = new ArrayList<>();
        c.setAutoCommit(false);
        SnapshotSession.applyLocal(c);
        for (Table table : schema.tables()) {
            tables.add(writeTable(c, table));
        }
        c.commit();
        c.setAutoCommit(true);
        List<SnapshotManifest.LoadStep> plan = tables.stream()
                .map(t -> new SnapshotManifest.LoadStep(t.schema(), t.name(), "insert")).toList();
        new SnapshotManifest(version, Instant.parse("2026-01-01T00:00:00Z"), "test", schema.fingerprint(), plan, tables)
                .write(snapshotDirectory);
    }

    private SnapshotManifest.Table writeTable(Connection c, Table table) throws Exception {
        List<Column> stored = table.columns().stream().filter(col -> !col.generated()).toList();
        List<SnapshotManifest.Column> columns = stored.stream()
                .map(col -> new SnapshotManifest.Column(col.name(), col.type())).toList();
        List<String> key = table.primaryKey().map(k -> k.columns()).orElse(List.of());
        List<String> order = key.isEmpty() ? columns.stream().map(SnapshotManifest.Column::name).toList() : key;
        List<String> orderBy = order.stream().map(col -> SnapshotSql.orderKey(col, false)).toList();
        try (TableFileWriter writer = TableFileWriter.create(snapshotDirectory, table.name().schema(),
                table.name().name(), columns, key)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(SnapshotSql.copyOut(table.name().schema(),
                    table.name().name(), columns.stream().map(SnapshotManifest.Column::name).toList(), orderBy),
                    writer.copyOutSink());
            return writer.finish();
        }
    }

    /**
     * Replaces the first occurrence of {@code from} in the table file {@code file} by {@code to} and re-pins the
     * file's row count and SHA-256 in the manifest: a hand-edited snapshot that still passes its checksums.
     */
    void editTableFile(String file, String from, String to) throws Exception {
        Path path = snapshotDirectory.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain '" + from + "':\n" + text);
        }
        byte[] edited = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
        Files.write(path, edited);
        SnapshotManifest manifest;
        try (var in = Files.newInputStream(snapshotDirectory.resolve(SnapshotManifest.FILE_NAME))) {
            manifest = SnapshotManifest.read(in, "manifest.json");
        }
        long rows = new String(edited, StandardCharsets.UTF_8).chars().filter(ch -> ch == '\n').count() - 1;
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(edited));
        List<SnapshotManifest.Table> tables = manifest.tables().stream()
                .map(t -> !t.file().equals(file) ? t : new SnapshotManifest.Table(t.schema(), t.name(), t.file(),
                        t.columns(), t.keyColumns(), rows, sha256))
                .toList();
        new SnapshotManifest(manifest.fixtureVersion() + "-edited", manifest.createdAt(), manifest.source(),
                manifest.schemaFingerprint(), manifest.loadPlan(), tables).write(snapshotDirectory);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryValue(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Every sequence of {@code schemaName} with its {@code last_value} and {@code is_called}, to prove that none
     * moved ({@code setval} is not undone by a rollback).
     */
    static String sequenceState(Connection c, String schemaName) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select quote_ident(relname) from "
                + "pg_class where relkind = 'S' and relnamespace = '" + schemaName + "'::regnamespace order by 1")) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        StringBuilder state = new StringBuilder();
        for (String sequence : sequences) {
            state.append(sequence).append('=').append(queryValue(c, "select last_value || '/' || is_called from "
                    + schemaName + "." + sequence)).append(';');
        }
        return state.toString();
    }

    /** The rows and the sequences of {@code schemaName}: everything an import may change there. */
    static String databaseState(Connection c, String schemaName) throws SQLException {
        return contentHash(c, schemaName) + sequenceState(c, schemaName);
    }

    /** A hash of every row of every table in {@code schemaName}, to prove that something did not change. */
    static String contentHash(Connection c, String schemaName) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (Table table : SchemaReader.read(c, List.of(schemaName)).tables()) {
            all.append(table.name()).append('=').append(queryValue(c, "SELECT md5(coalesce(string_agg(t::text, '|' "
                    + "ORDER BY t::text), '')) FROM " + table.name().qualified() + " t")).append(';');
        }
        return all.toString();
    }
}
