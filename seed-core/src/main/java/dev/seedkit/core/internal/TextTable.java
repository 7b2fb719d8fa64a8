package dev.seedkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows as a small text table for messages, one line per row under a header, columns padded to their widest value:
 * what a failed assertion about rows shows instead of object dumps. NULL prints as {@code NULL}; long values are cut
 * with an ellipsis, and past {@value #MAX_ROWS} rows the rest are counted, not printed.
 *
 * <pre>
 * | id  | status |
 * | 101 | open   |
 * </pre>
 */
public final class TextTable {

    /** Rows printed at most; the rest are counted. */
    public static final int MAX_ROWS = 20;
    private static final int MAX_WIDTH = 40;

    private TextTable() {
    }

    /** {@code rows} (column to value, null for NULL) under a header of {@code columns}, lines led by {@code indent}. */
    public static String render(List<String> columns, List<? extends Map<String, String>> rows, String indent) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        rows.stream().limit(MAX_ROWS).forEach(row -> cells.add(columns.stream().map(c -> cell(row.get(c))).toList()));
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : cells) {
            text.append(indent).append('|');
            for (int i = 0; i < widths.length; i++) {
                text.append(' ').append(line.get(i)).append(" ".repeat(widths[i] - line.get(i).length())).append(" |");
            }
            text.append('\n');
        }
        if (rows.size() > MAX_ROWS) {
            text.append(indent).append("... and ").append(rows.size() - MAX_ROWS).append(" more rows\n");
        }
        return text.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\n", "\\n").replace("\t", "\\t");
        return flat.length() > MAX_WIDTH ? flat.substring(0, MAX_WIDTH - 1) + "…" : flat;
    }
}
