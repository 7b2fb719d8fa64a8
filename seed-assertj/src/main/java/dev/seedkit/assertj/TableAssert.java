package dev.seedkit.assertj;

import dev.seedkit.core.changes.Row;
import dev.seedkit.core.internal.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one table's contents: its row count, and its rows (read in key order) as a {@link RowsAssert}. */
public final class TableAssert extends AbstractAssert<TableAssert, String> {

    private final DataSource dataSource;

    TableAssert(DataSource dataSource, String table) {
        super(table, TableAssert.class);
        this.dataSource = dataSource;
    }

    /** The table holds exactly {@code expected} rows. */
    public TableAssert hasRowCount(long expected) {
        long found = query("SELECT count(*) FROM " + qualified(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
        if (found != expected) {
            failWithMessage("Expected %s to hold %d rows, found %d.", actual, expected, found);
        }
        return this;
    }

    /** The table's rows, ordered by every column from the first, for {@link RowsAssert}'s assertions. */
    public RowsAssert rows() {
        List<String> columns = new ArrayList<>();
        List<Row> rows = query("SELECT * FROM " + qualified() + " ORDER BY 1", rs -> read(rs, columns));
        return new RowsAssert(rows, columns, "in " + actual);
    }

    private static List<Row> read(ResultSet rs, List<String> columns) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnName(i));
        }
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), rs.getString(i + 1));
            }
            rows.add(Row.of(values));
        }
        return rows;
    }

    private String qualified() {
        int dot = actual.indexOf('.');
        return dot < 0 ? Identifiers.quote(actual)
                : Identifiers.quote(actual.substring(0, dot), actual.substring(dot + 1));
    }

    private <T> T query(String sql, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            failWithMessage("Could not read table %s: %s", actual, e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Reads a result set. */
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
