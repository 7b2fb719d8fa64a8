package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.SnapshotVerifier.TableCheck;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.internal.TableFileReader;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * Whether a database holds every row of a snapshot with the snapshot's values: per table, the file is copied into
 * a temporary table (one {@code COPY}, each row with its number) and compared with the table in one query, by key
 * when the manifest names one (a row missing, or which columns differ), else row against row. Values compare as
 * text under the snapshot session settings, i.e. as COPY writes them, so every type compares, {@code json} and
 * {@code point} too. Rows only the database has are allowed (an import may add to rows already there).
 *
 * <p>Runs in a transaction that is rolled back: nothing is left behind, not even the temporary tables.
 */
final class RowComparison {

    /** Differing rows named per table; the count says how many more there are. */
    static final int EXAMPLES = 5;

    private static final String STAGE = "seedkit_verify_rows";

    private final Connection connection;
    private final Snapshot snapshot;
    private final Schema schema;

    private RowComparison(Connection connection, Snapshot snapshot, Schema schema) {
        this.connection = connection;
        this.snapshot = snapshot;
        this.schema = schema;
    }

    /**
     * Compares every table of {@code snapshot} that {@code schema} (the database's, read over the snapshot's
     * schemas) has; never changes anything.
     */
    static List<TableCheck> compare(Connection connection, Snapshot snapshot, Schema schema) {
        RowComparison comparison = new RowComparison(connection, snapshot, schema);
        try {
            return comparison.inRolledBackTransaction();
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not compare the rows of " + snapshot
                    + " with the database: " + e.getMessage() + ". Check that the connection works and that the "
                    + "role may create temporary tables.", e);
        }
    }

    private List<TableCheck> inRolledBackTransaction() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            SnapshotSession.applyLocal(connection);
            List<TableCheck> results = new ArrayList<>();
            for (SnapshotManifest.Table table : snapshot.manifest().tables()) {
                schema.table(TableName.of(table.schema(), table.name())).ifPresent(t -> results.add(compare(table, t)));
            }
            return results;
        } finally {
            restore(autoCommit);
        }
    }

    /** Rolls back and restores auto-commit; on a dead connection this fails too, and must not hide the cause. */
    private void restore(boolean autoCommit) {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the comparison's own failure, if any, is the one to report
        }
    }

    private TableCheck compare(SnapshotManifest.Table entry, Table table) {
        Optional<String> missing = entry.columnNames().stream().filter(c -> table.column(c).isEmpty()).findFirst();
        if (missing.isPresent()) {
            return new TableCheck(entry.toString(), entry.rowCount(), 0, List.of(), Optional.of("table " + entry
                    + ": rows not compared, column " + missing.get() + " is missing from the database (see the "
                    + "schema check)"));
        }
        try {
            stage(entry);
            TableCheck result = entry.keyColumns().isEmpty() ? compareWhole(entry, table)
                    : compareByKey(entry, table);
            execute("DROP TABLE " + STAGE);
            return result;
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not compare the rows of " + entry + " with "
                    + "the database: " + e.getMessage() + ". Check that the connection works.", e);
        }
    }

    /** The file's rows, numbered, as text columns {@code c1..cN} of the temporary table. */
    private void stage(SnapshotManifest.Table entry) throws SQLException {
        int columns = entry.columns().size();
        execute("CREATE TEMP TABLE " + STAGE + " (line bigint" + IntStream.rangeClosed(1, columns)
                .mapToObj(i -> ", c" + i + " text").reduce("", String::concat) + ") ON COMMIT DROP");
        try (TableFileReader reader = TableFileReader.open(snapshot, entry)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + STAGE + " FROM STDIN",
                    reader.numberedFieldsStream(IntStream.range(0, columns).toArray()));
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, "Could not read " + entry.file() + " of "
                    + snapshot + ": " + e.getMessage() + ". Check that the file is readable.", e);
        }
    }

    private TableCheck compareByKey(SnapshotManifest.Table entry, Table table) throws SQLException {
        List<String> columns = entry.columnNames();
        String join = entry.keyColumns().stream().map(k -> text("t", k) + " = s.c" + (columns.indexOf(k) + 1))
                .reduce((a, b) -> a + " AND " + b).orElseThrow();
        String differs = "ARRAY_REMOVE(ARRAY[" + String.join(", ", IntStream.range(0, columns.size())
                .mapToObj(i -> "CASE WHEN " + text("t", columns.get(i)) + " IS DISTINCT FROM s.c" + (i + 1)
                        + " THEN " + literal(columns.get(i)) + " END").toList()) + "]::text[], NULL)";
        String keyValues = "ARRAY[" + String.join(", ", entry.keyColumns().stream()
                .map(k -> "s.c" + (columns.indexOf(k) + 1)).toList()) + "]::text[]";
        String sql = "SELECT s.line, " + text("t", entry.keyColumns().get(0)) + " IS NULL, " + differs + ", "
                + keyValues + ", count(*) OVER () FROM " + STAGE + " s LEFT JOIN " + from(table) + " t ON " + join
                + " WHERE " + text("t", entry.keyColumns().get(0)) + " IS NULL OR ROW(" + rowOf("t", columns)
                + ") IS DISTINCT FROM ROW(" + stageRow(columns.size()) + ") ORDER BY s.line LIMIT " + EXAMPLES;
        List<String> examples = new ArrayList<>();
        long differing = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String where = "line " + (rs.getLong(1) + 1) + " (" + key(entry.keyColumns(), rs.getArray(4)) + ")";
                List<String> changed = strings(rs.getArray(3));
                examples.add(where + (rs.getBoolean(2) ? ": no row with this key"
                        : ": " + String.join(", ", changed) + (changed.size() == 1 ? " differs" : " differ")));
                differing = rs.getLong(5);
            }
        }
        return new TableCheck(entry.toString(), entry.rowCount(), differing, examples, Optional.empty());
    }

    /** Without a key: each file row needs as many identical rows in the table as the file has. */
    private TableCheck compareWhole(SnapshotManifest.Table entry, Table table) throws SQLException {
        List<String> columns = entry.columnNames();
        String sql = "WITH f AS (SELECT min(line) AS line, count(*) AS n, r FROM (SELECT line, ROW("
                + stageRow(columns.size()) + ")::text AS r FROM " + STAGE + " s) x GROUP BY r), d AS (SELECT r, "
                + "count(*) AS n FROM (SELECT ROW(" + rowOf("t", columns) + ")::text AS r FROM " + from(table)
                + " t) y GROUP BY r) SELECT f.line, f.n - COALESCE(d.n, 0), sum(f.n - COALESCE(d.n, 0)) OVER () "
                + "FROM f LEFT JOIN d ON d.r = f.r WHERE COALESCE(d.n, 0) < f.n ORDER BY f.line LIMIT " + EXAMPLES;
        List<String> examples = new ArrayList<>();
        long differing = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long lacking = rs.getLong(2);
                examples.add("line " + (rs.getLong(1) + 1) + ": " + (lacking == 1 ? "no identical row"
                        : lacking + " identical rows missing") + " (the table has no key; rows compare whole)");
                differing = rs.getLong(3);
            }
        }
        return new TableCheck(entry.toString(), entry.rowCount(), differing, examples, Optional.empty());
    }

    /** A column as COPY prints it: the type's output function ({@code format('%s')}), NULL kept. */
    private static String text(String alias, String column) {
        String value = alias + "." + Identifiers.quote(column);
        return "(CASE WHEN " + value + " IS NULL THEN NULL ELSE pg_catalog.format('%s', " + value + ") END)";
    }

    private static String rowOf(String alias, List<String> columns) {
        return String.join(", ", columns.stream().map(c -> text(alias, c)).toList());
    }

    private static String stageRow(int columns) {
        return String.join(", ", IntStream.rangeClosed(1, columns).mapToObj(i -> "s.c" + i).toList());
    }

    private static String from(Table table) {
        return (table.partitioned() ? "" : "ONLY ") + table.name().qualified();
    }

    private static String key(List<String> keyColumns, Array values) throws SQLException {
        List<String> texts = strings(values);
        return String.join(", ", IntStream.range(0, keyColumns.size())
                .mapToObj(i -> keyColumns.get(i) + " = " + texts.get(i)).toList());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
