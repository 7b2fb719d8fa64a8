package dev.seedkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How one foreign-key cycle loads: its tables (a strongly connected component of the graph, or one table that
 * references itself), the {@link CycleStrategy}, and exactly which of its foreign keys each part of the strategy
 * applies to. Every foreign key between the cycle's tables is in {@link #foreignKeys()}; each one that the load
 * order does not already satisfy is in exactly one of {@link #deferred()}, {@link #updatedAfterInsert()},
 * {@link #parentsFirst()} or {@link #unchecked()} (all empty for {@link CycleStrategy#REPLICA_ROLE}).
 */
public final class CyclePlan {

    private final int number;
    private final CycleStrategy strategy;
    private final List<TableName> tables;
    private final List<ForeignKey> foreignKeys;
    private final Resolutions resolutions;
    private final String explanation;

    CyclePlan(int number, CycleStrategy strategy, List<TableName> tables, List<ForeignKey> foreignKeys,
            Resolutions resolutions, String explanation) {
        this.number = number;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.tables = List.copyOf(tables);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.resolutions = resolutions;
        this.explanation = Objects.requireNonNull(explanation, "explanation");
    }

    /** The cycle's number in its plan (1, 2, ...), in load order; printed plans refer to it. */
    public int number() {
        return number;
    }

    public CycleStrategy strategy() {
        return strategy;
    }

    /** The cycle's tables in the order to load them (parents first once the broken foreign keys are set aside). */
    public List<TableName> tables() {
        return tables;
    }

    /** Every foreign key between the cycle's tables, self-references included. */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** Deferrable foreign keys to defer ({@code SET CONSTRAINTS ... DEFERRED}) while the cycle loads. */
    public List<ForeignKey> deferred() {
        return resolutions.deferred;
    }

    /**
     * Foreign keys whose {@link ForeignKey#columnsToNull()} are inserted as NULL and then updated to their real
     * values once every row of the cycle is in.
     */
    public List<ForeignKey> updatedAfterInsert() {
        return resolutions.updated;
    }

    /** Self-references satisfied by inserting the table's rows parents first. */
    public List<ForeignKey> parentsFirst() {
        return resolutions.parentsFirst;
    }

    /** Virtual foreign keys left out of the order: the database does not check them. */
    public List<ForeignKey> unchecked() {
        return resolutions.unchecked;
    }

    /** Whether the load order leaves this foreign key to the strategy (it is in one of the lists above). */
    public boolean broken(ForeignKey foreignKey) {
        return resolutions.deferred.contains(foreignKey) || resolutions.updated.contains(foreignKey)
                || resolutions.parentsFirst.contains(foreignKey) || resolutions.unchecked.contains(foreignKey);
    }

    /** One or two sentences saying why this strategy and what the loader does, naming tables and constraints. */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return "cycle " + number + " " + strategy + ": " + explanation;
    }

    /** Which foreign keys the strategy handles, and how. */
    static final class Resolutions {
        static final Resolutions NONE = new Resolutions(List.of(), List.of(), List.of(), List.of());

        final List<ForeignKey> deferred;
        final List<ForeignKey> updated;
        final List<ForeignKey> parentsFirst;
        final List<ForeignKey> unchecked;

        Resolutions(List<ForeignKey> deferred, List<ForeignKey> updated, List<ForeignKey> parentsFirst,
                List<ForeignKey> unchecked) {
            this.deferred = sorted(deferred);
            this.updated = sorted(updated);
            this.parentsFirst = sorted(parentsFirst);
            this.unchecked = sorted(unchecked);
        }

        private static List<ForeignKey> sorted(List<ForeignKey> foreignKeys) {
            return foreignKeys.stream().sorted(Schema.FOREIGN_KEY_ORDER).collect(Collectors.toUnmodifiableList());
        }
    }
}
