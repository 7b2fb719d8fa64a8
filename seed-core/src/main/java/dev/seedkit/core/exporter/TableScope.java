package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One exported table as the export sees it: the columns its file stores and how each is selected (masked or not),
 * the order its rows are taken and written in, its limit and filter, and the foreign keys the export follows from
 * it. Built by {@link ExportScope}, which has checked the options.
 */
final class TableScope {

    private final Table table;
    private final List<Column> storedColumns;
    private final Map<String, Masking> masks;
    private final List<String> keyColumns;
    private final List<String> orderBy;
    private final int limit;
    private final String filter;
    private final List<ForeignKey> outgoing;

    TableScope(Table table, Predicate<Column> excluded, Map<String, Masking> masks, Set<String> collatable,
            int limit, String filter, List<ForeignKey> outgoing) {
        this.table = table;
        this.storedColumns = table.columns().stream().filter(c -> !c.generated() && !excluded.test(c)).toList();
        this.masks = Map.copyOf(masks);
        this.keyColumns = orderKey(table, storedColumns).orElse(List.of());
        this.orderBy = orderBy(collatable);
        this.limit = limit;
        this.filter = filter;
        this.outgoing = List.copyOf(outgoing);
    }

    TableName name() {
        return table.name();
    }

    Table table() {
        return table;
    }

    /** {@code ONLY "s"."t" alias}: a partitioned table reads through its partitions, an ordinary one alone. */
    String from(String alias) {
        return (table.partitioned() ? "" : "ONLY ") + name().qualified() + (alias.isEmpty() ? "" : " " + alias);
    }

    /** The columns the file stores, in table order: all but generated and excluded ones. */
    List<Column> storedColumns() {
        return storedColumns;
    }

    /** The manifest's description of the stored columns. */
    List<SnapshotManifest.Column> manifestColumns() {
        return storedColumns.stream().map(c -> new SnapshotManifest.Column(c.name(), c.type())).toList();
    }

    /** The SELECT list of the file's rows, masked columns replaced by their masking's expression. */
    List<String> selectList() {
        return storedColumns.stream().map(c -> masks.containsKey(c.name())
                ? selectExpression(c.name()) + " AS " + Identifiers.quote(c.name()) : qualified(c.name())).toList();
    }

    /** What the file stores for {@code column}: the column, or its masking's expression in parentheses. */
    String selectExpression(String column) {
        Masking masking = masks.get(column);
        return masking == null ? qualified(column) : "(" + masking.expression(qualified(column)) + ")";
    }

    /** The maskings of the table's columns, by column name. */
    Map<String, Masking> masks() {
        return masks;
    }

    /** The primary key, else a unique key of NOT NULL stored columns, else empty (the order is by all columns). */
    List<String> keyColumns() {
        return keyColumns;
    }

    /** The ORDER BY items that give the table's rows one order on every database. */
    List<String> orderBy() {
        return orderBy;
    }

    int limit() {
        return limit;
    }

    Optional<String> filter() {
        return Optional.ofNullable(filter);
    }

    /** The foreign keys the export follows from this table (it is their child), self-references included. */
    List<ForeignKey> outgoing() {
        return outgoing;
    }

    /** {@code "schema"."table"."column"}: unambiguous in ORDER BY, where a bare name could mean an output alias. */
    String qualified(String column) {
        return name().qualified() + "." + Identifiers.quote(column);
    }

    private List<String> orderBy(Set<String> collatable) {
        if (keyColumns.isEmpty()) {
            return storedColumns.stream().map(c -> qualified(c.name()) + "::text COLLATE \"C\"").toList();
        }
        return keyColumns.stream()
                .map(c -> qualified(c) + (collatable.contains(c) ? " COLLATE \"C\"" : "")).toList();
    }

    private static Optional<List<String>> orderKey(Table table, List<Column> stored) {
        return table.keys().stream().map(UniqueKey::columns)
                .filter(columns -> columns.stream().allMatch(name -> stored.stream()
                        .anyMatch(c -> c.name().equals(name) && !c.nullable())))
                .findFirst();
    }

    @Override
    public String toString() {
        return name().toString();
    }
}
