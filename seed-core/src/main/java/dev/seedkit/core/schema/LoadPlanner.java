package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the steps of a {@link LoadPlan}: strongly connected components of the foreign-key graph, their phases,
 * their order (by phase, then by first table name), and a {@link CyclePlan} for each cycle.
 */
final class LoadPlanner {

    private final Schema schema;
    private final boolean allowReplicaRole;
    private final PlanOption.Names names;
    private final List<TableName> tables;
    private final Map<TableName, Integer> index = new HashMap<>();
    final List<LoadStep> steps = new ArrayList<>();
    final List<CyclePlan> cycles = new ArrayList<>();

    LoadPlanner(Schema schema, boolean allowReplicaRole, PlanOption.Names names) {
        this.schema = schema;
        this.allowReplicaRole = allowReplicaRole;
        this.names = names;
        this.tables = schema.tables().stream().map(Table::name).collect(Collectors.toList());
        for (int i = 0; i < tables.size(); i++) {
            index.put(tables.get(i), i);
        }
    }

    /**
     * Fills {@link #steps} and {@link #cycles}.
     *
     * @throws SeedException {@link SeedException.Code#UNLOADABLE_CYCLE} naming every cycle nothing can break
     */
    LoadPlanner plan() {
        int[][] dependencies = dependencies();
        List<int[]> components = StronglyConnectedComponents.of(dependencies);
        int[] phases = phases(components, dependencies);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> phases[i]).thenComparingInt(i -> components.get(i)[0]));
        List<List<ForeignKey>> unloadable = new ArrayList<>();
        for (int component : order) {
            addSteps(components.get(component), phases[component], unloadable);
        }
        if (!unloadable.isEmpty()) {
            throw new SeedException(SeedException.Code.UNLOADABLE_CYCLE, UnloadableCycleMessage.of(unloadable, names));
        }
        return this;
    }

    private void addSteps(int[] component, int phase, List<List<ForeignKey>> unloadable) {
        List<TableName> members = new ArrayList<>();
        for (int node : component) {
            members.add(tables.get(node));
        }
        List<ForeignKey> internal = internalForeignKeys(members);
        CyclePlan cycle = null;
        if (members.size() > 1 || !internal.isEmpty()) {
            CycleAnalysis analysis = new CycleAnalysis(members, internal);
            List<ForeignKey> blocking = analysis.unbreakableCycle();
            if (!blocking.isEmpty() && !allowReplicaRole) {
                unloadable.add(blocking);
                return;
            }
            cycle = analysis.plan(cycles.size() + 1);
            cycles.add(cycle);
            members = cycle.tables();
        }
        for (TableName table : members) {
            steps.add(new LoadStep(steps.size() + 1, phase, table, dependsOn(table), cycle));
        }
    }

    private List<ForeignKey> internalForeignKeys(List<TableName> members) {
        Set<TableName> inComponent = new HashSet<>(members);
        return members.stream().flatMap(t -> schema.outgoing(t).stream())
                .filter(fk -> inComponent.contains(fk.parent())).collect(Collectors.toList());
    }

    private List<TableName> dependsOn(TableName table) {
        return schema.outgoing(table).stream().map(ForeignKey::parent).filter(parent -> !parent.equals(table))
                .distinct().sorted().collect(Collectors.toList());
    }

    /** For each table, the tables it references (itself excluded), as ascending indexes. */
    private int[][] dependencies() {
        int[][] successors = new int[tables.size()][];
        for (int i = 0; i < tables.size(); i++) {
            TableName table = tables.get(i);
            successors[i] = schema.outgoing(table).stream().filter(fk -> !fk.selfReference())
                    .mapToInt(fk -> index.get(fk.parent())).distinct().sorted().toArray();
        }
        return successors;
    }

    /** Phase of each component; components come dependencies first, so each one's parents are done. */
    private int[] phases(List<int[]> components, int[][] dependencies) {
        int[] componentOf = new int[tables.size()];
        for (int c = 0; c < components.size(); c++) {
            for (int node : components.get(c)) {
                componentOf[node] = c;
            }
        }
        int[] phases = new int[components.size()];
        for (int c = 0; c < components.size(); c++) {
            for (int node : components.get(c)) {
                for (int parent : dependencies[node]) {
                    if (componentOf[parent] != c) {
                        phases[c] = Math.max(phases[c], phases[componentOf[parent]] + 1);
                    }
                }
            }
        }
        return phases;
    }
}
