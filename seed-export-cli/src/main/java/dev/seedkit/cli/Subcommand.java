package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every {@code seedkit} subcommand shares: the common options, its settings and output, and one place that
 * turns failures into an {@code error:} line and an exit code ({@link ExitCodes}), so that the same happens
 * whether the command runs from {@link Main} or in a test through {@code new CommandLine(...).execute(...)}.
 */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    SeedkitCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** The command's output; set when it runs. */
    Output output;

    /** The environment variable naming the snapshot. */
    static final String SNAPSHOT_VARIABLE = "SEEDKIT_SNAPSHOT";

    /** The command's settings; read while picocli parses ({@link SettingsDefaults}), or when it runs. */
    Settings settings;

    /** Why the settings could not be read, reported when the command runs. */
    private SeedException settingsFailure;

    @Override
    public final Integer call() {
        Environment environment = root.environment();
        output = new Output(spec.name(), spec.commandLine().getOut(), spec.commandLine().getErr(), common.json,
                common.verbose, environment.interactive(), new Redaction());
        try {
            settingsWhileParsing();
            if (settingsFailure != null) {
                throw settingsFailure;
            }
            settings.config().file().ifPresent(file -> output.note("Using settings from " + file));
            return run();
        } catch (SeedException e) {
            return output.fail(ExitCodes.of(e.code()), e.code().name(), e.getMessage(), e);
        } catch (RuntimeException e) {
            return output.fail(ExitCodes.UNEXPECTED, "UNEXPECTED", "unexpected failure: " + e, e);
        } catch (OutOfMemoryError e) {
            return output.fail(ExitCodes.UNEXPECTED, "OUT_OF_MEMORY", "ran out of memory (" + e.getMessage()
                    + ", maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB). Give the JVM "
                    + "more, e.g. SEEDKIT_JAVA_OPTS=-Xmx2g, and run the command again.", e);
        } finally {
            settings = null;
            settingsFailure = null;
        }
    }

    /**
     * The settings, read once per run: first when picocli asks {@link SettingsDefaults} for the default of an
     * option the command line left off (the options given are parsed by then), else when the command runs. Empty
     * when the settings file cannot be read; the command then reports why.
     */
    Optional<Settings> settingsWhileParsing() {
        if (settings == null && settingsFailure == null) {
            Environment environment = root.environment();
            try {
                ConfigFile config = ConfigFile.find(environment, Optional.ofNullable(common.config),
                        snapshotHint(environment), spec.parent().subcommands().keySet());
                settings = new Settings(environment, config, settingsSections());
            } catch (SeedException e) {
                settingsFailure = e;
            }
        }
        return Optional.ofNullable(settings);
    }

    /** Does the work, once settings and output are in place; returns the exit code. */
    abstract int run();

    /** The sections of the settings file this command reads, first match wins: its own ({@code import.mode}). */
    List<String> settingsSections() {
        return List.of(spec.name());
    }

    /** The snapshot named by flag or environment, so the settings file next to it can be found. */
    Optional<String> snapshotHint(Environment environment) {
        return Optional.empty();
    }

    /** The values of a list option, none when it was not given (nor by environment or settings file). */
    static List<String> values(List<String> option) {
        return option == null ? List.of() : List.copyOf(option);
    }

    /** The snapshot hint from {@code options} or {@code SEEDKIT_SNAPSHOT}. */
    static Optional<String> hintFrom(SnapshotOptions options, Environment environment) {
        return Optional.ofNullable(options.snapshot).or(() -> environment.variable(SNAPSHOT_VARIABLE));
    }

    /** The snapshot location from flag, environment or settings file; a usage error when there is none. */
    String snapshotLocation(SnapshotOptions options) {
        return settings.path("snapshot", options.snapshot, SNAPSHOT_VARIABLE).orElseThrow(() -> new SeedException(
                SeedException.Code.CONFIGURATION, "No snapshot given. Pass --snapshot DIR, set SEEDKIT_SNAPSHOT, or "
                + "put snapshot=DIR in seedkit.properties."));
    }

    /** Opens the snapshot at {@code location} (a directory or {@code classpath:folder}). */
    static Snapshot open(String location) {
        return SnapshotLocation.of(location).open();
    }

    /** The database from the connection options, or a usage error saying {@code why} one is needed. */
    Database database(ConnectionOptions options, String why) {
        return Database.require(options, settings, output.redaction(), output::warn, why);
    }

    /** The database from the connection options, if one is configured. */
    Optional<Database> optionalDatabase(ConnectionOptions options) {
        return Database.resolve(options, settings, output.redaction(), output::warn);
    }
}
