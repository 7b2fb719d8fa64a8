package dev.seedkit.core.generator;

import dev.seedkit.core.schema.ForeignKey;

/**
 * One foreign key of a generated table as the generator fills it: which parent row each child row takes
 * ({@link ParentChoice}), how often the reference is NULL, and where the parent's key comes from: a generated table
 * (read through a {@link Row} view, so nothing is kept in memory) or a table whose existing rows are used
 * ({@link ExistingRows}).
 */
final class Reference {

    private final int id;
    private final ForeignKey foreignKey;
    private final TablePlan parent;
    private final ExistingRows existing;
    private final ParentChoice choice;
    private final double nullFraction;
    private final Random64 nulls;

    Reference(int id, ForeignKey foreignKey, TablePlan parent, ExistingRows existing, ParentChoice choice,
            double nullFraction, Random64 nulls) {
        this.id = id;
        this.foreignKey = foreignKey;
        this.parent = parent;
        this.existing = existing;
        this.choice = choice;
        this.nullFraction = nullFraction;
        this.nulls = nulls;
    }

    int id() {
        return id;
    }

    ForeignKey foreignKey() {
        return foreignKey;
    }

    /** The generated parent table; null when the parent's existing rows are used. */
    TablePlan parent() {
        return parent;
    }

    ExistingRows existing() {
        return existing;
    }

    /** Whether {@code row} leaves the reference NULL (its nullable columns). */
    boolean decideNull(Row row) {
        return nullFraction > 0 && nulls.at(row.index()).chance(nullFraction);
    }

    /** The parent row for {@code row}, or -1 when none can be taken. */
    long choose(Row row) {
        return choice.choose(row);
    }

    double nullFraction() {
        return nullFraction;
    }

    @Override
    public String toString() {
        return foreignKey.toString();
    }
}
