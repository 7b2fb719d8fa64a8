package dev.seedkit.assertj;

import dev.seedkit.core.changes.Row;
import dev.seedkit.core.internal.TextTable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;

/**
 * Assertions on a list of rows (inserted, updated or deleted by a test, or a table's rows), each row a map of column
 * to value as PostgreSQL prints it ({@code null} for NULL). Failures show the rows as a text table.
 */
public final class RowsAssert extends AbstractAssert<RowsAssert, List<Row>> {

    private final List<String> columns;
    private final String what;

    RowsAssert(List<Row> actual, List<String> columns, String what) {
        super(actual, RowsAssert.class);
        this.columns = columns;
        this.what = what;
    }

    /** Exactly {@code expected} rows. */
    public RowsAssert hasSize(int expected) {
        if (actual.size() != expected) {
            failWithMessage("Expected %d %s %s, found %d%s", expected, expected == 1 ? "row" : "rows", what,
                    actual.size(), shown());
        }
        return this;
    }

    /** No rows. */
    public RowsAssert isEmpty() {
        return hasSize(0);
    }

    /** Some row holds every entry of {@code values} (other columns may hold anything). */
    public RowsAssert containsRowWith(Map<String, String> values) {
        boolean found = actual.stream().anyMatch(row -> values.entrySet().stream()
                .allMatch(e -> row.containsKey(e.getKey()) && Objects.equals(row.get(e.getKey()), e.getValue())));
        if (!found) {
            failWithMessage("Expected a row %s with %s, found none%s", what, values, shown());
        }
        return this;
    }

    /** The first row (in key order), for AssertJ's map assertions: {@code .first().containsEntry("status", "open")}. */
    public MapAssert<String, String> first() {
        return row(0);
    }

    /** The row at {@code index} (from 0, in key order). */
    public MapAssert<String, String> row(int index) {
        if (index >= actual.size()) {
            failWithMessage("Expected a row at index %d of the rows %s, but there %s%s", index, what,
                    actual.size() == 1 ? "is 1" : "are " + actual.size(), shown());
        }
        Row row = actual.get(index);
        return Assertions.assertThat((Map<String, String>) row).as("row %d %s:%n%s", index, what,
                TextTable.render(columns, List.of(row), "  "));
    }

    private String shown() {
        return actual.isEmpty() ? "." : ":\n" + TextTable.render(columns, actual, "  ");
    }
}
