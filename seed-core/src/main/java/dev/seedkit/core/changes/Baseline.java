package dev.seedkit.core.changes;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a database as seeded, captured once (a template's, right after seeding), to tell later what a test
 * changed in a copy of it. {@link #changes} is set-based: one query counts, per table, the rows and the row versions
 * written since the capture (their {@code xmin} is at or past the transaction horizon the capture recorded); only
 * tables with such rows or fewer rows are read further, and of those only the new row versions (and, if rows went
 * missing, the keys). So a test that touched one table costs one scan of the tables and one small read.
 *
 * <pre>{@code
 * Baseline baseline = Baseline.capture(templateConnection);        // once, after seeding
 * Changes changes = baseline.changes(testConnection);               // after the test (in its transaction, if any)
 * }</pre>
 *
 * <p>The baseline holds every seeded row as text in memory, about the size of the snapshot's files. Rows are matched
 * by primary key; a table without one is matched by all its columns, so an update shows as a delete and an insert,
 * and of identical rows deleted only the last one is seen.
 * Changes are seen from the connection given: inside a test's open transaction, its own uncommitted writes too.
 */
public final class Baseline {

    private static final long XID_SPACE = 1L << 32;

    private final long horizon;
    private final Map<String, TableBaseline> tables;

    private Baseline(long horizon, Map<String, TableBaseline> tables) {
        this.horizon = horizon;
        this.tables = tables;
    }

    /**
     * Captures every table of the database's schemas (but Seedkit's own {@code seedkit} schema and migration history
     * tables) as they are now.
     */
    public static Baseline capture(Connection connection) {
        return capture(connection, SchemaReader.read(connection));
    }

    /** Captures the tables of {@code schemaNames} as they are now. */
    public static Baseline capture(Connection connection, Collection<String> schemaNames) {
        return capture(connection, SchemaReader.read(connection, schemaNames));
    }

    private static Baseline capture(Connection connection, Schema schema) {
        try (Statement statement = connection.createStatement()) {
            Map<String, TableBaseline> tables = new TreeMap<>();
            for (Table table : schema.tables()) {
                if (!table.name().schema().equals("seedkit") && !MigrationHistory.isHistory(table)) {
                    TableBaseline captured = TableBaseline.read(statement, table.name(), columns(table),
                            keyColumns(table));
                    tables.put(captured.name(), captured);
                }
            }
            return new Baseline(horizon(statement, tables.values()), tables);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not capture the seeded rows to compare "
                    + "changes against: " + e.getMessage(), e);
        }
    }

    /** The tables captured, e.g. {@code [public.orders, public.users]}. */
    public List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    /** The number of rows captured, over all tables. */
    public long rowCount() {
        return tables.values().stream().mapToLong(TableBaseline::rowCount).sum();
    }

    /** What changed in the database behind {@code connection} since the capture, over every captured table. */
    public Changes changes(Connection connection) {
        return changes(connection, tables.keySet());
    }

    /** Like {@link #changes(Connection)}, over {@code tables} only ({@code schema.table}, or bare unique names). */
    public Changes changes(Connection connection, String... tables) {
        return changes(connection, Arrays.stream(tables).map(t -> resolve(t, this.tables.keySet())).toList());
    }

    private Changes changes(Connection connection, Collection<String> names) {
        List<TableBaseline> selected = names.stream().map(tables::get).toList();
        try (Statement statement = connection.createStatement()) {
            Map<String, TableChanges> changed = new TreeMap<>();
            List<long[]> counts = counts(statement, selected);
            for (int i = 0; i < selected.size(); i++) {
                TableBaseline table = selected.get(i);
                long[] count = counts.get(i);
                if (count[1] > 0 || count[0] != table.rowCount()) {
                    TableChanges found = table.changes(statement, newRows(), count[0] - count[1]);
                    if (!found.isEmpty()) {
                        changed.put(table.name(), found);
                    }
                }
            }
            return new Changes(changed, List.copyOf(tables.keySet()));
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not compute what changed since seeding: "
                    + e.getMessage(), e);
        }
    }

    /** Per table: all rows, and the rows written since the capture; one statement for all tables. */
    private List<long[]> counts(Statement statement, List<TableBaseline> selected) throws SQLException {
        List<long[]> counts = new ArrayList<>();
        if (selected.isEmpty()) {
            return counts;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            parts.add("SELECT " + i + ", count(*), count(*) FILTER (WHERE " + newRows() + ") FROM "
                    + selected.get(i).qualified());
            counts.add(null);
        }
        try (ResultSet rs = statement.executeQuery(String.join(" UNION ALL ", parts))) {
            while (rs.next()) {
                counts.set(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return counts;
    }

    /** Row versions written at or after the horizon, in 32-bit transaction id arithmetic (wraparound-safe). */
    private String newRows() {
        return "((xmin::text::bigint - " + horizon + ") % " + XID_SPACE + " + " + XID_SPACE + ") % " + XID_SPACE
                + " < " + (XID_SPACE / 2);
    }

    /**
     * The transaction id after the newest seeded row version's: whatever a copy of the database writes later has an
     * id at or past it, however long after seeding the capture runs (a template's baseline may be captured from a
     * fresh copy of it when a test first asks). With no (unfrozen) row, the first transaction id not yet started.
     */
    private static long horizon(Statement statement, Collection<TableBaseline> tables) throws SQLException {
        List<String> newest = tables.stream().map(t -> "(SELECT age(xmin) AS age, xmin::text::bigint AS xid FROM "
                + t.qualified() + " ORDER BY age(xmin) LIMIT 1)").toList();
        String sql = newest.isEmpty() ? "" : "SELECT (xid + 1) % " + XID_SPACE + " FROM (" + String.join(" UNION ALL ",
                newest) + ") n WHERE age < 2147483647 ORDER BY age LIMIT 1";
        if (!sql.isEmpty()) {
            try (ResultSet rs = statement.executeQuery(sql)) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT txid_snapshot_xmax(txid_current_snapshot()) % "
                + XID_SPACE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> columns(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

    private static List<String> keyColumns(Table table) {
        return table.primaryKey().map(UniqueKey::columns).orElse(columns(table));
    }

    /** {@code schema.table} as captured, for {@code name} qualified or bare and unambiguous. */
    static String resolve(String name, Collection<String> known) {
        if (known.contains(name)) {
            return name;
        }
        List<String> matches = known.stream().filter(t -> t.endsWith("." + name)
                && t.indexOf('.') == t.length() - name.length() - 1).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new SeedException(SeedException.Code.CONFIGURATION, "No table '" + name + "' among the seeded tables"
                + (matches.isEmpty() ? "" : ": it matches " + matches + ", so qualify it with its schema") + "; they "
                + "are " + known + ".");
    }
}
