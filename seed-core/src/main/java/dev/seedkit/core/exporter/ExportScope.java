package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.CyclePlan;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The export's options applied to a schema: which tables are exported, in load-plan order, and which foreign keys
 * the export follows. Every option is checked here, before any row is read, so that a misconfiguration fails with
 * a message naming the option and the table, never with a silent orphan.
 *
 * <p>Migration tools' history tables ({@link MigrationHistory}) are left out unless named in the included tables:
 * they describe the source database, and the target keeps its own.
 *
 * <p>A foreign key is followed when its child is exported, unless some of its columns are excluded (then they load
 * as NULL, and the reference is off). Its parent must then be exported too.
 */
final class ExportScope {

    private final Map<TableName, TableScope> tables;
    private final List<TableName> order;
    private final List<Cycle> cycles;
    private final List<ForeignKey> foreignKeys;
    private final Set<TableName> whole = new HashSet<>();

    private final LoadPlan plan;
    private final ExportOption.Names names;

    private ExportScope(LoadPlan plan, Map<TableName, TableScope> tables, ExportOption.Names names) {
        this.plan = plan;
        this.names = names;
        this.tables = tables;
        this.order = List.copyOf(tables.keySet());
        this.cycles = cycles(plan, tables);
        this.foreignKeys = tables.values().stream().flatMap(t -> t.outgoing().stream()).toList();
    }

    /**
     * @param collatable the columns, per table, whose type has a collation (text-like types)
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} for the first option that does not fit
     */
    static ExportScope resolve(Schema schema, LoadPlan plan, ExportOptions options,
            Map<TableName, Set<String>> collatable) {
        requireKnownTables(schema, options);
        Set<TableName> included = included(schema, options);
        requireExported(options, included);
        ColumnRules rules = new ColumnRules(schema, options, collatable);
        rules.requireKnownColumns();
        List<ForeignKey> followed = followed(schema, included, rules, options);
        rules.check(followed);
        Map<TableName, TableScope> tables = new LinkedHashMap<>();
        for (TableName name : plan.tables()) {
            if (included.contains(name)) {
                tables.put(name, tableScope(schema.table(name).orElseThrow(), options, rules, collatable, followed));
            }
        }
        return new ExportScope(plan, tables, options.names());
    }

    /** How messages name {@code option}: as the exporter's builder was told. */
    String name(ExportOption option) {
        return names.of(option);
    }

    ExportOption.Names names() {
        return names;
    }

    /** The load plan of the whole schema (the exported tables are a part of it). */
    LoadPlan plan() {
        return plan;
    }

    /** The exported tables in load-plan order (parents first). */
    List<TableScope> tables() {
        return List.copyOf(tables.values());
    }

    TableScope table(TableName name) {
        return tables.get(name);
    }

    /** The position of {@code name} in {@link #tables()}; the closure's SQL names tables by it. */
    int index(TableName name) {
        return order.indexOf(name);
    }

