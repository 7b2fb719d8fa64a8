package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every unique key of a table (primary key, unique constraints, unique indexes, partial and expression ones
 * too) hold by construction rather than by luck:
 * <ul>
 *   <li>a key with a column of its own (not a foreign key) gets that column made distinct: a sequence, numbered
 *       text, a UUID, or a configured text rule with the row number added;</li>
 *   <li>a key that is one foreign key takes distinct parents (a permutation of the parent rows), or, in a fan-out
 *       along it, at most one row per parent;</li>
 *   <li>a key of two foreign keys takes distinct pairs: within each fan-out group the second key steps through
 *       its parents, otherwise rows take distinct pairs of parents (a permutation of all pairs).</li>
 * </ul>
 * Keys that cannot be made to hold (more rows than distinct parents or pairs, counts above one for a one-to-one key)
 * are configuration errors that say how many rows would fit.
 */
final class UniqueKeys {

    private final GenerationModel.Context model;
    private final TablePlan plan;
    private final Map<String, ForeignKeyBinding> owners;
    private final Map<String, RuleSpec> configured;
    private final Set<String> distinct;

    UniqueKeys(GenerationModel.Context model, TablePlan plan, Map<String, ForeignKeyBinding> owners,
            Map<String, RuleSpec> configured, Set<String> distinct) {
        this.model = model;
        this.plan = plan;
        this.owners = owners;
        this.configured = configured;
        this.distinct = distinct;
    }

    void enforce() {
        if (plan.rows() <= 1) {
            return;
        }
        Set<Set<String>> seen = new HashSet<>();
        for (List<String> key : TableCompiler.uniqueColumnSets(plan, model.catalog())) {
            if (seen.add(new HashSet<>(key)) && !holds(key)) {
                enforce(key);
            }
        }
    }

    private boolean holds(List<String> key) {
        for (String column : key) {
            ForeignKeyBinding owner = owners.get(column);
            if (distinct.contains(column) || (owner != null && owner.distinct
                    && key.containsAll(owner.foreignKey.childColumns()))) {
                return true;
            }
        }
        return false;
    }

    private void enforce(List<String> key) {
        List<String> own = key.stream().filter(c -> !owners.containsKey(c)).toList();
        String unconfigured = own.stream().filter(c -> !configured.containsKey(c)).findFirst().orElse(null);
        String text = own.stream().filter(c -> plan.type(plan.columnIndex(c)).family()
                == ColumnType.Family.TEXT).findFirst().orElse(null);
        List<ForeignKeyBinding> keys = distinctOwners(key);
        if (unconfigured != null || text != null) {
            distinct.add(unconfigured != null ? unconfigured : text);
        } else if (keys.size() == 1) {
            oneToOne(keys.get(0), key);
        } else if (keys.size() > 1) {
            pairs(keys.get(0), keys.get(1), key);
        } else if (!own.isEmpty()) {
            distinct.add(own.get(0)); // its configured rule must give distinct values; TableCompiler checks
        } else {
            throw model.error("unique key " + columns(key) + " of " + plan.name() + " has no column the generator "
                    + "can make distinct");
        }
    }

    private List<ForeignKeyBinding> distinctOwners(List<String> key) {
        Set<ForeignKeyBinding> bindings = new LinkedHashSet<>();
        key.stream().map(owners::get).filter(b -> b != null).forEach(bindings::add);
        List<ForeignKeyBinding> ordered = new ArrayList<>();
        bindings.stream().filter(b -> b.group).forEach(ordered::add);
        bindings.stream().filter(b -> !b.group).forEach(ordered::add);
        return ordered;
    }

    /** One foreign key is the key: every row a different parent. */
    private void oneToOne(ForeignKeyBinding binding, List<String> key) {
        if (binding.group) {
            if (plan.shape().maxCount() > 1) {
                throw model.error(plan.name() + " fans out along " + TableCompiler.describe(binding.foreignKey)
                        + " with up to " + plan.shape().maxCount() + " rows per parent, but unique key "
                        + columns(key) + " allows one row per parent; make its count 0-1 or 1");
            }
            binding.distinct = true;
            return;
        }
        requireFreeChoice(binding, key);
        if (plan.rows() > binding.parentRows) {
            throw model.error(plan.name() + " gets " + plan.rows() + " rows, but its unique key " + columns(key)
                    + " lets each row of " + binding.foreignKey.parent() + " (" + binding.parentRows + " rows) be "
                    + "referenced once; generate at most " + binding.parentRows + " rows, or more of "
                    + binding.foreignKey.parent());
        }
        binding.choice = ParentChoice.distinct(new Permutation(Math.max(1, binding.parentRows),
                Random64.key(model.seed(), plan.name().toString(), binding.foreignKey.name(), "#distinct")));
        binding.distinct = true;
    }

    /** Two foreign keys make the key: distinct pairs. */
    private void pairs(ForeignKeyBinding first, ForeignKeyBinding second, List<String> key) {
        requireFreeChoice(second, key);
        if (first.group) {
            if (plan.shape().maxCount() > second.parentRows) {
                throw model.error(plan.name() + " fans out with up to " + plan.shape().maxCount() + " rows per "
                        + first.foreignKey.parent() + " row, but unique key " + columns(key) + " needs a different "
                        + second.foreignKey.parent() + " row for each, and it has " + second.parentRows
                        + "; lower the count");
            }
            second.choice = ParentChoice.distinctInGroup(Math.max(1, second.parentRows), Random64.of(model.seed(),
                    plan.name().toString(), second.foreignKey.name(), "#stride"));
            second.distinct = true;
            first.distinct = true;
            return;
        }
        requireFreeChoice(first, key);
        long pairs = Math.multiplyHigh(first.parentRows, second.parentRows) != 0 ? Long.MAX_VALUE
                : first.parentRows * second.parentRows;
        if (plan.rows() > pairs) {
            throw model.error(plan.name() + " gets " + plan.rows() + " rows, but its unique key " + columns(key)
                    + " allows only " + pairs + " distinct pairs of " + first.foreignKey.parent() + " and "
                    + second.foreignKey.parent() + " rows; generate fewer");
        }
        ParentChoice[] choices = ParentChoice.distinctPairs(new Permutation(Math.max(1, pairs), Random64.key(
                model.seed(), plan.name().toString(), first.foreignKey.name(), second.foreignKey.name(), "#pairs")),
                Math.max(1, second.parentRows));
        first.choice = choices[0];
        second.choice = choices[1];
        first.distinct = true;
        second.distinct = true;
    }

    private void requireFreeChoice(ForeignKeyBinding binding, List<String> key) {
        if (binding.mode != null && !binding.mode.equals("uniform")) {
            throw binding.node.error(TableCompiler.describe(binding.foreignKey) + " is part of unique key "
                    + columns(key) + " of " + plan.name() + ", so the generator picks distinct parents for it; "
                    + "remove parent: " + binding.mode);
        }
    }

    private static String columns(List<String> key) {
        return "(" + String.join(", ", key.stream().map(Identifiers::display).toList()) + ")";
    }
}
