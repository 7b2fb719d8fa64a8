package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.BranchRow;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.exporter.SubsetSql.ParentRows;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.TableName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the rows to export: each table's first rows, in load-plan order, then the closure over parents, until
 * every foreign key of every chosen row resolves. See {@link SnapshotExporter} for the rules.
 *
 * <p>Statements grow with tables and graph depth, not rows: one (or two, when the preferred rows are missing) per
 * table for its first rows, then one per closure round. A round follows every foreign key of the rows the previous
 * round added, and walks each foreign-key cycle to its end in one recursive query, so the number of rounds is at
 * most the depth of the graph of cycles and tables, plus one.
 */
final class SubsetSelector {

    private static final String VIRTUAL_TYPES = "If the message is about an operator or a type, a virtual foreign key "
            + "compares columns of different types; declare it between columns of comparable types.";

    private final ExportScope scope;
    private final ExportQueries queries;
    private final Map<TableName, SelectedRows> selected = new LinkedHashMap<>();
    private final Map<TableName, Duration> time = new HashMap<>();
    private int rounds;

    SubsetSelector(ExportScope scope, ExportQueries queries) {
        this.scope = scope;
        this.queries = queries;
        scope.tables().forEach(t -> selected.put(t.name(), new SelectedRows()));
    }

    /** Chooses the rows; afterwards {@link #rows}, {@link #rounds()} and {@link #time} tell the result. */
    SubsetSelector select() {
        Set<TableName> visited = new HashSet<>();
        for (TableScope table : scope.tables()) {
            long start = System.nanoTime();
            chooseFirstRows(table, visited);
            visited.add(table.name());
            time.put(table.name(), Duration.ofNanos(System.nanoTime() - start));
        }
        while (closureRound()) {
            // each round follows the foreign keys of the rows the previous one added
        }
        requireRowsWhereTheSourceHasSome();
        return this;
    }

    SelectedRows rows(TableName table) {
        return selected.get(table);
    }

    int rounds() {
        return rounds;
    }

    /** Time spent choosing the first rows of {@code table}. */
    Duration time(TableName table) {
        return time.getOrDefault(table, Duration.ZERO);
    }

    /**
     * The first rows whose foreign keys into tables already visited all resolve; if there are none, the first
     * rows regardless (their parents are pulled in by the closure). Self-references and foreign keys to tables
     * visited later (in a cycle) are left to the closure.
     */
    private void chooseFirstRows(TableScope table, Set<TableName> visited) {
        List<ForeignKey> strict = table.outgoing().stream()
                .filter(fk -> !fk.selfReference() && visited.contains(fk.parent())).toList();
        Map<ForeignKey, ParentRows> parents = new HashMap<>();
        strict.forEach(fk -> parents.put(fk, new ParentRows(scope.table(fk.parent()), rows(fk.parent()).all())));
        Purpose purpose = firstRowsPurpose(table);
        List<RowId> rows = queries.rowIds(SubsetSql.firstRows(table, strict, parents), purpose);
        if (rows.isEmpty() && !strict.isEmpty()) {
            rows = queries.rowIds(SubsetSql.firstRows(table, List.of(), Map.of()), purpose);
        }
        rows.forEach(rows(table.name())::addByLimit);
    }

    /**
     * Sends one statement that follows every followed foreign key of the rows added since the last round: one
     * UNION ALL branch per foreign key that leaves its table's cycle (or whose table is in none), and one recursive
     * branch per foreign-key cycle with new rows. False when no row was added, so nothing is left to follow.
     */
    private boolean closureRound() {
        Map<TableScope, SelectedRows.Fresh> fresh = new LinkedHashMap<>();
        scope.tables().forEach(t -> fresh.put(t, rows(t.name()).takeFresh()));
        List<String> branches = new ArrayList<>();
        fresh.forEach((table, rows) -> branches.addAll(parentBranches(table, rows.all())));
        scope.cycles().forEach(cycle -> cycleBranch(cycle, fresh).ifPresent(branches::add));
        if (branches.isEmpty()) {
            return false;
        }
        rounds++;
        List<BranchRow> found = queries.branchRows(String.join("\nUNION ALL\n", branches), closurePurpose());
        addParents(found, true);
        addParents(found, false);
        return true;
    }

    /**
     * Adds the rows a round found, those of cycle branches first: a row that a cycle's recursion reached has had
     * the cycle's foreign keys followed, whichever branch the database returned first.
     */
    private void addParents(List<BranchRow> found, boolean inCycle) {
        for (BranchRow row : found) {
            if (row.inCycle() == inCycle) {
                rows(scope.tables().get(row.table()).name()).addAsParent(row.row(), inCycle);
            }
        }
    }

    private List<String> parentBranches(TableScope table, List<RowId> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        return table.outgoing().stream().filter(fk -> scope.cycleOf(fk).isEmpty())
                .map(fk -> SubsetSql.parentsOf(scope.index(fk.parent()), fk, table, scope.table(fk.parent()), fresh))
                .toList();
    }

    private Optional<String> cycleBranch(ExportScope.Cycle cycle, Map<TableScope, SelectedRows.Fresh> fresh) {
        Map<TableScope, List<RowId>> start = new LinkedHashMap<>();
        cycle.tables().stream().filter(t -> !fresh.get(t).open().isEmpty())
                .forEach(t -> start.put(t, fresh.get(t).open()));
        return start.isEmpty() ? Optional.empty() : Optional.of(SubsetSql.cycleRows(scope, cycle, start));
    }

    /** A table that has rows must not come out empty: only a filter that matches nothing can cause that. */
    private void requireRowsWhereTheSourceHasSome() {
        for (TableScope table : scope.tables()) {
            if (rows(table.name()).size() == 0 && table.filter().isPresent()
                    && queries.flag(SubsetSql.anyRow(table), Purpose.database("checking whether " + table.name()
                            + " has rows"))) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "The filter of " + table.name()
                        + " (where \"" + table.filter().get() + "\") matches none of its rows, and no exported row "
                        + "references one, so the table would come out empty although it has rows. Change the "
                        + "filter, or exclude the table.");
            }
        }
    }

    private Purpose firstRowsPurpose(TableScope table) {
        if (table.filter().isPresent()) {
            return new Purpose("choosing the first rows of " + table.name() + " with the filter \""
                    + table.filter().get() + "\"", SeedException.Code.CONFIGURATION, "Correct the filter of "
                    + table.name() + " (" + scope.name(ExportOption.WHERE) + ")."
                    + (table.outgoing().stream().anyMatch(ForeignKey::virtual) ? " " + VIRTUAL_TYPES : ""));
        }
        return new Purpose("choosing the first rows of " + table.name(), SeedException.Code.DATABASE,
                table.outgoing().stream().anyMatch(ForeignKey::virtual) ? VIRTUAL_TYPES
                        : "Check that the connection works.");
    }

    private static Purpose closurePurpose() {
        return new Purpose("pulling in the parent rows of the chosen rows", SeedException.Code.DATABASE,
                VIRTUAL_TYPES);
    }
}
