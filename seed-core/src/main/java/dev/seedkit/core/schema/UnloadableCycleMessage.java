package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The message of the {@code UNLOADABLE_CYCLE} error: which cycles of NOT NULL, non-deferrable foreign keys block
 * the load, and the three ways out, with the SQL to take the first two.
 */
final class UnloadableCycleMessage {

    private UnloadableCycleMessage() {
    }

    /** The message for one or more cycles, each given as the foreign keys along it; {@code names} name options. */
    static String of(List<List<ForeignKey>> cycles, PlanOption.Names names) {
        StringBuilder text = new StringBuilder("Cannot plan the load order: ")
                .append(cycles.size() == 1 ? "a foreign-key cycle has" : cycles.size() + " foreign-key cycles have")
                .append(" no table that can be loaded first.");
        for (List<ForeignKey> cycle : cycles) {
            text.append("\nCycle ").append(path(cycle)).append(": ");
            text.append(cycle.stream().map(fk -> fk.child() + columnList(fk.childColumns()) + " references "
                    + fk.parent() + " through " + Identifiers.quote(fk.name())).collect(Collectors.joining(", ")));
            text.append(". None of these references can be left NULL and none is DEFERRABLE,"
                    + " so no row can be inserted before the row it references.");
        }
        text.append("\nTo load it, do one of:");
        text.append("\n  1. make one constraint of each cycle DEFERRABLE (Seedkit then defers it to commit), e.g.");
        cycles.forEach(cycle -> cycle.forEach(fk -> text.append("\n       ").append(makeDeferrable(fk))));
        text.append("\n  2. declare which column to defer by letting it be NULL (Seedkit inserts NULL and updates"
                + " it once all rows are in), e.g.");
        cycles.forEach(cycle -> cycle.forEach(fk -> text.append("\n       ").append(dropNotNull(fk))));
        text.append("\n  3. opt in to loading with session_replication_role = replica, which switches foreign-key"
                + " checks off and needs a superuser or a role granted SET on that parameter: "
                + names.of(PlanOption.ALLOW_REPLICA_ROLE));
        return text.toString();
    }

    private static String path(List<ForeignKey> cycle) {
        return cycle.stream().map(fk -> fk.child().toString()).collect(Collectors.joining(" -> "))
                + " -> " + cycle.get(0).child();
    }

    private static String makeDeferrable(ForeignKey fk) {
        return "ALTER TABLE " + fk.child().qualified() + " ALTER CONSTRAINT " + Identifiers.quote(fk.name())
                + " DEFERRABLE;";
    }

    private static String dropNotNull(ForeignKey fk) {
        return "ALTER TABLE " + fk.child().qualified() + " " + fk.childColumns().stream()
                .map(column -> "ALTER COLUMN " + Identifiers.quote(column) + " DROP NOT NULL")
                .collect(Collectors.joining(", ")) + ";";
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::display).collect(Collectors.joining(", ", "(", ")"));
    }
}
