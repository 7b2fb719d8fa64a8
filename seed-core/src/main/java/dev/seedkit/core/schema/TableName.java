package dev.seedkit.core.schema;

import dev.seedkit.core.internal.Identifiers;
import java.util.Comparator;
import java.util.Objects;

/**
 * The schema-qualified name of a table (or of another relation, such as a sequence). Names are kept exactly as
 * PostgreSQL stores them; {@link #qualified()} quotes them for SQL. Ordered by schema, then name, comparing
 * bytes (code points), so that plans and files come out in the same order on every machine.
 */
public final class TableName implements Comparable<TableName> {

    private static final Comparator<TableName> ORDER = Comparator.comparing(TableName::schema, Identifiers.BYTEWISE)
            .thenComparing(TableName::name, Identifiers.BYTEWISE);

    private final String schema;
    private final String name;

    private TableName(String schema, String name) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The table {@code name} in {@code schema}, both exactly as stored in the catalog (case-sensitive). */
    public static TableName of(String schema, String name) {
        return new TableName(schema, name);
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    /** {@code "schema"."name"}, always quoted, ready to put into SQL. */
    public String qualified() {
        return Identifiers.quote(schema, name);
    }

    @Override
    public int compareTo(TableName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableName && ((TableName) o).schema.equals(schema) && ((TableName) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return schema.hashCode() * 31 + name.hashCode();
    }

    /** {@code schema.name} for people: quoted only where needed, e.g. {@code public."Order Items"}. */
    @Override
    public String toString() {
        return Identifiers.display(schema) + '.' + Identifiers.display(name);
    }
}
