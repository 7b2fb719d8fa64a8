package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GenerationReport;
import dev.seedkit.core.generator.GeneratorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code seedkit generate}: fills a database with synthetic data as a generator config (YAML) describes it. Unlike
 * the other commands, its {@code --config} is the generator config, not the settings file: the URL, role and
 * password still come from the flags, the environment, or a {@code seedkit.properties} next to the config file or
 * in the working directory. Otherwise it behaves as the others do (see {@link Subcommand}): one {@code error:} line
 * and an exit code per failure, {@code --json} for scripts.
 */
@Command(name = "generate", header = "Fill a database with synthetic data from a generator config.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fill the tables of a database with deterministic synthetic data, as a generator config",
                "(YAML) describes it: rows per table or per parent row with weighted tiers, id ranges,",
                "rules per column; everything else from the schema's types, keys and checks. The same",
                "config, seed and schema give the same data. One transaction: on failure nothing is",
                "written. Tables that hold rows are refused unless --replace. See docs/generator.md."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP,
                ExitCodes.VERIFY_HELP, ExitCodes.DATABASE_HELP, ExitCodes.CYCLE_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit generate --config seed/generator.yaml --url jdbc:postgresql://localhost:5432/demo",
                "  seedkit generate --config seed/generator.yaml --dry-run",
                "  seedkit generate --config seed/generator.yaml --seed 7 --scale 10 --replace --json"})
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    SeedkitCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The generator config (YAML).")
    String config;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--seed", paramLabel = "N", description = "Seed, instead of the config's (another seed: other "
            + "data of the same shape).")
    Long seed;

    @Option(names = "--scale", paramLabel = "FACTOR", description = "Multiply every table's rows (fan-outs follow "
            + "their parents; fixed tables keep theirs). Default 1.")
    Double scale;

    @Option(names = "--dry-run", description = "Print the load plan and the rows each table would get; write nothing.")
    boolean dryRun;

    @Option(names = "--replace", description = "Empty the generated tables first (TRUNCATE). Without it, tables "
            + "that hold rows are refused.")
    boolean replace;

    @Option(names = "--keep-triggers", description = "Never switch foreign-key triggers off "
            + "(session_replication_role); cycles then load deferred or NULL-then-UPDATE.")
    boolean keepTriggers;

    @Option(names = "--schema", split = ",", paramLabel = "SCHEMA", description = "Schemas to read, instead of the "
            + "config's schemas. Default: every user schema.")
    List<String> schemas;

    @Option(names = "--virtual-fk", paramLabel = "FK", description = "A reference the database does not declare, in "
            + "addition to the config's virtual-foreign-keys, e.g. "
            + "\"shop.orders(customer_ref) -> shop.customers(id)\".")
    List<String> virtualForeignKeys;

    @Option(names = "--json", description = "Print the result as one JSON document on standard output, for scripts.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces and Seedkit's log on errors.")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        Environment environment = root.environment();
        Output output = new Output(spec.name(), spec.commandLine().getOut(), spec.commandLine().getErr(), json,
                verbose, environment.interactive(), new Redaction());
        try {
            ConfigFile settingsFile = ConfigFile.find(environment, Optional.empty(), Optional.of(config),
                    spec.parent().subcommands().keySet());
            Settings settings = new Settings(environment, settingsFile, spec.name());
            settingsFile.file().ifPresent(file -> output.note("Using settings from " + file));
            return run(environment, settings, output);
        } catch (SeedException e) {
            return output.fail(ExitCodes.of(e.code()), e.code().name(), e.getMessage(), e);
        } catch (RuntimeException e) {
            return output.fail(ExitCodes.UNEXPECTED, "UNEXPECTED", "unexpected failure: " + e, e);
        } catch (OutOfMemoryError e) {
            return output.fail(ExitCodes.UNEXPECTED, "OUT_OF_MEMORY", "ran out of memory (" + e.getMessage()
                    + "). Give the JVM more, e.g. SEEDKIT_JAVA_OPTS=-Xmx2g, and run the command again.", e);
        }
    }

    private int run(Environment environment, Settings settings, Output output) {
        Path file = environment.resolve(config);
        GeneratorConfig generatorConfig = GeneratorConfig.load(file);
        Database database = Database.require(connection, settings, output.redaction(), output::warn,
                "generate writes into a database (and --dry-run reads its schema)");
        GenerationReport report;
        try (ProgressLines progress = new ProgressLines(output)) {
            DataGenerator generator = generator(generatorConfig, progress);
            if (!dryRun) {
                output.note("Generating from " + file + " into " + database.display() + " ...");
            }
            report = database.use(c -> dryRun ? generator.dryRun(c) : generator.generate(c));
        }
        if (dryRun) {
            output.line(report.plan());
        }
        output.line(report.render());
        output.result(true, ExitCodes.OK, json(report, file, database));
        return ExitCodes.OK;
    }

    private DataGenerator generator(GeneratorConfig generatorConfig, ProgressLines progress) {
        DataGenerator.Builder builder = DataGenerator.builder(generatorConfig).replace(replace)
                .triggersOffAllowed(!keepTriggers).progress(progress);
        if (seed != null) {
            builder.seed(seed);
        }
        if (scale != null) {
            if (!(scale > 0)) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "--scale must be a positive number, e.g. "
                        + "--scale 10 or --scale 0.5; got " + scale);
            }
            builder.scale(scale);
        }
        if (schemas != null) {
            builder.schemas(schemas.toArray(String[]::new));
        }
        if (virtualForeignKeys != null) {
            builder.virtualForeignKeys(virtualForeignKeys.toArray(String[]::new));
        }
        return builder.build();
    }

    private Map<String, Object> json(GenerationReport report, Path file, Database database) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", file.toString());
        result.put("database", database.display());
        result.put("seed", report.seed());
        result.put("dryRun", report.dryRun());
        result.put("triggersOff", report.triggersOff());
        result.put("rows", report.rows());
        result.put("millis", report.elapsed().toMillis());
        result.put("rowsPerSecond", Math.round(report.rowsPerSecond()));
        result.put("tables", report.tables().stream().map(t -> Map.of("table", t.table(), "rows", t.rows(),
                "millis", t.elapsed().toMillis())).toList());
        result.put("foreignKeys", report.foreignKeys().stream().map(c -> Map.of("name", c.name(), "reference",
                c.reference(), "orphans", c.orphans())).toList());
        result.put("idRanges", report.idRanges().stream().map(ids -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("table", ids.table());
            entry.put("column", ids.column());
            entry.put("configured", ids.configured());
            entry.put("min", ids.min());
            entry.put("max", ids.max());
            entry.put("inside", ids.inside());
            return entry;
        }).toList());
        result.put("tiers", report.tierShares().stream().map(t -> Map.of("table", t.table(), "tier", t.tier(),
                "configuredShare", t.configuredShare(), "rows", t.rows(), "share", t.share())).toList());
        result.put("fanOuts", report.fanOuts().stream().map(GenerateCommand::fanOut).toList());
        result.put("untouched", report.untouched());
        result.put("notes", report.notes());
        if (report.dryRun()) {
            result.put("plan", report.plan());
        }
        return result;
    }

    private static Map<String, Object> fanOut(GenerationReport.FanOut fanOut) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("table", fanOut.table());
        entry.put("parent", fanOut.parent());
        entry.put("tier", fanOut.tier());
        entry.put("configured", fanOut.configuredMin() + "-" + fanOut.configuredMax());
        entry.put("parents", fanOut.parents());
        entry.put("rows", fanOut.rows());
        entry.put("min", fanOut.min());
        entry.put("max", fanOut.max());
        entry.put("mean", Math.round(fanOut.mean() * 100) / 100.0);
        return entry;
    }

    /**
     * Generation progress as the command shows it: on a terminal a line redrawn as rows are written, elsewhere a line
     * per table written (so CI logs show where a run stopped).
     */
    private static final class ProgressLines implements DataGenerator.Progress, AutoCloseable {
        private final Output output;
        private Progress progress;

        ProgressLines(Output output) {
            this.output = output;
        }

        @Override
        public void update(Step step) {
            if (progress == null) {
                progress = output.progress(step.tables());
            }
            if (step.tableDone()) {
                progress.step(String.format(Locale.ROOT, "generated %s (%,d rows)", step.table(), step.written()));
            } else {
                progress.status(String.format(Locale.ROOT, "[%d/%d] generating %s: %,d of %,d rows (%d%% of all)",
                        step.tableNumber(), step.tables(), step.table(), step.written(), step.tableRows(),
                        step.totalRows() == 0 ? 100 : step.totalWritten() * 100 / step.totalRows()));
            }
        }

        @Override
        public void close() {
            if (progress != null) {
                progress.close();
            }
        }
    }
}
