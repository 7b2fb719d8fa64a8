package dev.seedkit.core.importer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The importer's options as its error messages name them. Java callers read the {@link SnapshotImporter.Builder}
 * calls ({@code naturalKey("public.users", "email")}); a front end with words of its own passes {@link Names} to
 * {@link SnapshotImporter#builder(Names)}, so that a command line says {@code --natural-key public.users=email}
 * while every message keeps one implementation, here in the importer.
 */
public enum ImportOption {

    /** {@link SnapshotImporter.Builder#naturalKey(String, String...)}; arguments: the table, then its columns. */
    NATURAL_KEY,
    /** {@link SnapshotImporter.Builder#freshIds(boolean)}, switched on. */
    FRESH_IDS,
    /** {@link SnapshotImporter.Builder#tables(List)}; no arguments. */
    TABLES,
    /** {@link SnapshotImporter.Builder#mode(ImportMode)}; argument: the mode's name. */
    MODE;

    /** How messages name an option, given its arguments. */
    @FunctionalInterface
    public interface Names {

        /**
         * The Java API's words: {@code naturalKey("public.users", "email")}, {@code freshIds(true)},
         * {@code tables(...)}, {@code ImportMode.UPSERT}.
         */
        Names JAVA_API = (option, arguments) -> switch (option) {
            case NATURAL_KEY -> "naturalKey(" + arguments.stream().map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(", ")) + ")";
            case FRESH_IDS -> "freshIds(true)";
            case TABLES -> "tables(...)";
            case MODE -> "ImportMode." + arguments.get(0);
        };

        /** The name of {@code option} with {@code arguments}, as messages print it. */
        String of(ImportOption option, List<String> arguments);

        /** {@link #of(ImportOption, List)} with the arguments listed. */
        default String of(ImportOption option, String... arguments) {
            return of(option, List.of(arguments));
        }
    }
}
