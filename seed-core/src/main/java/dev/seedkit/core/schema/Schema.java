package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables of one database (in the schemas that were read) and the foreign keys between them: the graph that
 * exports follow and {@link LoadPlan} orders. Read it with {@link SchemaReader}; add references the database does
 * not declare with {@link #withVirtualForeignKeys}.
 *
 * <p>Immutable and safe to share between threads; tables and foreign keys come in a fixed order (by name, bytewise).
 */
public final class Schema {

    static final Comparator<ForeignKey> FOREIGN_KEY_ORDER = Comparator.comparing(ForeignKey::child)
            .thenComparing(ForeignKey::name, Identifiers.BYTEWISE)
            .thenComparing(ForeignKey::reference, Identifiers.BYTEWISE);

    private final SortedSet<String> schemaNames;
    private final Map<TableName, Table> tables;
    private final List<Table> tableList;
    private final List<ForeignKey> foreignKeys;
    private final List<ForeignKey> externalForeignKeys;
    private final Map<TableName, List<ForeignKey>> outgoing;
    private final Map<TableName, List<ForeignKey>> incoming;

    Schema(Collection<String> schemaNames, Collection<Table> tables, Collection<ForeignKey> foreignKeys,
            Collection<ForeignKey> externalForeignKeys) {
        TreeSet<String> names = new TreeSet<>(Identifiers.BYTEWISE);
        names.addAll(schemaNames);
        this.schemaNames = Collections.unmodifiableSortedSet(names);
        TreeMap<TableName, Table> byName = new TreeMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        this.tables = Collections.unmodifiableMap(byName);
        this.tableList = List.copyOf(byName.values());
        this.foreignKeys = sorted(foreignKeys);
        this.externalForeignKeys = sorted(externalForeignKeys);
        this.outgoing = groupBy(this.foreignKeys, ForeignKey::child);
        this.incoming = groupBy(this.foreignKeys, ForeignKey::parent);
    }

    /** The schemas that were read, e.g. {@code [public, sales]}. */
    public SortedSet<String> schemaNames() {
        return schemaNames;
    }

    /** All tables, ordered by {@link TableName}. */
    public List<Table> tables() {
        return tableList;
    }

    /** The table with this name, if it was read. */
    public Optional<Table> table(TableName name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** Every foreign key between tables of this schema, real and virtual, ordered by child table, then name. */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /**
     * Foreign keys from a table that was read to one that was not (because its schema was not chosen, or it
     * belongs to an extension). They take no part in the plan: their parent rows must already be in the database.
     */
    public List<ForeignKey> externalForeignKeys() {
        return externalForeignKeys;
    }

    /** The foreign keys of {@code table}: the references it makes (it is their child). */
    public List<ForeignKey> outgoing(TableName table) {
        return outgoing.getOrDefault(table, List.of());
    }

    /** The foreign keys that reference {@code table} (it is their parent). */
    public List<ForeignKey> incoming(TableName table) {
        return incoming.getOrDefault(table, List.of());
    }

    /**
     * This schema plus the given virtual foreign keys, which then take part in the graph like declared ones.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} when one names a table or column that does not
     *         exist
     */
    public Schema withVirtualForeignKeys(List<VirtualForeignKey> virtualForeignKeys) {
        List<ForeignKey> all = new ArrayList<>(foreignKeys);
        for (VirtualForeignKey virtual : virtualForeignKeys) {
            all.add(resolve(virtual));
        }
        return new Schema(schemaNames, tables.values(), all, externalForeignKeys);
    }

    /**
     * A SHA-256 hex digest of everything a snapshot depends on: tables, columns in order with their types,
     * nullability, generated and identity flags, keys, and declared foreign keys. Defaults, comments, constraint
     * and index names, and virtual foreign keys (configuration, not database) do not count. Two reads of an
     * unchanged database give the same fingerprint; snapshots record it to detect drift.
     */
    public String fingerprint() {
        return SchemaFingerprint.of(this);
    }

    private ForeignKey resolve(VirtualForeignKey virtual) {
        Table child = existingTable(virtual.child(), virtual);
        Table parent = existingTable(virtual.parent(), virtual);
        List<String> nullable = new ArrayList<>();
        for (String column : virtual.childColumns()) {
            if (existingColumn(child, column, virtual).nullable()) {
                nullable.add(column);
            }
        }
        virtual.parentColumns().forEach(column -> existingColumn(parent, column, virtual));
        return new ForeignKey(virtual.toString(), child.name(), virtual.childColumns(), parent.name(),
                virtual.parentColumns(), ForeignKey.Flags.VIRTUAL, nullable);
    }

    private Table existingTable(TableName name, VirtualForeignKey virtual) {
        Table table = tables.get(name);
        if (table == null) {
            List<String> sameName = tables.keySet().stream().filter(t -> t.name().equals(name.name()))
                    .map(TableName::toString).collect(Collectors.toList());
            throw new SeedException(SeedException.Code.CONFIGURATION, "Virtual foreign key " + virtual
                    + " names table " + name + ", which is not among the tables read from schemas " + schemaNames
                    + (sameName.isEmpty() ? "" : "; tables with that name: " + String.join(", ", sameName))
                    + "; correct the table name or read its schema too");
        }
        return table;
    }

    private static Column existingColumn(Table table, String column, VirtualForeignKey virtual) {
        return table.column(column).orElseThrow(() -> new SeedException(SeedException.Code.CONFIGURATION,
                "Virtual foreign key " + virtual + " names column " + Identifiers.display(column) + " of "
                        + table.name() + ", which has no such column; its columns are " + table.columns().stream()
                                .map(c -> Identifiers.display(c.name())).collect(Collectors.joining(", "))));
    }

    private static List<ForeignKey> sorted(Collection<ForeignKey> foreignKeys) {
        return foreignKeys.stream().sorted(FOREIGN_KEY_ORDER).collect(Collectors.toUnmodifiableList());
    }

    private static Map<TableName, List<ForeignKey>> groupBy(List<ForeignKey> foreignKeys,
            Function<ForeignKey, TableName> key) {
        Map<TableName, List<ForeignKey>> groups = new HashMap<>();
        foreignKeys.forEach(fk -> groups.computeIfAbsent(key.apply(fk), k -> new ArrayList<>()).add(fk));
        groups.replaceAll((k, v) -> List.copyOf(v));
        return groups;
    }

    @Override
    public String toString() {
        return "Schema " + schemaNames + ": " + tables.size() + " tables, " + foreignKeys.size() + " foreign keys";
    }
}
