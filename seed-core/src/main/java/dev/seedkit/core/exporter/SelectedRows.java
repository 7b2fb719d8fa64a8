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
    private List<RowId> freshClosedInCycle = new ArrayList<>();
    private long byLimit;
    private long asParents;

    /** Adds a row the table's limit chose. */
    void addByLimit(RowId row) {
        if (add(row)) {
            byLimit++;
        }
    }

    /**
     * Adds a row that another selected row references. {@code closedInCycle}: it came from the recursive query of
     * its table's foreign-key cycle, which has already followed the cycle's foreign keys from it.
     */
    void addAsParent(RowId row, boolean closedInCycle) {
        if (rows.add(row)) {
            asParents++;
            (closedInCycle ? freshClosedInCycle : fresh).add(row);
        }
    }

    /** The rows added since the last call, for the closure to follow their foreign keys. */
    Fresh takeFresh() {
        Fresh taken = new Fresh(fresh, freshClosedInCycle);
        fresh = new ArrayList<>();
        freshClosedInCycle = new ArrayList<>();
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

    /**
     * Rows added since the last round.
     *
     * @param open           rows none of whose foreign keys have been followed yet
     * @param closedInCycle  rows whose foreign keys inside their cycle have been followed already
     */
    record Fresh(List<RowId> open, List<RowId> closedInCycle) {

        /** Every fresh row, for the foreign keys that leave the table's cycle (or of a table in none). */
        List<RowId> all() {
            List<RowId> all = new ArrayList<>(open);
            all.addAll(closedInCycle);
            return all;
        }
    }
}
