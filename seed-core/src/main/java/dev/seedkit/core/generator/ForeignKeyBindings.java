package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the foreign keys of a table being compiled. Each column takes its values from one foreign key: the widest
 * one it belongs to (so {@code (project_id, assignee_id) -> project_members} decides {@code project_id}, and the
 * narrower {@code project_id -> projects} holds through the member row). Each key gets its parent choice from the
 * configuration ({@code parent:} and {@code null:} on any of its columns), from the fan-out it follows, or uniform.
 */
final class ForeignKeyBindings {

    private final GenerationModel.Context model;
    private final TablePlan plan;
    private final Map<String, RuleSpec> configured;

    ForeignKeyBindings(GenerationModel.Context model, TablePlan plan, Map<String, RuleSpec> configured) {
        this.model = model;
        this.plan = plan;
        this.configured = configured;
    }

    /** The binding that fills each foreign-key column, by column name. */
    Map<String, ForeignKeyBinding> bind() {
        Schema schema = model.schema();
        List<ForeignKey> keys = new ArrayList<>(schema.outgoing(plan.name()));
        schema.externalForeignKeys().stream().filter(fk -> fk.child().equals(plan.name())).forEach(keys::add);
        keys.sort(Comparator.comparingInt((ForeignKey fk) -> -fk.childColumns().size())
                .thenComparing(ForeignKey::name, Identifiers.BYTEWISE));
        Map<String, ForeignKeyBinding> owners = new LinkedHashMap<>();
        for (ForeignKey fk : keys) {
            if (owners.keySet().containsAll(fk.childColumns())) {
                continue; // holds through the wider key that fills its columns
            }
            ForeignKeyBinding binding = bind(fk);
            fk.childColumns().forEach(column -> owners.putIfAbsent(column, binding));
        }
        return owners;
    }

    private ForeignKeyBinding bind(ForeignKey fk) {
        TablePlan parent = model.plan(fk.parent());
        ForeignKeyBinding binding = new ForeignKeyBinding(fk, parent, parent == null
                ? model.existing(fk.parent(), fk.parentColumns()) : null);
        readConfiguration(binding);
        binding.group = fk.equals(plan.shape().perKey());
        binding.choice = choice(binding);
        if (binding.parentRows == 0) {
            if (!fk.insertableAsNull()) {
                throw model.error(plan.name() + " gets " + plan.rows() + " rows, each referencing a row of "
                        + fk.parent() + " through " + TableCompiler.describe(fk) + ", but " + fk.parent() + " has "
                        + "none and gets none; give it rows in the config, or fill it before generating");
            }
            binding.nullFraction = 1;
            binding.choice = row -> -1;
        }
        return binding;
    }

    private void readConfiguration(ForeignKeyBinding binding) {
        ForeignKey fk = binding.foreignKey;
        Double nulls = null;
        for (String column : fk.childColumns()) {
            RuleSpec rule = configured.get(column);
            if (rule == null) {
                continue;
            }
            if (rule.kind() != RuleSpec.Kind.PARENT && rule.kind() != RuleSpec.Kind.DEFAULT) {
                throw rule.whole().error(plan.name() + "." + Identifiers.display(column) + " belongs to "
                        + TableCompiler.describe(fk) + ", so its values come from rows of " + fk.parent()
                        + "; configure how they are chosen (parent: " + String.join(", ", ParentChoice.MODES)
                        + ") or how often they are NULL (null: 0.2) instead of " + rule.kind().key);
            }
            binding.node = rule.whole();
            if (rule.kind() == RuleSpec.Kind.PARENT) {
                String mode = rule.node().text();
                if (binding.mode != null && !binding.mode.equals(mode)) {
                    throw rule.node().error("the columns of " + TableCompiler.describe(fk) + " name two parent "
                            + "choices, " + binding.mode + " and " + mode + "; keep one");
                }
                binding.mode = mode;
                if (rule.whole().get("skew") != null) {
                    binding.skew = Scalars.number(rule.whole().get("skew")).doubleValue();
                }
            }
            if (rule.nullFraction() != null) {
                if (rule.nullFraction() > 0 && !fk.insertableAsNull()) {
                    throw rule.nullNode().error(TableCompiler.describe(fk) + " cannot be NULL: its columns are NOT "
                            + "NULL" + (fk.matchFull() ? " (MATCH FULL needs all of them nullable)" : ""));
                }
                nulls = rule.nullFraction();
            }
        }
        boolean structural = binding.mode != null && !binding.mode.equals("uniform") && !binding.mode.equals("skewed");
        binding.nullFraction = nulls != null ? nulls : fk.insertableAsNull() && !structural
                ? model.defaults().nullFraction() : 0;
    }

    private ParentChoice choice(ForeignKeyBinding binding) {
        ForeignKey fk = binding.foreignKey;
        if (binding.group) {
            if (binding.mode != null || binding.nullFraction > 0 && binding.node != null) {
                throw binding.node.error(TableCompiler.describe(fk) + " is the one " + plan.name() + " fans out "
                        + "along (per), so each row references its group's parent; remove parent and null");
            }
            binding.nullFraction = 0;
            return ParentChoice.groupParent();
        }
        Random64 random = Random64.of(model.seed(), plan.name().toString(), fk.name(), "#parent");
        long parents = Math.max(1, binding.parentRows);
        String mode = binding.mode == null ? "uniform" : binding.mode;
        return switch (mode) {
            case "skewed" -> ParentChoice.skewed(parents, binding.skew, random, new Permutation(parents,
                    Random64.key(model.seed(), plan.name().toString(), fk.name(), "#spread")));
            case "earlier" -> {
                requireSelfReference(binding, mode);
                yield ParentChoice.earlier(fk.insertableAsNull(), random);
            }
            case "tree" -> {
                requireSelfReference(binding, mode);
                if (!fk.insertableAsNull()) {
                    throw binding.node.error("parent: tree leaves the root of each tree without a parent, but "
                            + TableCompiler.describe(fk) + " is NOT NULL");
                }
                yield ParentChoice.tree();
            }
            case "first-child" -> firstChild(binding);
            default -> ParentChoice.uniform(parents, random);
        };
    }

    private void requireSelfReference(ForeignKeyBinding binding, String mode) {
        if (!binding.foreignKey.selfReference()) {
            throw binding.node.error("parent: " + mode + " applies to a table that references itself, but "
                    + TableCompiler.describe(binding.foreignKey) + " references another table");
        }
    }

    private ParentChoice firstChild(ForeignKeyBinding binding) {
        TablePlan children = binding.parentPlan;
        if (children == null || !children.shape().isFanOut() || !children.shape().parent().name().equals(
                plan.name())) {
            throw binding.node.error("parent: first-child needs " + binding.foreignKey.parent() + " to be a fan-out "
                    + "of " + plan.name() + " (per: " + plan.name() + " in its config), so that each row of "
                    + plan.name() + " has rows of its own there");
        }
        if (!binding.foreignKey.insertableAsNull() && children.shape().minCount() == 0) {
            throw binding.node.error("parent: first-child needs at least one row of " + children.name() + " for each "
                    + "row of " + plan.name() + " (its count starts at 0) because " + TableCompiler.describe(
                    binding.foreignKey) + " is NOT NULL; make the count start at 1");
        }
        return ParentChoice.firstChild(children.shape());
    }
}
