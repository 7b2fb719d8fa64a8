package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the rows to export, on the server (see {@link SubsetSql}); see {@link SnapshotExporter} for the rules.
 *
 * <ol>
 *   <li>Tables without a filter and with no more rows than their limit are exported whole: those whose files
 *       cannot hold more rows than the limit are known from the catalog, the others are counted (one statement
 *       counts them all, each up to its limit plus one).</li>
 *   <li>Each other table takes its first rows whose foreign keys into tables already visited point at chosen rows
 *       (or are NULL); if there are none, its first rows. Tables that do not depend on each other are sent in one
 *       batch. The tables of a foreign-key cycle (a self-reference is one) are chosen together, in passes: each
 *       pass adds, per table, its first rows not chosen yet whose references inside the cycle are NULL or point
 *       at chosen rows, so roots come first, then the rows whose parents are in, and no ancestor chain needs
 *       pulling in. A cycle table that gets no row that way takes its first rows that close with one parent row
 *       per reference (a row and a parent that reference each other come in together), else its first rows
 *       regardless.</li>
 *   <li>Closure rounds: one batch per round follows every foreign key from the rows the previous round added and
 *       adds their parents, until a round adds none; a foreign-key cycle's keys are followed to the end of the
 *       chain in one recursive statement.</li>
 * </ol>
 */
final class SubsetSelector {

    /** At most this many passes choose a cycle's rows; deeper chains leave the tables below their limits. */
    static final int MAX_CYCLE_PASSES = 64;

    private static final String VIRTUAL_TYPES = "If the message is about an operator or a type, a virtual foreign key "
            + "compares columns of different types; declare it between columns of comparable types.";

    private final ExportScope scope;
    private final TableSizes sizes;
    private final ExportQueries queries;
    private final Map<TableName, SelectedRows> selected = new LinkedHashMap<>();
    private final Map<TableName, Long> chosenByLimit = new HashMap<>();
    private final Set<TableName> lastRound = new HashSet<>();
    private int rounds;

    SubsetSelector(ExportScope scope, TableSizes sizes, ExportQueries queries) {
        this.scope = scope;
        this.sizes = sizes;
        this.queries = queries;
        scope.tables().forEach(t -> selected.put(t.name(), new SelectedRows()));
    }

    /** Chooses the rows; afterwards {@link #rows} and {@link #rounds()} tell the result. */
    SubsetSelector select() {
        findWholeTables();
        chooseFirstRows();
        queries.execute(SubsetSql.analyzeChosen(), Purpose.database("analysing the chosen rows"));
        while (closureRound()) {
            // each round follows the foreign keys of the rows the previous one added
        }
        readProvenance();
        requireRowsWhereTheSourceHasSome();
        return this;
    }

    SelectedRows rows(TableName table) {
        return selected.get(table);
    }

    int rounds() {
        return rounds;
    }

    private void findWholeTables() {
        List<TableScope> bounded = new ArrayList<>();
        for (TableScope table : scope.tables()) {
            if (!mayBeWhole(table)) {
                continue;
            }
            if (table.limit() == SnapshotExporter.ALL_ROWS) {
                scope.markWhole(table.name());
                rows(table.name()).uncounted();
            } else {
                bounded.add(table);
            }
        }
        bounded = withoutRoomForMore(bounded);
        if (bounded.isEmpty()) {
            return;
        }
        queries.query(SubsetSql.boundedCounts(scope, bounded), Purpose.database("counting the tables' rows up to "
                + "their limits"), rs -> {
                    TableScope table = scope.tables().get(rs.getInt(1));
                    long count = rs.getLong(2);
                    if (count <= table.limit()) {
                        scope.markWhole(table.name());
                        rows(table.name()).addByLimit(count);
                        chosenByLimit.put(table.name(), count);
                    }
                });
    }

    /**
     * Marks whole, uncounted, the tables whose heap cannot hold more rows than their limit (known from the catalog,
     * instead of counting their rows); returns the others, which must be counted.
     */
    private List<TableScope> withoutRoomForMore(List<TableScope> tables) {
        List<TableScope> counted = new ArrayList<>();
        for (TableScope table : tables) {
            if (sizes.mostRows(table.name()) <= table.limit()) {
                scope.markWhole(table.name());
                rows(table.name()).uncounted();
            } else {
                counted.add(table);
            }
        }
        return counted;
    }

    /**
     * A table with a filter is never whole; nor one with a virtual foreign key, whose rows are checked against
     * their parents by the database like the others (the check is what catches incomparable column types).
     */
    private static boolean mayBeWhole(TableScope table) {
        return table.filter().isEmpty() && table.outgoing().stream().noneMatch(ForeignKey::virtual);
    }

