package dev.seedkit.core.importer;

/**
 * The importer's options as its error messages name them, as {@link dev.seedkit.core.exporter.ExportOption} does
 * for the exporter. Java callers read the names of the {@link SnapshotImporter.Builder} methods
 * ({@code force(true)}); a front end with its own words passes {@link Names} to
 * {@link SnapshotImporter#builder(Names)}, so that a command line says {@code --force}.
 */
public enum ImportOption {

    /** {@link SnapshotImporter.Builder#force(boolean)}. */
    FORCE("force(true)"),
    /** {@link SnapshotImporter.Builder#mode(ImportMode)} with {@link ImportMode#REPLACE}. */
    MODE_REPLACE("mode(ImportMode.REPLACE)"),
    /**
     * How an import loads with {@code session_replication_role = replica}: by
     * {@link SnapshotImporter.Builder#triggersOffAllowed(boolean)}, given a role that may set it.
     */
    REPLICA_ROLE("triggersOffAllowed(true), the default, with a role that may set it");

    private final String apiName;

    ImportOption(String apiName) {
        this.apiName = apiName;
    }

    /** The name in the Java API, e.g. {@code force(true)}. */
    public String apiName() {
        return apiName;
    }

    /** How messages name each option, e.g. {@code option -> "--force"} for a command line. */
    @FunctionalInterface
    public interface Names {

        /** The Java API's names ({@link ImportOption#apiName()}): the default. */
        Names JAVA_API = ImportOption::apiName;

        /** The name of {@code option} in messages. */
        String of(ImportOption option);
    }
}
