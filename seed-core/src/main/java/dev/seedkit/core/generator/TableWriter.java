package dev.seedkit.core.generator;

import dev.seedkit.core.internal.SnapshotSql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams one table's generated rows into it with a single {@code COPY ... FROM STDIN}: each row is made, written
 * as a COPY text line and sent in 64 KiB pieces, so memory does not grow with the table. Columns in {@code nulled}
 * (foreign keys of a cycle loaded NULL-then-UPDATE) are written as NULL.
 */
final class TableWriter {

    /** Rows between two progress reports. */
    static final long PROGRESS_EVERY = 1 << 16;

    /** Hears about the rows written so far. */
    @FunctionalInterface
    interface Listener {
        void written(TablePlan plan, long rows);
    }

    private final CopyManager copyManager;
    private final long seed;
    private final Listener listener;

    TableWriter(CopyManager copyManager, long seed, Listener listener) {
        this.copyManager = copyManager;
        this.seed = seed;
        this.listener = listener;
    }

    /** Writes every row of {@code plan}; returns the rows the server counted (duplicates included). */
    long write(TablePlan plan, Set<String> nulled) throws Exception {
        int[] columns = plan.writtenColumns();
        boolean[] asNull = new boolean[columns.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            names.add(plan.column(columns[i]).name());
            asNull[i] = nulled.contains(plan.column(columns[i]).name());
        }
        CopyIn copy = copyManager.copyIn(SnapshotSql.copyIn(plan.name().schema(), plan.name().name(), names));
        try {
            CopyBuffer buffer = new CopyBuffer(copy);
            StringBuilder line = new StringBuilder(256);
            Slot none = new Slot();
            Random64 duplicates = Random64.of(seed, plan.name().toString(), "#duplicates");
            Double share = plan.duplicates();
            long[] written = {0};
            RowWalk.walk(plan, new Row(plan), row -> {
                line.setLength(0);
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    Slot slot = asNull[i] ? none : row.value(columns[i]);
                    SlotFormat.appendCopy(line, slot, plan.type(columns[i]));
                }
                buffer.line(line);
                if (share != null && duplicates.at(row.index()).chance(share)) {
                    buffer.line(line);
                }
                if (++written[0] % PROGRESS_EVERY == 0) {
                    listener.written(plan, written[0]);
                }
            });
            long rows = buffer.finish();
            listener.written(plan, written[0]);
            return rows;
        } finally {
            if (copy.isActive()) {
                cancel(copy);
            }
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            // The connection failed already; the transaction is rolled back by the caller.
        }
    }
}
