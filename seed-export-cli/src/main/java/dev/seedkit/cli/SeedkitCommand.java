package dev.seedkit.cli;

import dev.seedkit.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code seedkit} command: a root with one subcommand per task, each a {@code Callable<Integer>} returning its
 * exit code. Run it from {@link Main}, or in-process:
 *
 * <pre>{@code
 * int exitCode = new CommandLine(new SeedkitCommand()).execute("verify", "--snapshot", "fixtures/demo");
 * }</pre>
 *
 * <p>{@link #commandLine()} adds the short form of option errors (one line and a pointer to {@code --help}
 * instead of the whole usage) that {@link Main} uses.
 */
@Command(name = "seedkit", mixinStandardHelpOptions = true, versionProvider = SeedkitCommand.Version.class,
        usageHelpAutoWidth = true,
        description = {"Referentially intact PostgreSQL test data: export, refresh, import, verify, plan",
                "and diff snapshots; generate synthetic data.",
                "A snapshot is a directory with manifest.json and one .tsv file per table;",
                "a folder of hand-written .csv, .tsv or .yml fixtures reads as one too."},
        subcommands = {ExportCommand.class, RefreshCommand.class, ImportCommand.class, VerifyCommand.class,
                PlanCommand.class, DiffCommand.class, GenerateCommand.class, AdoptCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP,
                ExitCodes.DRIFT_HELP, ExitCodes.VERIFY_HELP, ExitCodes.DATABASE_HELP, ExitCodes.CYCLE_HELP,
                ExitCodes.DRY_RUN_HELP},
        footerHeading = "%nSettings:%n",
        footer = {"  Options come from, in this order: the command line; $SEEDKIT_URL,",
                "  $SEEDKIT_USER, $SEEDKIT_SNAPSHOT; a settings file: --config FILE, else",
                "  seedkit.properties or .seedkit.properties next to the snapshot directory,",
                "  else in the current directory. Its keys mirror the long options:",
                "  url=..., snapshot=..., import.mode=upsert; several values separated by",
                "  ';' (rows=shop.orders=500;shop.customers=50). The password comes from",
                "  --password-env VAR, $SEEDKIT_PASSWORD, $PGPASSWORD, ~/.pgpass (or",
                "  $PGPASSFILE), or a prompt on a terminal; never from a flag.",
                "",
                "Examples:",
                "  seedkit export --url jdbc:postgresql://localhost:5432/demo --user demo \\",
                "      --snapshot src/test/resources/fixtures/demo --rows-per-table 50",
                "  seedkit refresh --target-url jdbc:postgresql://localhost:5432/scratch",
                "  seedkit import --url jdbc:postgresql://localhost:5432/app_test \\",
                "      --user app --snapshot src/test/resources/fixtures/demo",
                "  seedkit verify --snapshot src/test/resources/fixtures/demo",
                "  seedkit plan --url jdbc:postgresql://localhost:5432/demo --format mermaid",
                "  seedkit diff /tmp/demo-before src/test/resources/fixtures/demo",
                "  seedkit generate --config seed/generator.yaml --url jdbc:postgresql://localhost:5432/demo",
                "  seedkit help import"})
public final class SeedkitCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    /** The command in this process's environment (variables, working directory, terminal). */
    public SeedkitCommand() {
        this(Environment.system());
    }

    SeedkitCommand(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A command line for {@code seedkit}, with short option errors; what {@link Main} runs. */
    public static CommandLine commandLine() {
        return commandLine(Environment.system());
    }

    static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new SeedkitCommand(environment));
        commandLine.setParameterExceptionHandler(SeedkitCommand::shortUsageError);
        return commandLine;
    }

    Environment environment() {
        return environment;
    }

    /** {@code seedkit} alone: the usage, and the usage-error exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** One line saying what is wrong, suggestions for a mistyped option, and where to find help. */
    private static int shortUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + PostgresUrl.redact(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code seedkit --version}: the version the jar was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SeedkitCommand.class.getPackage().getImplementationVersion();
            return new String[] {"seedkit " + (version != null ? version : "(development build)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
