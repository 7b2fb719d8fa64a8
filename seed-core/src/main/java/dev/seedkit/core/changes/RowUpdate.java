package dev.seedkit.core.changes;

import java.util.List;
import java.util.Objects;

/**
 * A row a test updated: its values before (as seeded) and after, and the columns whose values differ. A row updated
 * back to its seeded values is no change and never appears.
 *
 * @param before the row as seeded
 * @param after  the row now
 */
public record RowUpdate(Row before, Row after) {

    public RowUpdate {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The columns whose values differ, in table column order. */
    public List<String> changedColumns() {
        return after.keySet().stream().filter(c -> !Objects.equals(before.get(c), after.get(c))).toList();
    }
}
