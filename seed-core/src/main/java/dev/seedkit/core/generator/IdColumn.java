package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import java.util.List;
import java.util.Set;

/**
 * The column a table's {@code ids} range applies to: its primary key, which must be one integer column that is not
 * a foreign key. Rows are numbered from the range's first id; more rows than the range holds, or a rule for the
 * column that is not a sequence inside the range, is a configuration error.
 */
final class IdColumn {

    private static final IdColumn NONE = new IdColumn(null, -1, 0);

    private final IdRange range;
    private final int column;
    private final long rows;

    private IdColumn(IdRange range, int column, long rows) {
        this.range = range;
        this.column = column;
        this.rows = rows;
    }

    static IdColumn of(TableSpec spec, TablePlan plan, Set<String> foreignKeyColumns) {
        if (spec == null || spec.ids() == null) {
            return NONE;
        }
        IdRange range = IdRange.parse(spec.ids());
        List<String> key = plan.table().primaryKey().map(k -> k.columns()).orElse(List.of());
        int column = key.size() == 1 ? plan.columnIndex(key.get(0)) : -1;
        if (column < 0 || plan.type(column).family() != ColumnType.Family.INTEGER
                || foreignKeyColumns.contains(key.get(0))) {
            throw spec.ids().error("ids applies to a table whose primary key is one integer column of its own, but "
                    + "the primary key of " + plan.name() + " is " + (key.isEmpty() ? "missing" : key.stream()
                    .map(Identifiers::display).toList() + " (" + (column < 0 ? "several columns"
                    : plan.type(column).name()) + ")"));
        }
        if (plan.rows() > range.size()) {
            throw spec.ids().error(plan.name() + " gets " + plan.rows() + " rows, but ids " + range + " holds only "
                    + range.size() + "; widen the range or generate fewer rows");
        }
        plan.ids(range, column);
        return new IdColumn(range, column, plan.rows());
    }

    /** Where a sequence in column {@code index} starts: the range's first id for the id column, else 1. */
    long start(int index) {
        return index == column ? range.first() : 1;
    }

    /** Checks that the id column's rule keeps its ids inside the range. */
    void check(int index, Rule rule, RuleSpec configured) {
        if (index != column) {
            return;
        }
        if (!(rule instanceof BasicRules.Sequence sequence)) {
            throw (configured != null ? configured.whole() : range.node()).error("the id column of a table with ids "
                    + range + " takes a sequence inside that range; remove its rule or make it a sequence");
        }
        long last = sequence.start() + Math.max(0, rows - 1) * sequence.step();
        if (Math.min(sequence.start(), last) < range.first() || (range.last() != null
                && Math.max(sequence.start(), last) > range.last())) {
            throw (configured != null ? configured.whole() : range.node()).error("the sequence runs from "
                    + sequence.start() + " to " + last + ", outside ids " + range);
        }
    }
}
