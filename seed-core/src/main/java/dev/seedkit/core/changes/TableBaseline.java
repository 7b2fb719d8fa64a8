package dev.seedkit.core.changes;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.TableName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table's seeded rows by key, and how to find what changed in it: the row versions written since the capture
 * are inserted rows (a new key) or updated ones (a seeded key, other values); seeded keys no longer there are deleted
 * rows, looked for only when fewer old rows remain than were seeded.
 */
record TableBaseline(String name, String qualified, List<String> columns, List<String> keyColumns,
        Map<List<String>, Row> rows, long[] count) {

    /** The rows seeded (identical rows of a table without a key count once in {@link #rows()}, each here). */
    long rowCount() {
        return count[0];
    }

    static TableBaseline read(Statement statement, TableName table, List<String> columns, List<String> keyColumns)
            throws SQLException {
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        long[] count = new long[1];
        TableBaseline baseline = new TableBaseline(table.toString(), table.qualified(), columns, keyColumns, rows,
                count);
        try (ResultSet rs = statement.executeQuery(baseline.select("true"))) {
            while (rs.next()) {
                Row row = baseline.row(rs);
                rows.put(baseline.key(row), row);
                count[0]++;
            }
        }
        return baseline;
    }

    /** What changed, given the filter for new row versions and how many old row versions remain. */
    TableChanges changes(Statement statement, String newRows, long oldRowsLeft) throws SQLException {
        List<Row> inserted = new ArrayList<>();
        List<RowUpdate> updated = new ArrayList<>();
        Set<List<String>> rewritten = new HashSet<>();
        try (ResultSet rs = statement.executeQuery(select(newRows))) {
            while (rs.next()) {
                Row row = row(rs);
                Row before = rows.get(key(row));
                if (before == null) {
                    inserted.add(row);
                } else {
                    rewritten.add(key(row));
                    if (!before.equals(row)) {
                        updated.add(new RowUpdate(before, row));
                    }
                }
            }
        }
        List<Row> deleted = oldRowsLeft + rewritten.size() < rowCount()
                ? deleted(statement, newRows, rewritten) : List.of();
        return new TableChanges(name, columns, keyColumns, inserted, updated, deleted);
    }

    private List<Row> deleted(Statement statement, String newRows, Set<List<String>> rewritten)
            throws SQLException {
        Set<List<String>> present = new HashSet<>(rewritten);
        String keys = keyColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        try (ResultSet rs = statement.executeQuery("SELECT " + keys + " FROM " + qualified + " WHERE NOT ("
                + newRows + ")")) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= keyColumns.size(); i++) {
                    key.add(rs.getString(i));
                }
                present.add(key);
            }
        }
        return rows.entrySet().stream().filter(e -> !present.contains(e.getKey())).map(Map.Entry::getValue).toList();
    }

    private String select(String where) {
        String list = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String order = keyColumns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        return "SELECT " + list + " FROM " + qualified + " WHERE " + where + (order.isEmpty() ? ""
                : " ORDER BY " + order);
    }

    private Row row(ResultSet rs) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), rs.getString(i + 1));
        }
        return new Row(values);
    }

    private List<String> key(Row row) {
        return keyColumns.stream().map(row::get).toList();
    }
}
