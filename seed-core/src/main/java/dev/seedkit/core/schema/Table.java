package dev.seedkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table Seedkit can load and export: an ordinary table or a partitioned table. Partitions never appear on their
 * own; their rows are read and written through the partitioned parent, which routes them.
 */
public final class Table {

    private final TableName name;
    private final boolean partitioned;
    private final List<Column> columns;
    private final List<UniqueKey> keys;

    Table(TableName name, boolean partitioned, List<Column> columns, List<UniqueKey> keys) {
        this.name = Objects.requireNonNull(name, "name");
        this.partitioned = partitioned;
        this.columns = List.copyOf(columns);
        this.keys = keys.stream().sorted((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()))
                .collect(Collectors.toUnmodifiableList());
    }

    public TableName name() {
        return name;
    }

    /** Whether this is a partitioned table ({@code PARTITION BY}); its partitions are part of it. */
    public boolean partitioned() {
        return partitioned;
    }

    /** The columns in table order (the order of {@code SELECT *}). */
    public List<Column> columns() {
        return columns;
    }

    /** The column with exactly this name, if any. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The primary key, if the table has one. */
    public Optional<UniqueKey> primaryKey() {
        return keys.stream().filter(k -> k.kind() == UniqueKey.Kind.PRIMARY_KEY).findFirst();
    }

    /** Every key: the primary key first, then unique constraints, then unique indexes. */
    public List<UniqueKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
