package dev.seedkit.core.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * Where the rows of one table of a {@link Snapshot} were written: the table file itself for an exported snapshot,
 * or the hand-written fixture file ({@code orders.csv}, {@code demo.yml}) they were read from. Importers name this
 * file and its lines in errors, so that a refused value points at the line a person can edit.
 */
public final class TableOrigin {

    private final String file;
    private final long[] lines;
    private final Map<String, Long> columnLines;

    private TableOrigin(String file, long[] lines, Map<String, Long> columnLines) {
        this.file = Objects.requireNonNull(file, "file");
        this.lines = lines;
        this.columnLines = columnLines;
    }

    /** Rows read from the table file {@code file} itself: lines are the file's own. */
    static TableOrigin tableFile(String file) {
        return new TableOrigin(file, null, Map.of());
    }

    /** Rows read from fixture file {@code file}: data row {@code i} (from 0) starts on {@code lines[i]}. */
    static TableOrigin fixture(String file, long[] lines, Map<String, Long> columnLines) {
        return new TableOrigin(file, lines.clone(), Map.copyOf(columnLines));
    }

    /** The file's name inside the snapshot or fixture folder, e.g. {@code public.orders.tsv} or {@code orders.csv}. */
    public String file() {
        return file;
    }

    /** Whether the rows come from a hand-written fixture file rather than an exported table file. */
    public boolean fixture() {
        return lines != null;
    }

    /**
     * The line of {@link #file()} holding the row on line {@code tableFileLine} of the table file (the header is
     * line 1, the first row line 2); 0 stays 0 (unknown).
     */
    public long line(long tableFileLine) {
        if (lines == null || tableFileLine < 2 || tableFileLine - 2 >= lines.length) {
            return lines == null || tableFileLine == 1 ? tableFileLine : 0;
        }
        return lines[(int) (tableFileLine - 2)];
    }

    /** The line of {@link #file()} that first names {@code column}: 1 (the header) for a table file or a CSV. */
    public long columnLine(String column) {
        return columnLines.getOrDefault(column, 1L);
    }

    @Override
    public String toString() {
        return file;
    }
}
