package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Identifiers;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.SnapshotSql;
import dev.seedkit.core.snapshot.TableFileReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Moves one snapshot table into its database table. An empty table with nothing to filter or defer is loaded by a
 * single {@code COPY ... FROM STDIN} straight from the file; otherwise the file is copied into a {@link Stage} and
 * merged with one set-based {@code INSERT ... SELECT ... ON CONFLICT}. Values are never turned into SQL literals.
 */
final class TableLoader {

    private final Connection connection;
    private final CopyManager copy;
    private final Snapshot snapshot;
    private int stages;

    TableLoader(Connection connection, Snapshot snapshot) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.snapshot = snapshot;
    }

    /** Streams the file straight into the (empty) table; returns the number of rows. */
    long copyDirect(SnapshotManifest.Table entry) throws SQLException {
        try (TableFileReader reader = snapshot.openTable(entry)) {
            return copy.copyIn(SnapshotSql.copyIn(entry.schema(), entry.name(), entry.columnNames()),
                    reader.dataStream());
        } catch (java.io.IOException e) {
            throw new SQLException("Could not stream " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    /** Copies the file into a new temporary table typed like {@code table}. */
    Stage stage(SnapshotManifest.Table entry, Table table, boolean withNeededFlag) throws SQLException {
        String name = Stage.nameFor(++stages);
        createStage(name, entry, table);
        if (withNeededFlag) {
            execute("ALTER TABLE " + name + " ADD COLUMN " + Stage.NEEDED + " boolean NOT NULL DEFAULT false");
        }
        try (TableFileReader reader = snapshot.openTable(entry)) {
            long rows = copy.copyIn("COPY " + name + " (" + Stage.quoted(entry.columnNames(), "") + ") FROM STDIN",
                    reader.dataStream());
            return new Stage(name, entry, rows);
        } catch (java.io.IOException e) {
            throw new SQLException("Could not stream " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * INSERT_MISSING into a table that already has rows, without parsing every value: copies only the key columns
     * (with each row's number) into a small stage, finds the rows whose key the table lacks with one anti-join,
     * then re-reads the file and stages and merges just those rows. A re-import of a snapshot whose rows are
     * mostly present thus costs a key scan, not a full load.
     *
     * @return the number of rows inserted
     */
    long insertMissing(SnapshotManifest.Table entry, Table table, UniqueKey key) throws SQLException {
        BitSet missing = missingRows(entry, table, key);
        if (missing.isEmpty()) {
            return 0;
        }
        String name = Stage.nameFor(++stages);
        createStage(name, entry, table);
        try (TableFileReader reader = snapshot.openTable(entry)) {
            long rows = copy.copyIn("COPY " + name + " (" + Stage.quoted(entry.columnNames(), "") + ") FROM STDIN",
                    reader.dataStream(missing));
            return merge(new Stage(name, entry, rows), table, ImportMode.INSERT_MISSING, Set.of(), false)[0];
        } catch (java.io.IOException e) {
            throw new SQLException("Could not stream " + entry.file() + ": " + e.getMessage(), e);
        }
    }

    /** The numbers (from 1) of the file's rows whose key {@code table} does not hold. */
    private BitSet missingRows(SnapshotManifest.Table entry, Table table, UniqueKey key) throws SQLException {
        String name = Stage.nameFor(++stages);
        String keys = Stage.quoted(key.columns(), "");
        execute("CREATE TEMP TABLE " + name + " ON COMMIT DROP AS SELECT 0::bigint AS " + Stage.ROW_NUMBER + ", "
                + keys + " FROM " + table.name().qualified() + " WITH NO DATA");
        int[] indexes = key.columns().stream().mapToInt(c -> entry.columnNames().indexOf(c)).toArray();
        try (TableFileReader reader = snapshot.openTable(entry)) {
            copy.copyIn("COPY " + name + " (" + Stage.ROW_NUMBER + ", " + keys + ") FROM STDIN",
                    reader.numberedFieldsStream(indexes));
        } catch (java.io.IOException e) {
            throw new SQLException("Could not stream " + entry.file() + ": " + e.getMessage(), e);
        }
        // No ANALYZE: the planner sizes a fresh temp table from its pages, which is enough for a hash anti-join.
        String match = key.columns().stream().map(c -> "t." + Identifiers.quote(c) + " = k." + Identifiers.quote(c))
                .collect(Collectors.joining(" AND "));
        BitSet missing = new BitSet();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT k." + Stage.ROW_NUMBER + " FROM " + name + " k WHERE NOT EXISTS "
                     + "(SELECT 1 FROM " + table.name().qualified() + " t WHERE " + match + ")")) {
            while (rs.next()) {
                missing.set(Math.toIntExact(rs.getLong(1)));
            }
        }
        execute("DROP TABLE " + name);
        return missing;
    }

    private void createStage(String name, SnapshotManifest.Table entry, Table table) throws SQLException {
        execute("CREATE TEMP TABLE " + name + " ON COMMIT DROP AS SELECT " + Stage.quoted(entry.columnNames(), "")
                + " FROM " + table.name().qualified() + " WITH NO DATA");
    }

    /**
     * Inserts the stage's rows that are not present yet (and, for UPSERT, updates the present ones that differ).
     * Columns in {@code nulled} are inserted as NULL and filled in later by {@link #fillNulled}.
     *
     * @return {inserted, updated}
     */
    long[] merge(Stage stage, Table table, ImportMode mode, Set<String> nulled, boolean onlyNeeded)
            throws SQLException {
        Optional<UniqueKey> key = conflictKey(table, stage.entry());
        String insert = "INSERT INTO " + table.name().qualified() + " (" + stage.columns("") + ")"
                + (hasAlwaysIdentity(table, stage.entry()) ? " OVERRIDING SYSTEM VALUE" : "")
                + " SELECT " + selectList(stage, nulled) + " FROM " + stage.name() + " s"
                + (onlyNeeded ? " WHERE s." + Stage.NEEDED : "");
        List<String> updatable = stage.entry().columnNames().stream()
                .filter(c -> key.isPresent() && !key.get().columns().contains(c) && !nulled.contains(c)).toList();
        if (mode == ImportMode.UPSERT && key.isPresent() && !updatable.isEmpty()) {
            return upsert(insert, table, key.get(), updatable);
        }
        return new long[] {executeUpdate(insert + " ON CONFLICT DO NOTHING"), 0};
    }

    private long[] upsert(String insert, Table table, UniqueKey key, List<String> updatable) throws SQLException {
        String target = table.name().qualified();
        String set = updatable.stream().map(c -> Identifiers.quote(c) + " = EXCLUDED." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        String changed = "ROW(" + textList(updatable, target + ".") + ") IS DISTINCT FROM ROW("
                + textList(updatable, "EXCLUDED.") + ")";
        String sql = "WITH merged AS (" + insert + " ON CONFLICT (" + Stage.quoted(key.columns(), "")
                + ") DO UPDATE SET " + set + " WHERE " + changed + " RETURNING (xmax = 0) AS inserted)"
                + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Second step of NULL-then-UPDATE: sets the deferred columns to the stage's values. With {@code onlyWhereNull}
     * (every mode but UPSERT) only rows whose deferred columns are all NULL, i.e. the rows just inserted, change.
     */
    void fillNulled(Stage stage, Table table, Set<String> nulled, boolean onlyNeeded, boolean onlyWhereNull)
            throws SQLException {
        UniqueKey key = conflictKey(table, stage.entry()).orElseThrow();
        String set = nulled.stream().map(c -> Identifiers.quote(c) + " = s." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        String match = key.columns().stream().map(c -> "t." + Identifiers.quote(c) + " = s." + Identifiers.quote(c))
                .collect(Collectors.joining(" AND "));
        String differs = "ROW(" + textList(List.copyOf(nulled), "t.") + ") IS DISTINCT FROM ROW("
                + textList(List.copyOf(nulled), "s.") + ")";
        executeUpdate("UPDATE " + table.name().qualified() + " t SET " + set + " FROM " + stage.name() + " s WHERE "
                + match + " AND " + differs + (onlyNeeded ? " AND s." + Stage.NEEDED : "")
                + (onlyWhereNull ? nulled.stream().map(c -> " AND t." + Identifiers.quote(c) + " IS NULL")
                        .collect(Collectors.joining()) : ""));
    }

    /** Which of {@code tables} hold no rows, asked in one query. */
    Set<TableName> emptyTables(List<Table> tables) throws SQLException {
        if (tables.isEmpty()) {
            return Set.of();
        }
        String sql = java.util.stream.IntStream.range(0, tables.size())
                .mapToObj(i -> "SELECT " + i + " WHERE NOT EXISTS (SELECT 1 FROM " + tables.get(i).name().qualified()
                        + ")")
                .collect(Collectors.joining(" UNION ALL "));
        Set<TableName> empty = new java.util.HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                empty.add(tables.get(rs.getInt(1)).name());
            }
        }
        return empty;
    }

    /** The key rows are matched by: the primary key, else a unique key usable by ON CONFLICT; all in the file. */
    static Optional<UniqueKey> conflictKey(Table table, SnapshotManifest.Table entry) {
        return table.keys().stream()
                .filter(k -> k.conflictTarget() && entry.columnNames().containsAll(k.columns()))
                .min((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
    }

    private static boolean hasAlwaysIdentity(Table table, SnapshotManifest.Table entry) {
        return table.columns().stream().anyMatch(c -> c.identity() == Column.Identity.ALWAYS
                && entry.columnNames().contains(c.name()));
    }

    private static String selectList(Stage stage, Set<String> nulled) {
        return stage.entry().columnNames().stream()
                .map(c -> nulled.contains(c) ? "NULL" : "s." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
    }

    private static String textList(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    long executeUpdate(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(sql);
        }
    }
}
