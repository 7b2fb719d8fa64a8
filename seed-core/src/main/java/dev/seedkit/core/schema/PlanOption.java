package dev.seedkit.core.schema;

/**
 * The load plan's options as its error messages name them, as {@link dev.seedkit.core.exporter.ExportOption}
 * does for the exporter: Java callers read {@link LoadPlan.Builder} calls, a front end passes {@link Names} to
 * {@link LoadPlan.Builder#names(Names)}, so that a command line says {@code --allow-replica-role}.
 */
public enum PlanOption {

    /** {@link LoadPlan.Builder#allowReplicaRole(boolean)}. */
    ALLOW_REPLICA_ROLE("LoadPlan.builder(schema).allowReplicaRole(true).build()");

    private final String apiName;

    PlanOption(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the Java API. */
    public String apiName() {
        return apiName;
    }

    /** How messages name each option. */
    @FunctionalInterface
    public interface Names {

        /** The Java API's names ({@link PlanOption#apiName()}): the default. */
        Names JAVA_API = PlanOption::apiName;

        /** The name of {@code option} in messages. */
        String of(PlanOption option);
    }
}
