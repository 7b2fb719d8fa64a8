package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The referenced key values of a table the generator does not fill (a lookup table filled by migrations, a table
 * marked {@code existing}), read once, in a fixed order, so that generated rows can reference them. Kept in memory:
 * such tables are expected to be small, and more than {@value #LIMIT} distinct keys is refused.
 */
final class ExistingRows {

    static final int LIMIT = 1_000_000;

    private final TableName table;
    private final List<String> columns;
    private final List<String[]> rows;

    private ExistingRows(TableName table, List<String> columns, List<String[]> rows) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /** The distinct non-NULL values of {@code columns} of {@code table}, ordered bytewise. */
    static ExistingRows read(Connection connection, TableName table, List<String> columns) {
        String list = columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String order = columns.stream().map(c -> Identifiers.quote(c) + "::text COLLATE \"C\"")
                .collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> Identifiers.quote(c) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String sql = "SELECT DISTINCT " + list + ", " + order + " FROM " + table.qualified() + " WHERE " + notNull
                + " ORDER BY " + order + " LIMIT " + (LIMIT + 1);
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] values = new String[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getString(i + 1);
                }
                rows.add(values);
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the existing keys " + columns
                    + " of " + table + ", which generated rows reference: " + e.getMessage(), e);
        }
        if (rows.size() > LIMIT) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Generated rows reference " + table
                    + ", which the generator does not fill, and it holds more than " + LIMIT + " keys, too many to "
                    + "keep in memory; let the generator fill " + table + " too (give it rows in the config)");
        }
        return new ExistingRows(table, columns, rows);
    }

    TableName table() {
        return table;
    }

    List<String> columns() {
        return columns;
    }

    long size() {
        return rows.size();
    }

    /** The text of column {@code column} (an index into {@link #columns()}) of existing row {@code row}. */
    String value(long row, int column) {
        return rows.get((int) row)[column];
    }
}
