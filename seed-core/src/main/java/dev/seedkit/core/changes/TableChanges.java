package dev.seedkit.core.changes;

import dev.seedkit.core.internal.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test changed in one table since it was seeded: the rows it inserted, the rows it updated (before and after)
 * and the rows it deleted, each list in key order.
 */
public final class TableChanges {

    private final String table;
    private final List<String> columns;
    private final List<String> keyColumns;
    private final List<Row> inserted;
    private final List<RowUpdate> updated;
    private final List<Row> deleted;

    TableChanges(String table, List<String> columns, List<String> keyColumns, List<Row> inserted,
            List<RowUpdate> updated, List<Row> deleted) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.inserted = List.copyOf(inserted);
        this.updated = List.copyOf(updated);
        this.deleted = List.copyOf(deleted);
    }

    /** The table, e.g. {@code public.orders}. */
    public String table() {
        return table;
    }

    /** The table's columns, in table order. */
    public List<String> columns() {
        return columns;
    }

    /** Rows the test inserted. */
    public List<Row> inserted() {
        return inserted;
    }

    /** Rows the test updated, with their seeded values; a row updated back to them is not listed. */
    public List<RowUpdate> updated() {
        return updated;
    }

    /** Seeded rows the test deleted, with their seeded values. */
    public List<Row> deleted() {
        return deleted;
    }

    /** Whether the test left the table as seeded. */
    public boolean isEmpty() {
        return inserted.isEmpty() && updated.isEmpty() && deleted.isEmpty();
    }

    /** A line of counts, then each kind of change as a small text table; updates show {@code old -> new}. */
    public String render() {
        StringBuilder text = new StringBuilder(summary()).append('\n');
        if (!inserted.isEmpty()) {
            text.append("  inserted:\n").append(TextTable.render(columns, inserted, "  "));
        }
        if (!updated.isEmpty()) {
            text.append("  updated:\n").append(renderUpdates());
        }
        if (!deleted.isEmpty()) {
            text.append("  deleted:\n").append(TextTable.render(columns, deleted, "  "));
        }
        return text.toString();
    }

    /** {@code public.orders: 1 inserted, 0 updated, 0 deleted}. */
    public String summary() {
        return table + ": " + inserted.size() + " inserted, " + updated.size() + " updated, " + deleted.size()
                + " deleted";
    }

    private String renderUpdates() {
        List<String> shown = new ArrayList<>(keyColumns);
        updated.forEach(u -> u.changedColumns().stream().filter(c -> !shown.contains(c)).forEach(shown::add));
        List<Map<String, String>> rows = new ArrayList<>();
        for (RowUpdate update : updated) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : shown) {
                row.put(column, update.changedColumns().contains(column) ? cell(update.before().get(column)) + " -> "
                        + cell(update.after().get(column)) : update.after().get(column));
            }
            rows.add(row);
        }
        return TextTable.render(shown, rows, "  ");
    }

    private static String cell(String value) {
        return value == null ? "NULL" : value;
    }

    @Override
    public String toString() {
        return render();
    }
}
