package dev.seedkit.core.snapshot;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two snapshots, for reviewing a refresh: tables added and removed, and per table present in
 * both, the rows added, removed and changed (matched by key columns) and columns added and removed. Both
 * snapshots' files are checked while they are read, like any read. {@link #render()} gives a readable summary.
 *
 * <p>Keys and values are shown as stored in the files (COPY text: {@code \N} for NULL, {@code \t} for a tab).
 * The "before" side of each table is held in memory, which suits fixture-sized snapshots.
 */
public final class SnapshotDiff {

    private static final int SHOWN_ROWS = 20;

    private final String from;
    private final String to;
    private final List<Table> tablesAdded;
    private final List<Table> tablesRemoved;
    private final List<TableDiff> changedTables;

    private SnapshotDiff(String from, String to, List<Table> tablesAdded, List<Table> tablesRemoved,
            List<TableDiff> changedTables) {
        this.from = from;
        this.to = to;
        this.tablesAdded = List.copyOf(tablesAdded);
        this.tablesRemoved = List.copyOf(tablesRemoved);
        this.changedTables = List.copyOf(changedTables);
    }

    /** Compares {@code before} with {@code after}, reading every table file of both. */
    public static SnapshotDiff between(Snapshot before, Snapshot after) {
        List<Table> removed = new ArrayList<>();
        List<TableDiff> changed = new ArrayList<>();
        for (Table old : before.manifest().tables()) {
            Optional<Table> current = after.manifest().table(old.schema(), old.name());
            if (current.isEmpty()) {
                removed.add(old);
                continue;
            }
            TableDiff diff = new TableComparison(old, current.get()).compare(before, after);
            if (!diff.isEmpty()) {
                changed.add(diff);
            }
        }
        List<Table> added = after.manifest().tables().stream()
                .filter(t -> before.manifest().table(t.schema(), t.name()).isEmpty()).toList();
        return new SnapshotDiff(before.location().toString(), after.location().toString(), added, removed, changed);
    }

    /** Tables only the "after" snapshot has. */
    public List<Table> tablesAdded() {
        return tablesAdded;
    }

    /** Tables only the "before" snapshot has. */
    public List<Table> tablesRemoved() {
        return tablesRemoved;
    }

    /** Tables in both snapshots whose rows or columns differ, in the "before" snapshot's order. */
    public List<TableDiff> changedTables() {
        return changedTables;
    }

    /** Whether the snapshots hold the same tables with the same rows. */
    public boolean isEmpty() {
        return tablesAdded.isEmpty() && tablesRemoved.isEmpty() && changedTables.isEmpty();
    }

    /** A readable summary: one line per table, then up to 20 rows of each kind ({@code +}, {@code -}, {@code ~}). */
    public String render() {
        StringBuilder out = new StringBuilder("Snapshot diff from " + from + " to " + to + "\n");
        if (isEmpty()) {
            return out.append("No differences.\n").toString();
        }
        tablesAdded.forEach(t -> out.append("Table added: ").append(t).append(" (").append(t.rowCount())
                .append(" rows)\n"));
        tablesRemoved.forEach(t -> out.append("Table removed: ").append(t).append(" (").append(t.rowCount())
                .append(" rows)\n"));
        changedTables.forEach(t -> t.render(out));
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /**
     * The differences in one table present in both snapshots.
     *
     * @param schema         the table's schema
     * @param name           the table's name
     * @param keyColumns     the columns rows were matched by (all common columns for a table without a key)
     * @param columnsAdded   columns only the "after" file has
     * @param columnsRemoved columns only the "before" file has
     * @param rowsAdded      keys of rows only in "after", in its file order
     * @param rowsRemoved    keys of rows only in "before", in its file order
     * @param rowsChanged    rows in both whose values differ in some common column
     * @param rowsUnchanged  the number of rows that are the same in both
     */
    public record TableDiff(String schema, String name, List<String> keyColumns, List<String> columnsAdded,
            List<String> columnsRemoved, List<List<String>> rowsAdded, List<List<String>> rowsRemoved,
            List<RowChange> rowsChanged, long rowsUnchanged) {

        public TableDiff {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
            keyColumns = List.copyOf(keyColumns);
            columnsAdded = List.copyOf(columnsAdded);
            columnsRemoved = List.copyOf(columnsRemoved);
            rowsAdded = rowsAdded.stream().map(List::copyOf).toList();
            rowsRemoved = rowsRemoved.stream().map(List::copyOf).toList();
            rowsChanged = List.copyOf(rowsChanged);
        }

        /** Whether nothing differs. */
        public boolean isEmpty() {
            return columnsAdded.isEmpty() && columnsRemoved.isEmpty() && rowsAdded.isEmpty()
                    && rowsRemoved.isEmpty() && rowsChanged.isEmpty();
        }

        private void render(StringBuilder out) {
            out.append(Identifiers.display(schema, name)).append(": ").append(rowsAdded.size())
                    .append(" added, ").append(rowsRemoved.size()).append(" removed, ").append(rowsChanged.size())
                    .append(" changed, ").append(rowsUnchanged).append(" unchanged\n");
            if (!columnsAdded.isEmpty()) {
                out.append("  columns added: ").append(String.join(", ", columnsAdded)).append('\n');
            }
            if (!columnsRemoved.isEmpty()) {
                out.append("  columns removed: ").append(String.join(", ", columnsRemoved)).append('\n');
            }
            renderRows(out, "+ ", rowsAdded.stream().map(this::keyText).toList(), "added");
            renderRows(out, "- ", rowsRemoved.stream().map(this::keyText).toList(), "removed");
            renderRows(out, "~ ", rowsChanged.stream()
                    .map(c -> keyText(c.key()) + ": " + String.join(", ", c.columns())).toList(), "changed");
        }

        private static void renderRows(StringBuilder out, String marker, List<String> lines, String kind) {
            lines.stream().limit(SHOWN_ROWS).forEach(line -> out.append("  ").append(marker).append(line).append('\n'));
            if (lines.size() > SHOWN_ROWS) {
                out.append("  ... and ").append(lines.size() - SHOWN_ROWS).append(" more ").append(kind)
                        .append('\n');
            }
        }

        private String keyText(List<String> key) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                parts.add(keyColumns.get(i) + "=" + key.get(i));
            }
            return String.join(", ", parts);
        }
    }

    /**
     * A row present in both snapshots whose values differ.
     *
     * @param key     the row's key values, as stored
     * @param columns the common columns whose values differ
     */
    public record RowChange(List<String> key, List<String> columns) {
        public RowChange {
            key = List.copyOf(key);
            columns = List.copyOf(columns);
        }
    }
}
