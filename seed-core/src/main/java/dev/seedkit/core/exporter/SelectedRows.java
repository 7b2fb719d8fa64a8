package dev.seedkit.core.exporter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of one table chosen so far, and which of them the closure has not looked at yet ("fresh"). Rows are
 * counted by how they came in: by the table's limit, or as parents of other rows.
 */
final class SelectedRows {

    private final Set<RowId> rows = new LinkedHashSet<>();
    private List<RowId> fresh = new ArrayList<>();
    private long byLimit;
    private long asParents;

    /** Adds a row the table's limit chose. */
    void addByLimit(RowId row) {
        if (add(row)) {
            byLimit++;
        }
    }

    /** Adds a row that another selected row references; returns whether it was new. */
    boolean addAsParent(RowId row) {
        boolean added = add(row);
        if (added) {
            asParents++;
        }
        return added;
    }

    /** The rows added since the last call, for the closure to follow their foreign keys. */
    List<RowId> takeFresh() {
        List<RowId> taken = fresh;
        fresh = new ArrayList<>();
        return taken;
    }

    Collection<RowId> all() {
        return rows;
    }

    long byLimit() {
        return byLimit;
    }

    long asParents() {
        return asParents;
    }

    long size() {
        return rows.size();
    }

    private boolean add(RowId row) {
        boolean added = rows.add(row);
        if (added) {
            fresh.add(row);
        }
        return added;
    }
}
