package dev.seedkit.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's default values for seedkit's options: an option left off the command line takes its environment
 * variable (for the few that have one), else its key in the settings file ({@code command.key}, then {@code key}),
 * as {@link Settings#defaultValue} reads them. picocli asks after it has parsed the command line, so the settings
 * file is found from {@code --config} and {@code --snapshot} as given. A settings file that cannot be read is
 * reported by the command when it runs ({@link Subcommand#call()}), with its exit code, not as a parse error.
 *
 * <p>Two kinds of option are read by the commands with {@link Settings} instead: negatable flags, because picocli
 * turns {@code --no-data} into {@code true} when the default is {@code true}; and lists of entries (below).
 */
final class SettingsDefaults implements IDefaultValueProvider {

    /** The environment variables of options, by settings key. */
    static final Map<String, String> VARIABLES = Map.of(
            Database.Keys.MAIN.url(), Database.Keys.MAIN.urlVariable(),
            Database.Keys.MAIN.user(), Database.Keys.MAIN.userVariable(),
            Database.Keys.TARGET.url(), Database.Keys.TARGET.urlVariable(),
            Database.Keys.TARGET.user(), Database.Keys.TARGET.userVariable(),
            "snapshot", Subcommand.SNAPSHOT_VARIABLE,
            "fixture-version", ExportOptions.FIXTURE_VERSION_VARIABLE);

    /**
     * Keys whose file value lists entries separated by {@code ;} while the option takes one entry per flag (an
     * entry may hold a comma): a default value cannot give picocli several values for such an option, so the
     * commands read these with {@link Settings#list}.
     */
    static final Set<String> ENTRY_LISTS = Set.of("virtual-fk", "rows", "where", "mask");

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !(arg.command().userObject() instanceof Subcommand command)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^--", "");
        if (!ConfigFile.KEYS.contains(key) || ENTRY_LISTS.contains(key) || option.negatable()) {
            return null;
        }
        Optional<Settings> settings = command.settingsWhileParsing();
        return settings.flatMap(s -> s.defaultValue(key, VARIABLES.get(key), option)).orElse(null);
    }
}