    /** Every followed foreign key, by table in load-plan order; the chosen rows name the one that pulled them in. */
    List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** The position of {@code fk} in {@link #foreignKeys()}. */
    int foreignKeyIndex(ForeignKey fk) {
        return foreignKeys.indexOf(fk);
    }

    /**
     * Records that every row of {@code table} is chosen (it has no filter and no more rows than its limit), so that
     * the export reads it as it is instead of keeping its rows; set once, by the selection, before any row is chosen.
     */
    void markWhole(TableName table) {
        whole.add(table);
    }

    /** Whether every row of {@code table} is chosen. */
    boolean whole(TableScope table) {
        return whole.contains(table.name());
    }

    /** The foreign-key cycles among exported tables (a table referencing itself is one too). */
    List<Cycle> cycles() {
        return cycles;
    }

    /** The cycle {@code fk} runs inside, if both its tables belong to one. */
    Optional<Cycle> cycleOf(ForeignKey fk) {
        return cycles.stream().filter(c -> c.foreignKeys().contains(fk)).findFirst();
    }

    /**
     * Exported tables that reference each other in a circle, and the followed foreign keys between them; the
     * closure pulls in a cycle's rows with one recursive query, however long the chain in the data.
     */
    record Cycle(List<TableScope> tables, List<ForeignKey> foreignKeys) {
    }

    private static List<Cycle> cycles(LoadPlan plan, Map<TableName, TableScope> tables) {
        List<Cycle> cycles = new ArrayList<>();
        for (CyclePlan cycle : plan.cycles()) {
            List<TableScope> members = cycle.tables().stream().filter(tables::containsKey).map(tables::get).toList();
            List<ForeignKey> inside = members.stream().flatMap(t -> t.outgoing().stream())
                    .filter(fk -> cycle.tables().contains(fk.parent()) && tables.containsKey(fk.parent())).toList();
            if (!inside.isEmpty()) {
                cycles.add(new Cycle(members, inside));
            }
        }
        return List.copyOf(cycles);
    }

    private static TableScope tableScope(Table table, ExportOptions options, ColumnRules rules,
            Map<TableName, Set<String>> collatable, List<ForeignKey> followed) {
        TableName name = table.name();
        return new TableScope(table, c -> rules.excluded(name, c.name()), rules.masks(name),
                collatable.getOrDefault(name, Set.of()), options.limit(name), options.filters().get(name),
                followed.stream().filter(fk -> fk.child().equals(name)).toList());
    }

    private static Set<TableName> included(Schema schema, ExportOptions options) {
        Set<TableName> included = new TreeSet<>();
        for (Table table : schema.tables()) {
            TableName name = table.name();
            boolean named = options.includedTables().contains(name);
            if ((named || options.includedTables().isEmpty() && !MigrationHistory.isHistory(table))
                    && !options.excludedTables().contains(name)) {
                included.add(name);
            }
        }
        return included;
    }

    private static List<ForeignKey> followed(Schema schema, Set<TableName> included, ColumnRules rules,
            ExportOptions options) {
        List<ForeignKey> followed = new ArrayList<>();
        for (ForeignKey fk : schema.foreignKeys()) {
            if (!included.contains(fk.child()) || rules.switchedOff(fk)) {
                continue;
            }
            if (!included.contains(fk.parent())) {
                throw excludedParent(fk, options);
            }
            followed.add(fk);
        }
        return ForeignKey.distinctReferences(followed);
    }

    private static SeedException excludedParent(ForeignKey fk, ExportOptions options) {
        String columns = fk.childColumns().stream().map(c -> new ColumnRef(fk.child(), c).toString())
                .collect(Collectors.joining(", "));
        String way = fk.nullable()
                ? "Export " + fk.parent() + " too, or exclude the column(s) " + columns + " as well, so that they "
                        + "load as NULL."
                : "Its columns are NOT NULL, so every exported row of " + fk.child() + " would be an orphan. Export "
                        + fk.parent() + " too, or exclude " + fk.child() + " as well.";
        return new SeedException(SeedException.Code.CONFIGURATION, "Table " + fk.child() + " is exported, but its "
                + "foreign key " + fk + " references " + fk.parent() + ", which is not exported ("
                + notExported(options) + "). " + way);
    }

    private static void requireKnownTables(Schema schema, ExportOptions options) {
        Stream.of(options.includedTables().stream(), options.excludedTables().stream(),
                options.limits().keySet().stream(), options.filters().keySet().stream(),
                options.excludedColumns().stream().map(ColumnRef::table),
                options.masks().keySet().stream().map(ColumnRef::table))
                .flatMap(s -> s).sorted().filter(name -> schema.table(name).isEmpty()).findFirst()
                .ifPresent(name -> {
                    throw unknownTable(schema, name, options);
                });
    }

    private static SeedException unknownTable(Schema schema, TableName name, ExportOptions options) {
        List<String> similar = schema.tables().stream().map(Table::name)
                .filter(t -> t.name().equalsIgnoreCase(name.name())).map(TableName::toString).toList();
        return new SeedException(SeedException.Code.CONFIGURATION, "The export options name table " + name
                + ", which is not among the " + schema.tables().size() + " tables read from schemas "
                + schema.schemaNames() + (similar.isEmpty() ? "" : "; tables with a similar name: "
                        + String.join(", ", similar)) + ". Correct the name (bare names are folded to lower case; "
                + "double-quote names with capitals), or read its schema with " + options.name(ExportOption.SCHEMAS)
                + ".");
    }

    private static void requireExported(ExportOptions options, Set<TableName> included) {
        new TreeSet<>(options.includedTables()).stream().filter(options.excludedTables()::contains).findFirst()
                .ifPresent(t -> {
                    throw new SeedException(SeedException.Code.CONFIGURATION, "Table " + t + " is both in "
                            + options.name(ExportOption.INCLUDE_TABLES) + " and in "
                            + options.name(ExportOption.EXCLUDE_TABLES) + "; keep it in one of them.");
                });
        requireExported(ExportOption.TABLE_ROWS, options.limits().keySet(), included, options);
        requireExported(ExportOption.WHERE, options.filters().keySet(), included, options);
        requireExported(ExportOption.MASK, options.masks().keySet().stream().map(ColumnRef::table).toList(),
                included, options);
        requireExported(ExportOption.EXCLUDE_COLUMNS, options.excludedColumns().stream().map(ColumnRef::table)
                .toList(), included, options);
    }

    private static void requireExported(ExportOption option, Collection<TableName> named,
            Set<TableName> included, ExportOptions options) {
        new TreeSet<>(named).stream().filter(t -> !included.contains(t)).findFirst().ifPresent(t -> {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Option " + options.name(option) + " names "
                    + "table " + t + ", which is not exported (" + notExported(options) + "); drop the option, or "
                    + "export the table.");
        });
    }

    /** The options that leave tables out, as messages name them. */
    private static String notExported(ExportOptions options) {
        return options.name(ExportOption.EXCLUDE_TABLES) + " or " + options.name(ExportOption.INCLUDE_TABLES);
    }
}
