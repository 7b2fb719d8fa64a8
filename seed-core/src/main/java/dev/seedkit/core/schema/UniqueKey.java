package dev.seedkit.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * A set of columns whose values identify a row: the primary key, a unique constraint, or a unique index. Importers
 * use keys to make loads idempotent ({@code INSERT ... ON CONFLICT (columns)}) and to find rows to update.
 *
 * <p>Only unique indexes that can serve as an {@code ON CONFLICT} target are read: non-partial, without
 * expressions, and valid. Partial and expression indexes are left out.
 */
public final class UniqueKey {

    /** Where a key comes from. */
    public enum Kind {
        PRIMARY_KEY,
        UNIQUE_CONSTRAINT,
        /** A unique index without a constraint. */
        UNIQUE_INDEX
    }

    private final String name;
    private final Kind kind;
    private final List<String> columns;
    private final boolean deferrable;

    UniqueKey(String name, Kind kind, List<String> columns, boolean deferrable) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.columns = List.copyOf(columns);
        this.deferrable = deferrable;
    }

    /** The constraint's name, or the index's name for a {@link Kind#UNIQUE_INDEX}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The key's columns in key order. */
    public List<String> columns() {
        return columns;
    }

    /** Whether the constraint is {@code DEFERRABLE}; PostgreSQL does not accept such keys as ON CONFLICT targets. */
    public boolean deferrable() {
        return deferrable;
    }

    /** Whether {@code ON CONFLICT (columns)} can use this key: any key that is not deferrable. */
    public boolean conflictTarget() {
        return !deferrable;
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + columns;
    }
}
