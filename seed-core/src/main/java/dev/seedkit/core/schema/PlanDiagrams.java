package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints {@link LoadPlan#toMermaid()} and {@link LoadPlan#toDot()}. Both draw the same graph: one node per table
 * (numbered in load order), an arrow from each child to its parent labelled with the constraint, cycles grouped,
 * edges inside a cycle red, and edges the load sets aside (deferred, updated later, unchecked) or that the
 * database never checks (virtual) dashed.
 */
final class PlanDiagrams {

    private static final String RED = "#d62728";

    private PlanDiagrams() {
    }

    static String mermaid(LoadPlan plan) {
        Map<TableName, String> ids = ids(plan);
        StringBuilder text = new StringBuilder("flowchart RL\n");
        for (CyclePlan cycle : plan.cycles()) {
            text.append("  subgraph cycle").append(cycle.number()).append("[\"")
                    .append(mermaidText("cycle " + cycle.number() + ": " + cycle.strategy())).append("\"]\n");
            cycle.tables().forEach(t -> text.append("    ").append(mermaidNode(ids.get(t), plan, t)).append('\n'));
            text.append("  end\n");
        }
        plan.steps().stream().filter(s -> s.cycle().isEmpty())
                .forEach(s -> text.append("  ").append(mermaidNode(ids.get(s.table()), plan, s.table())).append('\n'));
        return text.append(mermaidEdges(edges(plan), ids)).toString();
    }

    private static String mermaidEdges(List<Edge> edges, Map<TableName, String> ids) {
        StringBuilder text = new StringBuilder();
        List<String> red = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge edge = edges.get(i);
            text.append("  ").append(ids.get(edge.fk.child())).append(edge.dashed ? " -.->|\"" : " -->|\"")
                    .append(mermaidText(edge.label)).append("\"| ").append(ids.get(edge.fk.parent())).append('\n');
            if (edge.inCycle) {
                red.add(String.valueOf(i));
            }
        }
        if (!red.isEmpty()) {
            text.append("  linkStyle ").append(String.join(",", red)).append(" stroke:").append(RED)
                    .append(",color:").append(RED).append('\n');
        }
        return text.toString();
    }

    static String dot(LoadPlan plan) {
        Map<TableName, String> ids = ids(plan);
        StringBuilder text = new StringBuilder("digraph load_plan {\n  rankdir=RL;\n  node [shape=box];\n");
        for (CyclePlan cycle : plan.cycles()) {
            text.append("  subgraph cluster_cycle").append(cycle.number()).append(" {\n    label=\"")
                    .append(dotText("cycle " + cycle.number() + ": " + cycle.strategy())).append("\";\n    color=\"")
                    .append(RED).append("\";\n");
            cycle.tables().forEach(t -> text.append("    ").append(dotNode(ids.get(t), plan, t)).append('\n'));
            text.append("  }\n");
        }
        plan.steps().stream().filter(s -> s.cycle().isEmpty())
                .forEach(s -> text.append("  ").append(dotNode(ids.get(s.table()), plan, s.table())).append('\n'));
        for (Edge edge : edges(plan)) {
            text.append("  ").append(ids.get(edge.fk.child())).append(" -> ").append(ids.get(edge.fk.parent()))
                    .append(" [label=\"").append(dotText(edge.label)).append('"')
                    .append(edge.inCycle ? ", color=\"" + RED + "\", fontcolor=\"" + RED + "\"" : "")
                    .append(edge.dashed ? ", style=dashed" : "").append("];\n");
        }
        return text.append("}\n").toString();
    }

    private static Map<TableName, String> ids(LoadPlan plan) {
        Map<TableName, String> ids = new HashMap<>();
        plan.steps().forEach(step -> ids.put(step.table(), "t" + step.order()));
        return ids;
    }

    private static String mermaidNode(String id, LoadPlan plan, TableName table) {
        return id + "[\"" + mermaidText(nodeLabel(plan, table)) + "\"]";
    }

    private static String dotNode(String id, LoadPlan plan, TableName table) {
        return id + " [label=\"" + dotText(nodeLabel(plan, table)) + "\"];";
    }

    private static String nodeLabel(LoadPlan plan, TableName table) {
        LoadStep step = plan.step(table).orElseThrow();
        return step.order() + ". " + table + " (phase " + step.phase() + ")";
    }

    /** Every foreign key in load order of its child, with how the plan treats it. */
    private static List<Edge> edges(LoadPlan plan) {
        List<Edge> edges = new ArrayList<>();
        for (LoadStep step : plan.steps()) {
            for (ForeignKey fk : plan.schema().outgoing(step.table())) {
                Optional<CyclePlan> cycle = step.cycle().filter(c -> c.foreignKeys().contains(fk));
                edges.add(new Edge(fk, cycle.orElse(null)));
            }
        }
        return edges;
    }

    private static String mermaidText(String text) {
        return text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    private static String dotText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** One arrow: a foreign key, whether it lies in a cycle, whether it is dashed, and its label. */
    private static final class Edge {
        final ForeignKey fk;
        final boolean inCycle;
        final boolean dashed;
        final String label;

        Edge(ForeignKey fk, CyclePlan cycle) {
            this.fk = fk;
            this.inCycle = cycle != null;
            this.dashed = fk.virtual() || (cycle != null && cycle.broken(fk) && !cycle.parentsFirst().contains(fk));
            this.label = name(fk) + how(fk, cycle);
        }

        private static String name(ForeignKey fk) {
            if (!fk.virtual()) {
                return Identifiers.display(fk.name());
            }
            return "virtual " + String.join(", ", fk.childColumns().stream().map(Identifiers::display).toList());
        }

        private static String how(ForeignKey fk, CyclePlan cycle) {
            if (cycle == null) {
                return "";
            } else if (cycle.deferred().contains(fk)) {
                return " (deferred)";
            } else if (cycle.updatedAfterInsert().contains(fk)) {
                return " (NULL, then UPDATE)";
            } else if (cycle.parentsFirst().contains(fk)) {
                return " (parents first)";
            } else if (cycle.unchecked().contains(fk)) {
                return " (unchecked)";
            }
            return cycle.strategy() == CycleStrategy.REPLICA_ROLE ? " (replica role)" : "";
        }
    }
}
