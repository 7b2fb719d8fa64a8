package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/** The words of {@link CyclePlan#explanation()}: why a cycle loads the way it does, naming tables and constraints. */
final class CycleExplanation {

    private CycleExplanation() {
    }

    static String parentsFirst(TableName table, List<ForeignKey> selfReferences) {
        return table + " references itself (" + names(selfReferences) + "): its rows are inserted parents first,"
                + " so that the row each one references is already in.";
    }

    static String replicaRole(List<TableName> tables, List<ForeignKey> cycle) {
        return tables(tables) + " form a cycle of NOT NULL, non-deferrable foreign keys (" + names(cycle)
                + "): as opted in, they load with session_replication_role = replica, which switches foreign-key"
                + " checks off, so the rows must be consistent by themselves.";
    }

    static String of(CycleStrategy strategy, List<TableName> order, CyclePlan.Resolutions how) {
        StringBuilder text = new StringBuilder(tables(order)).append(" reference each other");
        switch (strategy) {
            case NULL_THEN_UPDATE:
                text.append(": insert ").append(columns(how.updated)).append(" as NULL (").append(names(how.updated))
                        .append(") and update them once every row of the cycle is in");
                break;
            case DEFERRED:
                text.append(": load them in one transaction after ").append(setConstraintsDeferred(how.deferred))
                        .append(", so the database checks ").append(names(how.deferred)).append(" at commit");
                break;
            default:
                text.append(" only through virtual foreign keys (").append(names(how.unchecked))
                        .append("), which the database does not check");
        }
        text.append(". Load order: ").append(order.stream().map(TableName::toString)
                .collect(Collectors.joining(", "))).append('.');
        appendOthers(text, strategy, how);
        return text.toString();
    }

    private static void appendOthers(StringBuilder text, CycleStrategy strategy, CyclePlan.Resolutions how) {
        if (strategy == CycleStrategy.NULL_THEN_UPDATE && !how.deferred.isEmpty()) {
            text.append(" Deferred: ").append(names(how.deferred)).append(" (")
                    .append(setConstraintsDeferred(how.deferred)).append(").");
        }
        if (strategy != CycleStrategy.VIRTUAL_ONLY && !how.unchecked.isEmpty()) {
            text.append(" Not checked by the database: ").append(names(how.unchecked)).append('.');
        }
        if (!how.parentsFirst.isEmpty()) {
            text.append(" Rows of ").append(how.parentsFirst.stream().map(fk -> fk.child().toString()).distinct()
                    .collect(Collectors.joining(", "))).append(" are inserted parents first (")
                    .append(names(how.parentsFirst)).append(").");
        }
    }

    /** {@code SET CONSTRAINTS "schema"."name", ... DEFERRED} for the given foreign keys. */
    static String setConstraintsDeferred(List<ForeignKey> foreignKeys) {
        return "SET CONSTRAINTS " + foreignKeys.stream().map(fk -> Identifiers.quote(fk.child().schema(), fk.name()))
                .distinct().collect(Collectors.joining(", ")) + " DEFERRED";
    }

    /** {@code public.a and public.b}, or {@code public.a, public.b and public.c}. */
    static String tables(List<TableName> tables) {
        List<String> names = tables.stream().map(TableName::toString).collect(Collectors.toList());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String names(List<ForeignKey> foreignKeys) {
        return foreignKeys.stream().map(fk -> fk.virtual() ? "virtual " + fk.name() : Identifiers.display(fk.name()))
                .collect(Collectors.joining(", "));
    }

    private static String columns(List<ForeignKey> foreignKeys) {
        return foreignKeys.stream().flatMap(fk -> fk.columnsToNull().stream()
                .map(column -> fk.child() + "." + Identifiers.display(column)))
                .distinct().collect(Collectors.joining(", "));
    }
}
