package dev.seedkit.cli;

import dev.seedkit.core.importer.ImportOption;
import dev.seedkit.core.schema.PlanOption;
import java.util.List;
import java.util.Locale;

/**
 * How the core's messages name the importer's and the load plan's options here: as the command line's options,
 * so that an error says {@code --force} where a Java caller reads {@code force(true)}. The exporter's are in
 * {@link ExportOptions#optionName}.
 */
final class OptionNames {

    private OptionNames() {
    }

    static String of(ImportOption option, List<String> arguments) {
        return switch (option) {
            case FORCE -> "--force";
            case MODE -> "--mode " + arguments.get(0).toLowerCase(Locale.ROOT).replace('_', '-');
            case REPLICA_ROLE -> "run the import as such a role (it switches to replica by itself when it may)";
            case NATURAL_KEY -> "--natural-key " + arguments.get(0) + "="
                    + String.join(",", arguments.subList(1, arguments.size()));
            case FRESH_IDS -> "--fresh-ids";
            case TABLES -> "--tables";
        };
    }

    static String of(PlanOption option) {
        return switch (option) {
            case ALLOW_REPLICA_ROLE -> "--allow-replica-role";
        };
    }
}
