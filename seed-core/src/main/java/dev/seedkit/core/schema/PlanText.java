package dev.seedkit.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints {@link LoadPlan#toText()}: a bordered table of steps, then one paragraph per cycle. */
final class PlanText {

    private static final List<String> HEADINGS = List.of("Order", "Phase", "Table", "Depends on", "Strategy");

    private PlanText() {
    }

    static String of(LoadPlan plan) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (LoadStep step : plan.steps()) {
            rows.add(List.of(String.valueOf(step.order()), String.valueOf(step.phase()), step.table().toString(),
                    dependsOn(plan.schema(), step), strategy(step)));
        }
        int[] widths = widths(rows);
        StringBuilder text = new StringBuilder().append(summary(plan)).append('\n');
        text.append(border(widths)).append(line(rows.get(0), widths)).append(border(widths));
        rows.subList(1, rows.size()).forEach(row -> text.append(line(row, widths)));
        text.append(border(widths));
        for (CyclePlan cycle : plan.cycles()) {
            text.append("Cycle ").append(cycle.number()).append(' ').append(cycle.strategy()).append(": ")
                    .append(cycle.explanation()).append('\n');
        }
        return text.toString();
    }

    private static String summary(LoadPlan plan) {
        int phases = plan.phases().size();
        int cycles = plan.cycles().size();
        return "Load plan: " + plan.steps().size() + (plan.steps().size() == 1 ? " table, " : " tables, ") + phases
                + (phases == 1 ? " phase, " : " phases, ") + cycles + (cycles == 1 ? " cycle" : " cycles");
    }

    private static String dependsOn(Schema schema, LoadStep step) {
        List<String> parents = step.dependsOn().stream().map(TableName::toString).collect(Collectors.toList());
        if (schema.outgoing(step.table()).stream().anyMatch(ForeignKey::selfReference)) {
            parents.add("itself");
        }
        return String.join(", ", parents);
    }

    private static String strategy(LoadStep step) {
        return step.cycle().map(c -> c.strategy() + " (cycle " + c.number() + ")").orElse("");
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - width(cells.get(i)))).append(" |");
        }
        return line.append('\n').toString();
    }

    private static String border(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.append('\n').toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
