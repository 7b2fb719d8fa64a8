package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.UniqueKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The second half of NULL-then-UPDATE, used when foreign-key triggers stay on: the cycle columns a table was loaded
 * with as NULL get their values. The values are made again (rules are pure functions of the row), copied with the
 * row's key into a temporary table, and set with one {@code UPDATE ... FROM}; nothing is kept in memory.
 */
final class FillStage {

    private FillStage() {
    }

    /** Sets {@code nulled} columns of {@code plan}'s rows; {@code number} names the temporary table. */
    static void fill(Connection connection, CopyManager copy, TablePlan plan, Set<String> nulled, int number)
            throws Exception {
        List<String> key = key(plan);
        List<String> columns = new ArrayList<>(key);
        columns.addAll(nulled);
        String stage = "seedkit_fill_" + number;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE " + stage + " (" + columns.stream().map(c -> Identifiers.quote(c) + " "
                    + plan.column(plan.columnIndex(c)).type()).collect(Collectors.joining(", ")) + ") ON COMMIT DROP");
        }
        int[] indexes = columns.stream().mapToInt(plan::columnIndex).toArray();
        CopyIn in = copy.copyIn("COPY " + stage + " (" + columns.stream().map(Identifiers::quote)
                .collect(Collectors.joining(", ")) + ") FROM STDIN");
        try {
            CopyBuffer buffer = new CopyBuffer(in);
            StringBuilder line = new StringBuilder();
            RowWalk.walk(plan, new Row(plan), row -> {
                boolean any = false;
                line.setLength(0);
                for (int i = 0; i < indexes.length; i++) {
                    Slot slot = row.value(indexes[i]);
                    any |= i >= key.size() && !slot.isNull();
                    SlotFormat.appendCopy(line.append(i > 0 ? "\t" : ""), slot, plan.type(indexes[i]));
                }
                if (any) {
                    buffer.line(line);
                }
            });
            buffer.finish();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("UPDATE " + plan.name().qualified() + " t SET " + nulled.stream().map(c -> Identifiers.quote(c)
                    + " = s." + Identifiers.quote(c)).collect(Collectors.joining(", ")) + " FROM " + stage + " s WHERE "
                    + key.stream().map(c -> "t." + Identifiers.quote(c) + " = s." + Identifiers.quote(c))
                    .collect(Collectors.joining(" AND ")) + "; DROP TABLE " + stage);
        }
    }

    /** The primary key, else the first unique key whose columns are all NOT NULL. */
    private static List<String> key(TablePlan plan) throws SQLException {
        for (UniqueKey key : plan.table().keys()) {
            boolean notNull = key.columns().stream().map(c -> plan.column(plan.columnIndex(c)))
                    .noneMatch(Column::nullable);
            if (notNull) {
                return key.columns();
            }
        }
        throw new SeedException(SeedException.Code.UNLOADABLE_CYCLE, plan.name() + " is in a foreign-key cycle "
                + "loaded NULL-then-UPDATE, but has no primary or unique key to find its rows again. Give it a "
                + "primary key, make one of the cycle's constraints DEFERRABLE, or generate as a role that may set "
                + "session_replication_role (DataGenerator.Builder.triggersOffAllowed).");
    }
}
