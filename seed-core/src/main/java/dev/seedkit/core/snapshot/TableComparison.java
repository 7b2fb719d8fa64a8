package dev.seedkit.core.snapshot;

import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.core.snapshot.SnapshotDiff.RowChange;
import dev.seedkit.core.snapshot.SnapshotDiff.TableDiff;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares one table present in two snapshots, row by row, matching rows by key. Holds the "before" rows in
 * memory (as stored text, only the compared columns) and streams the "after" file.
 *
 * <p>Rows are matched by the after snapshot's key columns when both snapshots have them; a table without a key
 * (or whose key columns changed) is matched on all its common columns, so its changes show as removed and added
 * rows. Values are compared as stored, which is exact because the format has one spelling per value.
 */
final class TableComparison {

    private final Table before;
    private final Table after;
    private final List<String> common;
    private final List<String> keys;
    private final int[] keyPositions;

    TableComparison(Table before, Table after) {
        this.before = before;
        this.after = after;
        this.common = after.columnNames().stream().filter(before.columnNames()::contains).toList();
        this.keys = common.containsAll(after.keyColumns()) && !after.keyColumns().isEmpty() ? after.keyColumns()
                : common;
        this.keyPositions = positions(common, keys);
    }

    TableDiff compare(Snapshot beforeSnapshot, Snapshot afterSnapshot) {
        Map<List<String>, Deque<List<String>>> remaining = readBefore(beforeSnapshot);
        List<List<String>> added = new ArrayList<>();
        List<RowChange> changed = new ArrayList<>();
        long unchanged = 0;
        try (TableFileReader reader = TableFileReader.open(afterSnapshot, after)) {
            int[] positions = positions(after.columnNames(), common);
            for (Optional<List<String>> row = reader.nextFields(); row.isPresent(); row = reader.nextFields()) {
                List<String> values = pick(row.get(), positions);
                List<String> key = key(values);
                Deque<List<String>> matches = remaining.get(key);
                if (matches == null || matches.isEmpty()) {
                    added.add(key);
                    continue;
                }
                List<String> changedColumns = changedColumns(matches.removeFirst(), values);
                if (changedColumns.isEmpty()) {
                    unchanged++;
                } else {
                    changed.add(new RowChange(key, changedColumns));
                }
            }
        }
        List<List<String>> removed = new ArrayList<>();
        remaining.forEach((key, rows) -> rows.forEach(row -> removed.add(key)));
        return new TableDiff(after.schema(), after.name(), keys, columnsMissingFrom(before, after),
                columnsMissingFrom(after, before), added, removed, changed, unchanged);
    }

    private Map<List<String>, Deque<List<String>>> readBefore(Snapshot snapshot) {
        Map<List<String>, Deque<List<String>>> rows = new LinkedHashMap<>();
        try (TableFileReader reader = TableFileReader.open(snapshot, before)) {
            int[] positions = positions(before.columnNames(), common);
            for (Optional<List<String>> row = reader.nextFields(); row.isPresent(); row = reader.nextFields()) {
                List<String> values = pick(row.get(), positions);
                rows.computeIfAbsent(key(values), k -> new ArrayDeque<>()).add(values);
            }
        }
        return rows;
    }

    private List<String> key(List<String> values) {
        return List.copyOf(pick(values, keyPositions));
    }

    private List<String> changedColumns(List<String> old, List<String> current) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < common.size(); i++) {
            if (!old.get(i).equals(current.get(i))) {
                changed.add(common.get(i));
            }
        }
        return changed;
    }

    private static int[] positions(List<String> fileColumns, List<String> wanted) {
        return wanted.stream().mapToInt(fileColumns::indexOf).toArray();
    }

    private static List<String> pick(List<String> fields, int[] positions) {
        List<String> picked = new ArrayList<>(positions.length);
        for (int position : positions) {
            picked.add(fields.get(position));
        }
        return picked;
    }

    /** Columns of {@code table} that {@code other} does not have. */
    private static List<String> columnsMissingFrom(Table other, Table table) {
        return table.columnNames().stream().filter(c -> !other.columnNames().contains(c)).toList();
    }
}
