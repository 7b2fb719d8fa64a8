package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one generated table: binds its foreign keys ({@link ForeignKeyBindings}), makes every unique key hold
 * by construction ({@link UniqueKeys}), then gives every column its rule: the referenced key for foreign-key
 * columns, the configured rule, or the default. Checks that the configuration names only columns the table has,
 * that no rule reads a generated column, and that no two columns read each other.
 */
final class TableCompiler {

    private final GenerationModel.Context model;
    private final TablePlan plan;
    private final TableSpec spec;
    private final Map<String, ColumnFacts> facts;
    private final Map<String, RuleSpec> configured = new LinkedHashMap<>();
    private final Set<String> distinct = new HashSet<>();
    private final Map<String, Set<String>> reads = new HashMap<>();
    private Map<String, ForeignKeyBinding> owners;

    TableCompiler(GenerationModel.Context model, TablePlan plan, TableSpec spec) {
        this.model = model;
        this.plan = plan;
        this.spec = spec;
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int i = 0; i < plan.columnCount(); i++) {
            types.put(plan.column(i).name(), plan.type(i));
        }
        this.facts = ColumnFacts.of(model.catalog().checks(plan.name()), types);
    }

    void compile() {
        checkConfiguredColumns();
        ForeignKeyBindings bindings = new ForeignKeyBindings(model, plan, configured);
        owners = bindings.bind();
        new UniqueKeys(model, plan, owners, configured, distinct).enforce();
        for (ForeignKeyBinding binding : new LinkedHashSet<>(owners.values())) {
            binding.reference = plan.addReference(binding.foreignKey, binding.parentPlan, binding.existing,
                    binding.choice, binding.nullFraction, Random64.of(model.seed(), plan.name().toString(),
                            binding.foreignKey.name(), "#null"));
        }
        IdColumn ids = IdColumn.of(spec, plan, owners.keySet());
        for (int i = 0; i < plan.columnCount(); i++) {
            compileColumn(i, ids);
        }
        requireNoCircularReads();
        noteUnderstoodChecks();
    }

    private void checkConfiguredColumns() {
        if (spec == null) {
            return;
        }
        for (Map.Entry<String, RuleSpec> entry : spec.columns().entrySet()) {
            String name = entry.getKey();
            int index = plan.columnIndex(name);
            if (index < 0) {
                throw entry.getValue().whole().error(plan.name() + " has no column " + Identifiers.display(name)
                        + "; its columns are " + columnList());
            }
            if (plan.column(index).generated()) {
                throw entry.getValue().whole().error(plan.name() + "." + Identifiers.display(name) + " is computed by "
                        + "the database (GENERATED ALWAYS AS ...), so it cannot be given values; remove its rule");
            }
            configured.put(name, entry.getValue());
        }
    }

    private void compileColumn(int index, IdColumn ids) {
        Column column = plan.column(index);
        if (column.generated()) {
            plan.rule(index, null, false);
            return;
        }
        ForeignKeyBinding owner = owners.get(column.name());
        if (owner != null) {
            int position = owner.foreignKey.childColumns().indexOf(column.name());
            String parentColumn = owner.foreignKey.parentColumns().get(position);
            int parentIndex = owner.parentPlan != null ? owner.parentPlan.columnIndex(parentColumn)
                    : owner.existing.columns().indexOf(parentColumn);
            plan.rule(index, new ReferenceRule(owner.reference, parentIndex, column.nullable()), true);
            return;
        }
        ColumnContext context = new ColumnContext(plan, index, plan.type(index), facts.get(column.name()),
                model.seed(), model.defaults(), model.fakerLocale(), distinct.contains(column.name()),
                ids.start(index), (name, node) -> resolve(column.name(), name, node));
        RuleSpec rule = configured.get(column.name());
        Rule compiled = rule != null ? RuleCompiler.compile(rule, context, "rule") : DefaultRules.of(context, true);
        if (compiled != null && context.distinct() && !compiled.distinctPerRow()) {
            compiled = distinctVersion(compiled, context, rule);
        }
        ids.check(index, compiled, rule);
        plan.rule(index, compiled, compiled != null);
    }

    private Rule distinctVersion(Rule rule, ColumnContext context, RuleSpec configuredRule) {
        if (context.type().family() == ColumnType.Family.TEXT) {
            return new TextRules.DistinctSuffix(rule, context.type().maxLength());
        }
        throw configuredRule.whole().error(context.describe() + " carries a unique key, so its values must differ "
                + "row by row, which this rule does not promise; use a sequence, or a pattern with {n}");
    }

    /** Resolves a name read by a rule of column {@code reader}: a column, or {@code fk_column.parent_column}. */
    private ValueRef resolve(String reader, String name, YamlNode node) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            int index = plan.columnIndex(name);
            if (index < 0) {
                throw node.error(plan.name() + " has no column " + Identifiers.display(name) + " (read by "
                        + Identifiers.display(reader) + "); its columns are " + columnList());
            }
            if (index == plan.columnIndex(reader)) {
                throw node.error(Identifiers.display(reader) + " cannot read its own value");
            }
            reads.computeIfAbsent(reader, k -> new HashSet<>()).add(name);
            return ValueRef.sameRow(index, plan.type(index));
        }
        String via = name.substring(0, dot);
        String column = name.substring(dot + 1);
        ForeignKeyBinding binding = owners.get(via);
        if (binding == null || binding.parentPlan == null) {
            throw node.error("'" + name + "' reads through " + Identifiers.display(via) + ", which is not a foreign "
                    + "key column of " + plan.name() + " to a generated table; its foreign-key columns are "
                    + String.join(", ", owners.keySet()));
        }
        int index = binding.parentPlan.columnIndex(column);
        if (index < 0) {
            throw node.error(binding.parentPlan.name() + " has no column " + Identifiers.display(column));
        }
        return ValueRef.throughParent(binding.reference, index, binding.parentPlan.type(index));
    }

    private void requireNoCircularReads() {
        for (String start : reads.keySet()) {
            List<String> path = new ArrayList<>();
            if (cycleFrom(start, start, path, new HashSet<>())) {
                throw configured.get(start).whole().error("columns of " + plan.name() + " read each other in a "
                        + "circle: " + start + " -> " + String.join(" -> ", path) + "; one of them needs a rule "
                        + "of its own");
            }
        }
    }

    private boolean cycleFrom(String start, String current, List<String> path, Set<String> seen) {
        for (String next : reads.getOrDefault(current, Set.of())) {
            path.add(next);
            if (next.equals(start) || (seen.add(next) && cycleFrom(start, next, path, seen))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** Notes checks the generator could not read that constrain columns left to defaults. */
    private void noteUnderstoodChecks() {
        facts.forEach((column, fact) -> {
            if (!fact.notUnderstood.isEmpty() && !configured.containsKey(column) && !owners.containsKey(column)) {
                plan.notes().add(plan.name() + "." + Identifiers.display(column) + " has a check the generator does "
                        + "not understand (" + String.join("; ", fact.notUnderstood) + "): its default values may "
                        + "break it; give the column a rule");
            }
        });
    }

    private String columnList() {
        List<String> names = new ArrayList<>();
        plan.table().columns().stream().sorted(Comparator.comparingInt(Column::position))
                .forEach(c -> names.add(Identifiers.display(c.name())));
        return String.join(", ", names);
    }

    /** Keys of the table with their columns, including the partial and expression unique indexes. */
    static List<List<String>> uniqueColumnSets(TablePlan plan, TypeCatalog catalog) {
        List<List<String>> keys = new ArrayList<>();
        for (UniqueKey key : plan.table().keys()) {
            keys.add(key.columns());
        }
        Set<String> names = new LinkedHashSet<>();
        plan.table().columns().forEach(c -> names.add(c.name()));
        for (TypeCatalog.ExtraUnique index : catalog.extraUnique(plan.name())) {
            Set<String> columns = new LinkedHashSet<>();
            for (String part : index.columns()) {
                columns.addAll(names.contains(part) ? List.of(part) : ColumnFacts.mentioned(part, names));
            }
            if (!columns.isEmpty()) {
                keys.add(List.copyOf(columns));
            }
        }
        return keys;
    }

    /** For messages: the foreign key's name and reference. */
    static String describe(ForeignKey foreignKey) {
        return foreignKey.virtual() ? "virtual foreign key " + foreignKey.reference() : "foreign key "
                + foreignKey.name() + " (" + foreignKey.reference() + ")";
    }
}
