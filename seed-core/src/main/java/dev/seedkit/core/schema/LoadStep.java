package dev.seedkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table's place in a {@link LoadPlan}: its position, its phase, the tables it needs first, and the cycle it
 * belongs to, if any.
 */
public final class LoadStep {

    private final int order;
    private final int phase;
    private final TableName table;
    private final List<TableName> dependsOn;
    private final CyclePlan cycle;

    LoadStep(int order, int phase, TableName table, List<TableName> dependsOn, CyclePlan cycle) {
        this.order = order;
        this.phase = phase;
        this.table = Objects.requireNonNull(table, "table");
        this.dependsOn = List.copyOf(dependsOn);
        this.cycle = cycle;
    }

    /** 1-based position in the load order. */
    public int order() {
        return order;
    }

    /**
     * 0 for a table that depends on no other table (self-references and its own cycle aside), otherwise one more
     * than the highest phase it depends on. Tables of one phase do not depend on each other across cycles, so an
     * importer may load them in parallel.
     */
    public int phase() {
        return phase;
    }

    public TableName table() {
        return table;
    }

    /** The other tables this one references (its foreign keys' parents, itself excluded), by name. */
    public List<TableName> dependsOn() {
        return dependsOn;
    }

    /** The cycle this table is part of (including a self-reference), if any. */
    public Optional<CyclePlan> cycle() {
        return Optional.ofNullable(cycle);
    }

    @Override
    public String toString() {
        return order + ". " + table + " (phase " + phase + ")";
    }
}
