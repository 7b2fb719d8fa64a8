package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Location;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command's view of its settings, each resolved in the same order: the flag, then the environment variable
 * (for the few settings that have one), then the settings file ({@code command.key}, then {@code key}), then the
 * command's default. picocli fills options from here ({@link SettingsDefaults}); lists of entries and the
 * snapshot named by a command's arguments are read here directly. A command made of others ({@code refresh}
 * exports) also reads their sections of the file ({@code refresh.key}, then {@code export.key}, then {@code key}).
 */
final class Settings {

    /** How a settings file separates the names of a list: by commas or semicolons. */
    private static final String NAMES = "[;,]";

    private final Environment environment;
    private final ConfigFile config;
    private final List<String> commands;

    Settings(Environment environment, ConfigFile config, String command) {
        this(environment, config, List.of(command));
    }

    /** Settings read from the sections of {@code commands} in the settings file, first match wins. */
    Settings(Environment environment, ConfigFile config, List<String> commands) {
        this.environment = environment;
        this.config = config;
        this.commands = List.copyOf(commands);
    }

    Environment environment() {
        return environment;
    }

    ConfigFile config() {
        return config;
    }

    /**
     * The default of option {@code key} when the command line leaves it off ({@link SettingsDefaults}): the
     * environment variable {@code variable} (may be null), else the file's key, in the form picocli converts: a
     * path against the working directory or the file, or a comma-separated list.
     */
    Optional<String> defaultValue(String key, String variable, OptionSpec option) {
        if (key.equals("snapshot")) {
            return path(key, null, variable);
        }
        if (option.isMultiValue()) {
            return config.get(commands, key).map(value -> String.join(",", split(value, NAMES)));
        }
        Optional<String> fromEnvironment = variable == null ? Optional.empty() : environment.variable(variable);
        return fromEnvironment.isPresent() ? fromEnvironment : config.get(commands, key);
    }

    /**
     * A path from the flag, else {@code variable}, else the file: flag and variable relative to the working
     * directory, the file's value relative to the file.
     */
    Optional<String> path(String key, String flag, String variable) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(location(flag));
        }
        Optional<String> fromEnvironment = variable == null ? Optional.empty() : environment.variable(variable);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.map(this::location);
        }
        return config.get(commands, key).map(config::resolve);
    }

    /** {@code flag} if given, else the file's {@code true}/{@code false}, else {@code fallback}. */
    boolean flag(String key, Boolean flag, boolean fallback) {
        if (flag != null) {
            return flag;
        }
        return config.get(commands, key).map(value -> parseBoolean(key, value)).orElse(fallback);
    }

    /** The flag's values if any were given, else the file's value split at {@code separator} (a regex). */
    List<String> list(String key, List<String> flags, String separator) {
        if (flags != null && !flags.isEmpty()) {
            return List.copyOf(flags);
        }
        return config.get(commands, key).map(value -> split(value, separator)).orElse(List.of());
    }

    /**
     * A snapshot location the user typed: {@code classpath:...} as is, a path (optionally {@code file:path})
     * against the working directory.
     */
    String location(String value) {
        Location parsed = Location.parse(value);
        return parsed.onClasspath() ? value : environment.resolve(parsed.path().toString()).toString();
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    private boolean parseBoolean(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new SeedException(SeedException.Code.CONFIGURATION, "Key '" + key + "' in "
                    + config.describe() + " must be true or false, found '" + value + "'.");
        };
    }
}
