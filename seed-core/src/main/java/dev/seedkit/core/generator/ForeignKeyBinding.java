package dev.seedkit.core.generator;

import dev.seedkit.core.schema.ForeignKey;

/**
 * A foreign key of a table being compiled, before it becomes a {@link Reference}: its parent (a generated table's
 * plan, or the existing rows of one that is not generated), how it chooses parents, its share of NULLs, and whether
 * its choice already gives distinct parents (so a unique key over its columns holds).
 */
final class ForeignKeyBinding {

    final ForeignKey foreignKey;
    final TablePlan parentPlan;
    final ExistingRows existing;
    final long parentRows;
    /** The configured {@code parent:} mode, or null. */
    String mode;
    double skew = 2;
    double nullFraction;
    /** Where the configuration says something about this foreign key; null when it says nothing. */
    YamlNode node;
    ParentChoice choice;
    /** Whether the choice gives each row a different parent (or pair of parents with a partner key). */
    boolean distinct;
    /** Whether this is the foreign key the table's fan-out follows. */
    boolean group;
    Reference reference;

    ForeignKeyBinding(ForeignKey foreignKey, TablePlan parentPlan, ExistingRows existing) {
        this.foreignKey = foreignKey;
        this.parentPlan = parentPlan;
        this.existing = existing;
        this.parentRows = parentPlan != null ? parentPlan.rows() : existing.size();
    }

    @Override
    public String toString() {
        return foreignKey.toString();
    }
}
