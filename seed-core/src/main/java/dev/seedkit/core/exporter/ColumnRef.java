package dev.seedkit.core.exporter;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.TableName;
import java.util.List;
import java.util.Objects;

/** A column named in an option, such as {@code public.users.email}. */
record ColumnRef(TableName table, String column) {

    ColumnRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** Reads {@code schema.table.column}; {@code what} names the option in errors. */
    static ColumnRef parse(String text, String what) {
        List<String> parts = QualifiedName.parse(text, 3, what);
        return new ColumnRef(TableName.of(parts.get(0), parts.get(1)), parts.get(2));
    }

    /** {@code "schema"."table"."column"}, for SQL. */
    String qualified() {
        return table.qualified() + "." + Identifiers.quote(column);
    }

    /** {@code schema.table.column} for people, quoted where needed. */
    @Override
    public String toString() {
        return table + "." + Identifiers.display(column);
    }
}
