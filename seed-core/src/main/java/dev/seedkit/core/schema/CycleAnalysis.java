package dev.seedkit.core.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Chooses how one strongly connected component of the foreign-key graph loads.
 *
 * <p>The foreign keys between its tables fall into three groups. <em>Free</em> ones cost nothing to set aside:
 * deferrable ones (deferred to commit) and virtual ones (never checked). <em>Nullable</em> ones can be set aside
 * by inserting NULL and updating later. The rest are <em>fixed</em>: if they alone form a cycle, nothing can load
 * the component. Otherwise the fewest nullable foreign keys are set aside that, with every free one set aside too,
 * leave no cycle (exhaustive search for up to {@value #EXACT_SEARCH_LIMIT} of them, greedy beyond); then free
 * ones are put back wherever they close no cycle, deferrable before virtual, so that only the needed ones are
 * deferred. Candidates are tried in {@link Schema#FOREIGN_KEY_ORDER}, so the choice is deterministic.
 */
final class CycleAnalysis {

    static final int EXACT_SEARCH_LIMIT = 16;

    private final List<TableName> tables;
    private final List<ForeignKey> foreignKeys;
    private final TableGraph graph;

    CycleAnalysis(List<TableName> sortedTables, List<ForeignKey> foreignKeys) {
        this.tables = List.copyOf(sortedTables);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.graph = new TableGraph(this.tables);
    }

    /** A cycle of fixed foreign keys, which no strategy but the replica role can load; empty if there is none. */
    List<ForeignKey> unbreakableCycle() {
        return graph.firstCycle(fixed());
    }

    /** The plan; for a component with an {@link #unbreakableCycle()}, the {@link CycleStrategy#REPLICA_ROLE} one. */
    CyclePlan plan(int number) {
        if (tables.size() == 1) {
            return new CyclePlan(number, CycleStrategy.PARENTS_FIRST, tables, foreignKeys,
                    new CyclePlan.Resolutions(List.of(), List.of(), foreignKeys, List.of()),
                    CycleExplanation.parentsFirst(tables.get(0), foreignKeys));
        }
        List<ForeignKey> cycle = unbreakableCycle();
        if (!cycle.isEmpty()) {
            return new CyclePlan(number, CycleStrategy.REPLICA_ROLE, tables, foreignKeys,
                    CyclePlan.Resolutions.NONE, CycleExplanation.replicaRole(tables, cycle));
        }
        return breakCycles(number);
    }

    private CyclePlan breakCycles(int number) {
        Draft draft = new Draft(fixed());
        List<ForeignKey> nullable = between(fk -> !free(fk) && fk.insertableAsNull());
        draft.updated.addAll(fewestToSetAside(draft.kept, nullable));
        nullable.stream().filter(fk -> !draft.updated.contains(fk)).forEach(draft.kept::add);
        putBackFreeWhereTheyCloseNoCycle(draft);
        resolveSelfReferences(draft);
        CyclePlan.Resolutions resolutions = new CyclePlan.Resolutions(draft.deferred, draft.updated,
                draft.parentsFirst, draft.unchecked);
        CycleStrategy strategy = !draft.updated.isEmpty() ? CycleStrategy.NULL_THEN_UPDATE
                : !draft.deferred.isEmpty() ? CycleStrategy.DEFERRED : CycleStrategy.VIRTUAL_ONLY;
        List<TableName> order = graph.loadOrder(draft.kept);
        return new CyclePlan(number, strategy, order, foreignKeys, resolutions,
                CycleExplanation.of(strategy, order, resolutions));
    }

    private void putBackFreeWhereTheyCloseNoCycle(Draft draft) {
        for (ForeignKey fk : freeInPreferenceOrder()) {
            draft.kept.add(fk);
            if (!graph.acyclic(draft.kept)) {
                draft.kept.remove(draft.kept.size() - 1);
                (fk.virtual() ? draft.unchecked : draft.deferred).add(fk);
            }
        }
    }

    /**
     * A self-reference inside a larger cycle is deferred if deferrable, updated later if the cycle is loaded by
     * updates anyway and it can be NULL, and otherwise satisfied by ordering the table's rows parents first.
     */
    private void resolveSelfReferences(Draft draft) {
        boolean updating = !draft.updated.isEmpty();
        for (ForeignKey self : selfReferences()) {
            if (self.deferrable()) {
                draft.deferred.add(self);
            } else if (self.virtual()) {
                draft.unchecked.add(self);
            } else if (updating && self.insertableAsNull()) {
                draft.updated.add(self);
            } else {
                draft.parentsFirst.add(self);
            }
        }
    }

    /** The fewest of {@code candidates} to set aside so that {@code fixed} plus the rest have no cycle. */
    private List<ForeignKey> fewestToSetAside(List<ForeignKey> fixed, List<ForeignKey> candidates) {
        if (candidates.size() > EXACT_SEARCH_LIMIT) {
            return greedilySetAside(fixed, candidates);
        }
        for (int size = 0; size <= candidates.size(); size++) {
            int[] chosen = new int[size];
            for (int i = 0; i < size; i++) {
                chosen[i] = i;
            }
            do {
                List<ForeignKey> setAside = pick(candidates, chosen);
                List<ForeignKey> rest = new ArrayList<>(fixed);
                candidates.stream().filter(fk -> !setAside.contains(fk)).forEach(rest::add);
                if (graph.acyclic(rest)) {
                    return setAside;
                }
            } while (nextCombination(chosen, candidates.size()));
        }
        throw new IllegalStateException("Setting aside every candidate leaves the fixed foreign keys, "
                + "which were checked to be acyclic");
    }

    private List<ForeignKey> greedilySetAside(List<ForeignKey> fixed, List<ForeignKey> candidates) {
        List<ForeignKey> kept = new ArrayList<>(fixed);
        List<ForeignKey> setAside = new ArrayList<>();
        for (ForeignKey fk : candidates) {
            kept.add(fk);
            if (!graph.acyclic(kept)) {
                kept.remove(kept.size() - 1);
                setAside.add(fk);
            }
        }
        return setAside;
    }

    /** Advances {@code chosen} (ascending indexes below {@code n}) to the next combination of its size. */
    private static boolean nextCombination(int[] chosen, int n) {
        int k = chosen.length;
        int i = k - 1;
        while (i >= 0 && chosen[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        chosen[i]++;
        for (int j = i + 1; j < k; j++) {
            chosen[j] = chosen[j - 1] + 1;
        }
        return true;
    }

    private static List<ForeignKey> pick(List<ForeignKey> candidates, int[] chosen) {
        List<ForeignKey> picked = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            picked.add(candidates.get(i));
        }
        return picked;
    }

    private List<ForeignKey> fixed() {
        return between(fk -> !free(fk) && !fk.insertableAsNull());
    }

    private List<ForeignKey> freeInPreferenceOrder() {
        return between(CycleAnalysis::free).stream().sorted(Comparator.comparing(ForeignKey::virtual))
                .collect(Collectors.toList());
    }

    private List<ForeignKey> between(Predicate<ForeignKey> condition) {
        return foreignKeys.stream().filter(fk -> !fk.selfReference() && condition.test(fk))
                .sorted(Schema.FOREIGN_KEY_ORDER).collect(Collectors.toList());
    }

    private List<ForeignKey> selfReferences() {
        return foreignKeys.stream().filter(ForeignKey::selfReference).collect(Collectors.toList());
    }

    private static boolean free(ForeignKey fk) {
        return fk.virtual() || fk.deferrable();
    }

    /** The foreign keys kept as ordering constraints so far, and those set aside, by how. */
    private static final class Draft {
        final List<ForeignKey> kept;
        final List<ForeignKey> deferred = new ArrayList<>();
        final List<ForeignKey> updated = new ArrayList<>();
        final List<ForeignKey> parentsFirst = new ArrayList<>();
        final List<ForeignKey> unchecked = new ArrayList<>();

        Draft(List<ForeignKey> fixed) {
            this.kept = new ArrayList<>(fixed);
        }
    }
}
