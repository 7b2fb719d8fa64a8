package dev.seedkit.core.importer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The importer's options as its error messages name them, as {@link dev.seedkit.core.exporter.ExportOption} does
 * for the exporter. Java callers read the {@link SnapshotImporter.Builder} calls ({@code force(true)},
 * {@code naturalKey("public.users", "email")}); a front end with words of its own passes {@link Names} to
 * {@link SnapshotImporter#builder(Names)}, so that a command line says {@code --force} or
 * {@code --natural-key public.users=email} while every message keeps one implementation, here in the importer.
 */
public enum ImportOption {

    /** {@link SnapshotImporter.Builder#force(boolean)}, switched on; no arguments. */
    FORCE,
    /** {@link SnapshotImporter.Builder#mode(ImportMode)}; argument: the mode's name. */
    MODE,
    /**
     * How an import loads with {@code session_replication_role = replica}: by
     * {@link SnapshotImporter.Builder#triggersOffAllowed(boolean)}, given a role that may set it; no arguments.
     */
    REPLICA_ROLE,
    /** {@link SnapshotImporter.Builder#naturalKey(String, String...)}; arguments: the table, then its columns. */
    NATURAL_KEY,
    /** {@link SnapshotImporter.Builder#freshIds(boolean)}, switched on; no arguments. */
    FRESH_IDS,
    /** {@link SnapshotImporter.Builder#tables(List)}; no arguments. */
    TABLES;

    /** How messages name an option, given its arguments. */
    @FunctionalInterface
    public interface Names {

        /**
         * The Java API's words: {@code force(true)}, {@code mode(ImportMode.UPSERT)},
         * {@code naturalKey("public.users", "email")}, {@code freshIds(true)}, {@code tables(...)}.
         */
        Names JAVA_API = (option, arguments) -> switch (option) {
            case FORCE -> "force(true)";
            case MODE -> "mode(ImportMode." + arguments.get(0) + ")";
            case REPLICA_ROLE -> "triggersOffAllowed(true), the default, with a role that may set it";
            case NATURAL_KEY -> "naturalKey(" + arguments.stream().map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(", ")) + ")";
            case FRESH_IDS -> "freshIds(true)";
            case TABLES -> "tables(...)";
        };

        /** The name of {@code option} with {@code arguments}, as messages print it. */
        String of(ImportOption option, List<String> arguments);

        /** {@link #of(ImportOption, List)} with the arguments listed. */
        default String of(ImportOption option, String... arguments) {
            return of(option, List.of(arguments));
        }
    }
}
