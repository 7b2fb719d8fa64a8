package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order in which the tables of a {@link Schema} can be loaded so that every foreign key holds: parents before
 * children, and for each foreign-key cycle a {@link CyclePlan} saying how to get around it.
 *
 * <p>Tables are grouped into strongly connected components (a cycle of tables, or one table); components are
 * ordered by <em>phase</em> (0: depends on nothing; n: depends on phases below n only), then by their first table's
 * name, and the tables of a cycle by the order its plan chose. Self-references never raise a table's phase. The
 * same schema always gives the same plan. A cycle that nothing can break (NOT NULL, non-deferrable foreign keys
 * all the way round) fails the build with {@link SeedException.Code#UNLOADABLE_CYCLE}, unless
 * {@link Builder#allowReplicaRole(boolean)} was set.
 *
 * <p>Immutable and safe to share; build it once per schema. {@link #toText()}, {@link #toMermaid()} and
 * {@link #toDot()} print it for people.
 */
public final class LoadPlan {

    private final Schema schema;
    private final boolean replicaRoleAllowed;
    private final List<LoadStep> steps;
    private final List<CyclePlan> cycles;
    private final Map<TableName, LoadStep> stepsByTable;

    private LoadPlan(Schema schema, boolean replicaRoleAllowed, PlanOption.Names names) {
        this.schema = schema;
        this.replicaRoleAllowed = replicaRoleAllowed;
        LoadPlanner planner = new LoadPlanner(schema, replicaRoleAllowed, names).plan();
        this.steps = List.copyOf(planner.steps);
        this.cycles = List.copyOf(planner.cycles);
        this.stepsByTable = steps.stream().collect(Collectors.toUnmodifiableMap(LoadStep::table, Function.identity()));
    }

    /**
     * The plan for {@code schema}.
     *
     * @throws SeedException {@link SeedException.Code#UNLOADABLE_CYCLE} naming each cycle that cannot be loaded,
     *         its constraints, and the ways out
     */
    public static LoadPlan of(Schema schema) {
        return builder(schema).build();
    }

    /** A builder, for plans with options. */
    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    public Schema schema() {
        return schema;
    }

    /** Whether the plan was built with {@link Builder#allowReplicaRole(boolean)}. */
    public boolean replicaRoleAllowed() {
        return replicaRoleAllowed;
    }

    /** One step per table, in load order. */
    public List<LoadStep> steps() {
        return steps;
    }

    /** The tables in load order. */
    public List<TableName> tables() {
        return steps.stream().map(LoadStep::table).collect(Collectors.toUnmodifiableList());
    }

    /** The step of {@code table}, if it is part of the schema. */
    public Optional<LoadStep> step(TableName table) {
        return Optional.ofNullable(stepsByTable.get(table));
    }

    /** The tables of each phase, phase 0 first, each in load order. */
    public List<List<TableName>> phases() {
        List<List<TableName>> phases = new ArrayList<>();
        for (LoadStep step : steps) {
            if (phases.size() <= step.phase()) {
                phases.add(new ArrayList<>());
            }
            phases.get(step.phase()).add(step.table());
        }
        return phases.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
    }

    /** The cycles, numbered 1, 2, ... in load order. */
    public List<CyclePlan> cycles() {
        return cycles;
    }

    /**
     * The plan as a text table (order, phase, table, depends on, strategy) followed by each cycle's explanation,
     * like a migration tool's status table.
     */
    public String toText() {
        return PlanText.of(this);
    }

    /**
     * The graph as a Mermaid {@code flowchart}: an arrow from each child to its parent, labelled with the
     * constraint; cycles as subgraphs with their edges in red, dashed where the load sets the edge aside.
     */
    public String toMermaid() {
        return PlanDiagrams.mermaid(this);
    }

    /** The same graph as {@link #toMermaid()} in Graphviz DOT. */
    public String toDot() {
        return PlanDiagrams.dot(this);
    }

    @Override
    public String toString() {
        return "LoadPlan of " + steps.size() + " tables in " + phases().size() + " phases with " + cycles.size()
                + " cycles";
    }

    /** Options for a {@link LoadPlan}. */
    public static final class Builder {
        private final Schema schema;
        private boolean allowReplicaRole;
        private PlanOption.Names names = PlanOption.Names.JAVA_API;

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /**
         * Whether a cycle that nothing else can break loads with {@code session_replication_role = replica}
         * ({@link CycleStrategy#REPLICA_ROLE}) instead of failing the build. Off by default: that mode switches
         * off every foreign-key check and needs a superuser or a role granted {@code SET} on the parameter.
         */
        public Builder allowReplicaRole(boolean allow) {
            this.allowReplicaRole = allow;
            return this;
        }

        /**
         * How the error of an unloadable cycle names the options; default the Java API's. For a front end with words
         * of its own, such as a command line ({@code --allow-replica-role}).
         */
        public Builder names(PlanOption.Names optionNames) {
            this.names = Objects.requireNonNull(optionNames, "optionNames");
            return this;
        }

        /** @throws SeedException {@link SeedException.Code#UNLOADABLE_CYCLE}, see {@link LoadPlan#of(Schema)} */
        public LoadPlan build() {
            return new LoadPlan(schema, allowReplicaRole, names);
        }
    }
}