    /** Visits the tables in load-plan order, batching those that do not depend on the batch's tables. */
    private void chooseFirstRows() {
        Set<TableName> visited = new HashSet<>();
        List<TableScope> batch = new ArrayList<>();
        Set<ExportScope.Cycle> done = new HashSet<>();
        for (TableScope table : scope.tables()) {
            if (scope.whole(table)) {
                visited.add(table.name());
                continue;
            }
            var cycle = scope.cycles().stream().filter(c -> c.tables().contains(table)).findFirst();
            if (cycle.isPresent()) {
                if (done.add(cycle.get())) {
                    chooseBatch(batch, visited);
                    chooseCycle(cycle.get(), visited);
                    cycle.get().tables().forEach(t -> visited.add(t.name()));
                }
                continue;
            }
            boolean alone = !mayBeWhole(table); // so that an error in its filter or virtual key names it
            if (alone || table.outgoing().stream()
                    .anyMatch(fk -> batch.stream().anyMatch(b -> b.name().equals(fk.parent())))) {
                chooseBatch(batch, visited);
            }
            batch.add(table);
            if (alone) {
                chooseBatch(batch, visited);
            }
        }
        chooseBatch(batch, visited);
    }

    /** First rows of {@code batch}, strict first, then plain first rows for those that got none. */
    private void chooseBatch(List<TableScope> batch, Set<TableName> visited) {
        if (batch.isEmpty()) {
            return;
        }
        List<TableScope> tables = List.copyOf(batch);
        batch.clear();
        List<String> sqls = tables.stream().map(t -> SubsetSql.chooseFirstRows(scope, t, strict(t, visited),
                t.limit())).toList();
        int[] counts = queries.batch(sqls, firstRowsPurpose(tables));
        List<TableScope> retry = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            chosenByLimit.merge(tables.get(i).name(), (long) counts[i], Long::sum);
            if (counts[i] == 0 && !strict(tables.get(i), visited).isEmpty()) {
                retry.add(tables.get(i));
            }
        }
        if (!retry.isEmpty()) {
            int[] more = queries.batch(retry.stream().map(t -> SubsetSql.chooseFirstRows(scope, t, List.of(),
                    t.limit())).toList(), firstRowsPurpose(retry));
            for (int i = 0; i < retry.size(); i++) {
                chosenByLimit.merge(retry.get(i).name(), (long) more[i], Long::sum);
            }
        }
        tables.forEach(t -> visited.add(t.name()));
    }

    /**
     * The rows of a cycle's tables: passes of rows whose references inside the cycle are NULL or chosen; then, for
     * a table still without rows, its first rows that close with one parent row per reference (a row and a parent
     * that reference each other), else its first rows regardless of the cycle (the closure pulls their
     * ancestors); and passes again for the others.
     */
    private void chooseCycle(ExportScope.Cycle cycle, Set<TableName> visited) {
        List<TableScope> members = cycle.tables().stream().filter(t -> !scope.whole(t)).toList();
        Set<TableName> forced = new HashSet<>();
        while (true) {
            runPasses(cycle, members, visited);
            TableScope empty = members.stream().filter(t -> chosen(t) == 0 && !forced.contains(t.name()))
                    .findFirst().orElse(null);
            if (empty == null) {
                return;
            }
            forced.add(empty.name());
            List<ForeignKey> outside = strict(empty, visited);
            long added = queries.update(SubsetSql.chooseClosableRows(scope, empty, outside, cycle, empty.limit()),
                    firstRowsPurpose(List.of(empty)));
            if (added == 0) {
                added = queries.update(SubsetSql.chooseFirstRows(scope, empty, outside, empty.limit()),
                        firstRowsPurpose(List.of(empty)));
            }
            if (added == 0 && !outside.isEmpty()) {
                added = queries.update(SubsetSql.chooseFirstRows(scope, empty, List.of(), empty.limit()),
                        firstRowsPurpose(List.of(empty)));
            }
            chosenByLimit.merge(empty.name(), added, Long::sum);
        }
    }

    private void runPasses(ExportScope.Cycle cycle, List<TableScope> members, Set<TableName> visited) {
        for (int pass = 0; pass < MAX_CYCLE_PASSES; pass++) {
            List<TableScope> open = members.stream().filter(t -> chosen(t) < t.limit()).toList();
            if (open.isEmpty()) {
                return;
            }
            List<String> sqls = open.stream().map(t -> {
                List<ForeignKey> conditions = new ArrayList<>(strict(t, visited));
                t.outgoing().stream().filter(cycle.foreignKeys()::contains).forEach(conditions::add);
                return SubsetSql.chooseFirstRows(scope, t, conditions, t.limit() - chosen(t));
            }).toList();
            int[] counts = queries.batch(sqls, firstRowsPurpose(open));
            long added = 0;
            for (int i = 0; i < open.size(); i++) {
                chosenByLimit.merge(open.get(i).name(), (long) counts[i], Long::sum);
                added += counts[i];
            }
            if (added == 0) {
                return;
            }
        }
    }

    private long chosen(TableScope table) {
        return chosenByLimit.getOrDefault(table.name(), 0L);
    }

    /** The foreign keys of {@code table} into other tables visited already: its rows should point at chosen rows. */
    private static List<ForeignKey> strict(TableScope table, Set<TableName> visited) {
        return table.outgoing().stream().filter(fk -> !fk.selfReference() && visited.contains(fk.parent())).toList();
    }

    /**
     * Sends one batch that follows every foreign key from the rows the previous round added (in round 0: the rows
     * chosen by limit, and whole tables) to the parents not chosen yet. False when nothing is left to follow.
     */
    private boolean closureRound() {
        List<ForeignKey> followed = new ArrayList<>();
        List<ExportScope.Cycle> walked = new ArrayList<>();
        for (ExportScope.Cycle cycle : scope.cycles()) {
            if (cycle.tables().stream().noneMatch(scope::whole)
                    && cycle.tables().stream().anyMatch(this::addedInLastRound)) {
                walked.add(cycle);
            }
        }
        for (ForeignKey fk : scope.foreignKeys()) {
            TableScope child = scope.table(fk.child());
            boolean inWalkedCycle = walked.stream().anyMatch(c -> c.foreignKeys().contains(fk));
            if (!inWalkedCycle && !scope.whole(scope.table(fk.parent())) && (rounds == 0 || !scope.whole(child))
                    && addedInLastRound(child)) {
                followed.add(fk);
            }
        }
        if (followed.isEmpty() && walked.isEmpty()) {
            return false;
        }
        int round = rounds;
        List<String> sqls = new ArrayList<>(walked.stream().map(c -> SubsetSql.pullCycleParents(scope, c, round))
                .toList());
        followed.forEach(fk -> sqls.add(SubsetSql.pullParents(scope, fk, round)));
        int[] counts = queries.batch(sqls, closurePurpose());
        rounds++;
        lastRound.clear();
        for (int i = 0; i < walked.size(); i++) {
            if (counts[i] > 0) {
                walked.get(i).tables().forEach(t -> lastRound.add(t.name()));
            }
        }
        for (int i = 0; i < followed.size(); i++) {
            if (counts[walked.size() + i] > 0) {
                lastRound.add(followed.get(i).parent());
            }
        }
        return !lastRound.isEmpty();
    }

    private boolean addedInLastRound(TableScope table) {
        return rounds == 0 ? scope.whole(table) || chosen(table) > 0 : lastRound.contains(table.name());
    }

    /** Reads how many rows each table has chosen by limit and through which foreign key. */
    private void readProvenance() {
        queries.query(SubsetSql.provenance(), Purpose.database("counting the chosen rows"), rs -> {
            SelectedRows rows = rows(scope.tables().get(rs.getInt(1)).name());
            int via = rs.getInt(2);
            if (via == SubsetSql.BY_LIMIT) {
                rows.addByLimit(rs.getLong(3));
            } else {
                rows.addPulledIn(via, rs.getLong(3));
            }
        });
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

    private Purpose firstRowsPurpose(List<TableScope> tables) {
        TableScope table = tables.get(0);
        String names = tables.size() == 1 ? table.name().toString() : tables.size() + " tables (" + table.name()
                + ", ...)";
        boolean virtual = tables.stream().anyMatch(t -> t.outgoing().stream().anyMatch(ForeignKey::virtual));
        TableScope filtered = tables.stream().filter(t -> t.filter().isPresent()).findFirst().orElse(null);
        if (filtered != null) {
            return new Purpose("choosing the first rows of " + names + " with the filter \""
                    + filtered.filter().get() + "\"" + (tables.size() == 1 ? "" : " of " + filtered.name()),
                    SeedException.Code.CONFIGURATION, "Correct the filter of " + filtered.name() + " ("
                    + scope.name(ExportOption.WHERE) + ")." + (virtual ? " " + VIRTUAL_TYPES : ""));
        }
        return new Purpose("choosing the first rows of " + names, SeedException.Code.DATABASE,
                virtual ? VIRTUAL_TYPES : "Check that the connection works.");
    }

    private static Purpose closurePurpose() {
        return new Purpose("pulling in the parent rows of the chosen rows", SeedException.Code.DATABASE,
                VIRTUAL_TYPES);
    }
}
