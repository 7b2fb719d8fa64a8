package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's settings file, {@code seedkit.properties} (or {@code .seedkit.properties}), so that commands need no
 * flags in a configured project. Keys mirror the long options ({@code url}, {@code snapshot}, {@code mode}...); a
 * key prefixed with a command name ({@code import.mode}) applies to that command only and wins over the plain key.
 * Relative paths in it are relative to the file's directory. A password is refused: name its variable instead
 * ({@code password-env}) or use {@code ~/.pgpass}.
 */
final class ConfigFile {

    /** The file names looked for, in order. */
    static final List<String> NAMES = List.of("seedkit.properties", ".seedkit.properties");

    /** Every key a settings file may hold (optionally prefixed with a command name). */
    static final Set<String> KEYS = Set.of("url", "user", "password-env", "snapshot", "mode", "tables", "force",
            "verify", "virtual-fk", "schema", "format", "allow-replica-role", "expect-version", "data",
            "rows-per-table", "rows", "where", "include-table", "exclude-table", "exclude-column", "mask",
            "masking-secret-env", "fixture-version", "target-url", "target-user", "target-password-env", "import");

    /** Keys that would hold a secret, refused with a pointer to the key that names its variable instead. */
    private static final Set<String> SECRETS = Set.of("password", "target-password", "masking-secret");

    private static final ConfigFile NONE = new ConfigFile(null, new Properties());

    private final Path file;
    private final Properties properties;

    private ConfigFile(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** No settings file. */
    static ConfigFile none() {
        return NONE;
    }

    /**
     * The settings file to use: {@code explicit} (from {@code --config}) if given, else the first of {@link #NAMES}
     * next to the snapshot directory {@code snapshotHint}, else in the working directory; none if there is none.
     */
    static ConfigFile find(Environment environment, Optional<String> explicit, Optional<String> snapshotHint,
            Set<String> commands) {
        if (explicit.isPresent()) {
            Path file = environment.resolve(explicit.get());
            if (!Files.isRegularFile(file)) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Settings file " + file + " (from "
                        + "--config) does not exist; fix the path, or leave --config out to use seedkit.properties.");
            }
            return load(file, commands);
        }
        List<Path> directories = new ArrayList<>();
        snapshotHint.map(Location::parse).filter(hint -> !hint.onClasspath())
                .map(hint -> environment.resolve(hint.path().toString()).getParent()).ifPresent(directories::add);
        directories.add(environment.workingDirectory());
        for (Path directory : directories) {
            for (String name : NAMES) {
                Path file = directory.resolve(name);
                if (Files.isRegularFile(file)) {
                    return load(file, commands);
                }
            }
        }
        return none();
    }

    /** Reads {@code file} and checks its keys; {@code commands} are the names a key may be prefixed with. */
    static ConfigFile load(Path file, Set<String> commands) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Could not read settings file " + file + ": "
                    + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            check(file, key, commands);
        }
        return new ConfigFile(file, properties);
    }

    /** The settings file, if one is used. */
    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The value of {@code command.key}, else of {@code key}; blank values count as absent. */
    Optional<String> get(String command, String key) {
        return get(List.of(command), key);
    }

    /** The value of the first {@code command.key} of {@code commands} that is set, else of {@code key}. */
    Optional<String> get(List<String> commands, String key) {
        for (String command : commands) {
            String value = properties.getProperty(command + "." + key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Resolves a path from this file against its directory. */
    String resolve(String path) {
        Location location = Location.parse(path);
        if (file == null || location.onClasspath()) {
            return path;
        }
        return file.toAbsolutePath().getParent().resolve(location.path()).normalize().toString();
    }

    /** {@code the settings file X} for messages. */
    String describe() {
        return file == null ? "no settings file" : "settings file " + file;
    }

    private static void check(Path file, String key, Set<String> commands) {
        int dot = key.indexOf('.');
        String bare = dot >= 0 && commands.contains(key.substring(0, dot)) ? key.substring(dot + 1) : key;
        if (SECRETS.contains(bare)) {
            String instead = bare.equals("masking-secret")
                    ? "masking-secret-env=VARIABLE or $SEEDKIT_MASKING_SECRET"
                    : bare + "-env=VARIABLE, $SEEDKIT_PASSWORD, $PGPASSWORD or ~/.pgpass";
            throw new SeedException(SeedException.Code.CONFIGURATION, "Settings file " + file + " holds a "
                    + (bare.equals("masking-secret") ? "secret" : "password") + " ('" + key + "'), which seedkit "
                    + "refuses to read from a file that is likely committed. Remove it and use " + instead
                    + " instead.");
        }
        if (!KEYS.contains(bare)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Settings file " + file + " has unknown key '"
                    + key + "'. Known keys: " + String.join(", ", new TreeSet<>(KEYS)) + ", each optionally "
                    + "prefixed with a command name (" + String.join(", ", new TreeSet<>(commands)) + "), e.g. "
                    + "import.mode.");
        }
    }
}
