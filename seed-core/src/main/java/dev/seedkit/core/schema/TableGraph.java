package dev.seedkit.core.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A small graph over the tables of one cycle, asked about different subsets of its foreign keys: does a subset
 * leave a cycle, in what order can the tables load, which cycle does it contain. Self-references are ignored
 * (row order handles them). Ties are broken by table name, so every answer is deterministic.
 */
final class TableGraph {

    private final List<TableName> tables;
    private final Map<TableName, Integer> index = new HashMap<>();

    TableGraph(List<TableName> sortedTables) {
        this.tables = sortedTables;
        for (int i = 0; i < sortedTables.size(); i++) {
            index.put(sortedTables.get(i), i);
        }
    }

    boolean acyclic(Collection<ForeignKey> edges) {
        return loadOrder(edges).size() == tables.size();
    }

    /**
     * The tables parents first, each as soon as every table it references through {@code edges} is placed,
     * smallest name first among those ready; shorter than all tables if {@code edges} contain a cycle.
     */
    List<TableName> loadOrder(Collection<ForeignKey> edges) {
        int[] unplacedParents = new int[tables.size()];
        List<List<Integer>> children = adjacency(edges, unplacedParents);
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < tables.size(); i++) {
            if (unplacedParents[i] == 0) {
                ready.add(i);
            }
        }
        List<TableName> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int table = ready.poll();
            order.add(tables.get(table));
            for (int child : children.get(table)) {
                if (--unplacedParents[child] == 0) {
                    ready.add(child);
                }
            }
        }
        return order;
    }

    /**
     * The shortest cycle through the first table (by name) that lies on one, as the foreign keys along it; empty
     * if {@code edges} are acyclic.
     */
    List<ForeignKey> firstCycle(Collection<ForeignKey> edges) {
        Map<Integer, List<ForeignKey>> outgoing = new HashMap<>();
        for (ForeignKey fk : edges) {
            if (!fk.selfReference()) {
                outgoing.computeIfAbsent(index.get(fk.child()), k -> new ArrayList<>()).add(fk);
            }
        }
        for (int start = 0; start < tables.size(); start++) {
            List<ForeignKey> cycle = shortestCycleThrough(start, outgoing);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private List<ForeignKey> shortestCycleThrough(int start, Map<Integer, List<ForeignKey>> outgoing) {
        Map<Integer, ForeignKey> reachedBy = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            for (ForeignKey fk : outgoing.getOrDefault(queue.poll(), List.of())) {
                int next = index.get(fk.parent());
                if (!reachedBy.containsKey(next)) {
                    reachedBy.put(next, fk);
                    if (next == start) {
                        return path(start, reachedBy);
                    }
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    private List<ForeignKey> path(int start, Map<Integer, ForeignKey> reachedBy) {
        List<ForeignKey> path = new ArrayList<>();
        int node = start;
        do {
            ForeignKey fk = reachedBy.get(node);
            path.add(fk);
            node = index.get(fk.child());
        } while (node != start);
        Collections.reverse(path);
        return path;
    }

    private List<List<Integer>> adjacency(Collection<ForeignKey> edges, int[] parentCounts) {
        List<List<Integer>> children = new ArrayList<>();
        tables.forEach(t -> children.add(new ArrayList<>()));
        for (ForeignKey fk : edges) {
            if (!fk.selfReference()) {
                int child = index.get(fk.child());
                children.get(index.get(fk.parent())).add(child);
                parentCounts[child]++;
            }
        }
        return children;
    }
}
