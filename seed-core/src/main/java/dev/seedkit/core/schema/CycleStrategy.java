package dev.seedkit.core.schema;

/**
 * How the tables of a foreign-key cycle get loaded, chosen by {@link LoadPlan} from the properties of the
 * cycle's foreign keys. A {@link CyclePlan} lists exactly which foreign keys each step applies to.
 */
public enum CycleStrategy {
    /**
     * A table references itself: its rows are inserted parents first (a row after the row it references), which
     * the importer and exporter take care of. See {@link CyclePlan#parentsFirst()}.
     */
    PARENTS_FIRST,
    /**
     * The cycle is broken only by deferrable foreign keys: load its tables in one transaction after
     * {@code SET CONSTRAINTS ... DEFERRED} for {@link CyclePlan#deferred()}; the database checks them at commit.
     */
    DEFERRED,
    /**
     * Some foreign keys of the cycle are inserted as NULL and updated to their real values once every row of the
     * cycle is in ({@link CyclePlan#updatedAfterInsert()}); any deferrable ones it relies on are deferred as with
     * {@link #DEFERRED}.
     */
    NULL_THEN_UPDATE,
    /**
     * The cycle closes only through virtual foreign keys, which the database does not check: the tables load in
     * the planned order with nothing special.
     */
    VIRTUAL_ONLY,
    /**
     * Nothing can break the cycle (NOT NULL, non-deferrable foreign keys), and the caller opted in to loading it
     * with {@code session_replication_role = replica}, which switches foreign-key triggers off. Needs a superuser
     * or a role granted {@code SET} on that parameter; the data has to be consistent by itself.
     */
    REPLICA_ROLE
}
