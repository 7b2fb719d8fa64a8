package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table as a fixture file wrote them, before they become a table file: the columns in the order
 * the file named them, each row's values (null for NULL) and the line each row starts on, so that errors about a
 * row name the fixture file and its line.
 */
final class FixtureTable {

    /** The schema of a table whose file or YAML key names no schema ({@code orders.csv}, {@code orders:}). */
    static final String DEFAULT_SCHEMA = "public";

    private final String schema;
    private final String name;
    private final String file;
    private final String where;
    private final Map<String, Long> columnLines = new LinkedHashMap<>();
    private final List<Map<String, String>> rows = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();

    FixtureTable(String qualifiedName, String file, String where) {
        int dot = qualifiedName.indexOf('.');
        this.schema = dot > 0 ? qualifiedName.substring(0, dot) : DEFAULT_SCHEMA;
        this.name = dot > 0 ? qualifiedName.substring(dot + 1) : qualifiedName;
        this.file = file;
        this.where = where;
        if (name.isEmpty()) {
            throw FixtureTable.error(where + ": '" + qualifiedName + "' names no table; name a table as "
                    + "schema.table or table (schema " + DEFAULT_SCHEMA + ").");
        }
    }

    /** A fixture file that cannot be read as one: its message names the file and line. */
    static SeedException error(String message) {
        return new SeedException(SeedException.Code.SNAPSHOT_FORMAT, message);
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    /** The fixture file, as errors name it. */
    String file() {
        return file;
    }

    /** Declares {@code column}, first named on {@code line}; a column named twice by one header is an error. */
    void column(String column, long line, boolean repeatable) {
        if (column == null || column.isEmpty()) {
            throw FixtureTable.error(where + " line " + line + ": a column without a name; name every column.");
        }
        if (columnLines.containsKey(column) && !repeatable) {
            throw FixtureTable.error(where + " line " + line + ", column " + column + ": the column is named "
                    + "twice; name each column once.");
        }
        columnLines.putIfAbsent(column, line);
    }

    /** Adds a row starting on {@code line}: its values by column, null for NULL; absent columns take defaults. */
    void row(Map<String, String> values, long line) {
        rows.add(values);
        lines.add(line);
    }

    List<String> columns() {
        return List.copyOf(columnLines.keySet());
    }

    long columnLine(String column) {
        return columnLines.getOrDefault(column, 0L);
    }

    List<Map<String, String>> rows() {
        return rows;
    }

    long[] lines() {
        return lines.stream().mapToLong(Long::longValue).toArray();
    }

    Map<String, Long> columnLines() {
        return columnLines;
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
