package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import dev.seedkit.postgres.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Sends a table through a snapshot file and back, the way export and import will: {@code COPY ... TO STDOUT} into
 * a {@link TableFileWriter}, the file read by a {@link TableFileReader} into {@code COPY ... FROM STDIN} of an
 * identical table, both connections under {@link SnapshotSession#SETTINGS}. Then checks that every row came back:
 * row by row as text and with {@code IS NOT DISTINCT FROM}, and by exporting the copy again to the same bytes.
 */
final class RoundTrip {

    private final TestDatabase db;

    RoundTrip(TestDatabase db) {
        this.db = db;
    }

    /**
     * Creates {@code table (id int primary key, <columns>)}, inserts {@code values} (an SQL VALUES list), round
     * trips it and returns the file's text.
     *
     * @param textOnly columns whose type has no equality operator (json, xml, point): compared as text only
     */
    String check(String table, String columns, String values, String... textOnly) throws Exception {
        db.execute("create table " + table + " (id int primary key, " + columns + ")");
        try (Connection c = db.connect()) {
            SnapshotSession.apply(c);
            execute(c, "insert into " + table + " values " + values);
            return check(c, table, Set.of(textOnly));
        }
    }

    /** Round trips an existing table {@code table} with an int primary key {@code id}. */
    String check(Connection c, String table, Set<String> textOnly) throws Exception {
        List<String> names = storedColumns(c, table);
        Exported file = export(c, table, names);
        execute(c, "create table " + table + "_copy (like " + table + " including generated)");
        load(c, table + "_copy", names, file);
        assertSameRows(c, table, table + "_copy", names, textOnly);
        assertThat(export(c, table + "_copy", names).bytes).as("re-exported file").isEqualTo(file.bytes);
        return new String(file.bytes, StandardCharsets.UTF_8);
    }

    static Exported export(Connection c, String table, List<String> names) throws Exception {
        List<Column> columns = names.stream().map(n -> new Column(n, "text")).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableFileWriter writer = TableFileWriter.to(out, table + ".tsv", "public", table, columns,
                List.of("id"))) {
            copyApi(c).copyOut(SnapshotSql.copyOut("public", table, names,
                    List.of(SnapshotSql.orderKey("id", false))), writer.copyOutSink());
            Table entry = writer.finish();
            return new Exported(out.toByteArray(), entry);
        }
    }

    static void load(Connection c, String table, List<String> names, Exported file) throws Exception {
        try (TableFileReader reader = TableFileReader.open(new ByteArrayInputStream(file.bytes),
                file.table.file(), file.table)) {
            copyApi(c).copyIn(SnapshotSql.copyIn("public", table, names), reader.dataStream());
        }
    }

    static CopyManager copyApi(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static void assertSameRows(Connection c, String source, String copy, List<String> names,
            Set<String> textOnly) throws SQLException {
        String columnsDiffer = names.stream().filter(n -> !textOnly.contains(n))
                .map(n -> " or src_." + n + " is distinct from copy_." + n).collect(Collectors.joining());
        String sql = "select src_::text, copy_::text from " + source + " src_ full join " + copy + " copy_"
                + " on src_.id = copy_.id where src_.id is null or copy_.id is null"
                + " or src_::text is distinct from copy_::text" + columnsDiffer;
        assertThat(query(c, sql)).as("rows of %s that differ from their copy (source, copy)", source).isEmpty();
        assertThat(query(c, "select count(*) from " + copy)).isEqualTo(query(c, "select count(*) from " + source));
    }

    /** The table's columns in order, without generated ones, which a snapshot does not store. */
    static List<String> storedColumns(Connection c, String table) throws SQLException {
        return query(c, "select attname from pg_attribute where attrelid = '" + table + "'::regclass"
                + " and attnum > 0 and not attisdropped and attgenerated = '' order by attnum").stream()
                .map(row -> row.get(0)).toList();
    }

    static List<List<String>> query(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A table file in memory and its manifest entry. */
    record Exported(byte[] bytes, Table table) {
    }
}
