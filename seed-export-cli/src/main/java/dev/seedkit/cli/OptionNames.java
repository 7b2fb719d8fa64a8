package dev.seedkit.cli;

import dev.seedkit.core.importer.ImportOption;
import dev.seedkit.core.schema.PlanOption;

/**
 * How the core's messages name the importer's and the load plan's options here: as the command line's options,
 * so that an error says {@code --force} where a Java caller reads {@code force(true)}. The exporter's are in
 * {@link ExportOptions#optionName}.
 */
final class OptionNames {

    private OptionNames() {
    }

    static String of(ImportOption option) {
        return switch (option) {
            case FORCE -> "--force";
            case MODE_REPLACE -> "--mode replace";
            case REPLICA_ROLE -> "run the import as such a role (it switches to replica by itself when it may)";
        };
    }

    static String of(PlanOption option) {
        return switch (option) {
            case ALLOW_REPLICA_ROLE -> "--allow-replica-role";
        };
    }
}
