package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.snapshot.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seedkit import}: loads a snapshot into a database and prints what it did per table. */
@Command(name = "import", defaultValueProvider = SettingsDefaults.class,
        header = "Import a snapshot into a database.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Import a snapshot into a database: in load-plan order, in one transaction, at COPY speed.",
                "Importing the same snapshot again is a no-op unless --force is given. The snapshot may be a",
                "directory, a .tar.gz or .zip archive, or classpath:... With --natural-key, rows are matched",
                "to the database's by business key and references rewritten; --dry-run rolls everything back."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP,
                ExitCodes.DRIFT_HELP, ExitCodes.VERIFY_HELP, ExitCodes.DATABASE_HELP, ExitCodes.CYCLE_HELP,
                ExitCodes.DRY_RUN_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit import --url jdbc:postgresql://localhost:5432/test --user app \\",
                "      --snapshot src/test/resources/fixtures/demo",
                "  SEEDKIT_PASSWORD=... seedkit import --replace --tables shop.orders --verify",
                "  seedkit import --snapshot demo.tar.gz --natural-key public.users=email --dry-run",
                "  seedkit import            # url, user and snapshot from seedkit.properties"})
final class ImportCommand extends Subcommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SnapshotOptions snapshotOptions;

    @Option(names = "--mode", paramLabel = "MODE", description = "What to do with rows already in the database: "
            + "insert-missing (default: add new rows, leave existing ones), upsert (also update existing rows), "
            + "replace (empty the snapshot's tables first).")
    String mode;

    @Option(names = "--replace", description = "Same as --mode replace.")
    boolean replace;

    @Option(names = {"-t", "--tables"}, split = ",", paramLabel = "TABLE", description = "Import only these tables "
            + "(schema.table, or a bare name when unambiguous), with every row, plus the parent rows they reference.")
    List<String> tables;

    @Option(names = "--force", negatable = true, description = "Import even if the database records this snapshot "
            + "as applied already.")
    Boolean force;

    @Option(names = "--verify", negatable = true, description = "Also check row counts and every foreign key in "
            + "the import's transaction, and roll back on a problem.")
    Boolean verify;

    @Mixin
    NaturalKeyOptions naturalKeyOptions;

    @Option(names = "--fresh-ids", negatable = true, description = "Give every new row of a table with a natural "
            + "key a fresh id after the database's own (its id comes from a sequence), not only the rows whose id "
            + "the database uses already.")
    Boolean freshIds;

    @Option(names = "--dry-run", negatable = true, description = "Do everything, check everything, then roll "
            + "back: print what would change. Exit code 0 when nothing would, " + ExitCodes.DRY_RUN_CHANGES
            + " when rows would be inserted or updated.")
    Boolean dryRun;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return hintFrom(snapshotOptions, environment);
    }

    @Override
    int run() {
        ImportMode importMode = mode();
        boolean dry = settings.flag("dry-run", dryRun, false);
        SnapshotImporter.Builder builder = SnapshotImporter.builder(OptionNames::of).mode(importMode)
                .tables(values(tables)).force(settings.flag("force", force, false))
                .verify(settings.flag("verify", verify, false)).freshIds(settings.flag("fresh-ids", freshIds, false))
                .dryRun(dry);
        naturalKeyOptions.resolve(settings).forEach((table, columns) -> builder.naturalKey(table,
                columns.toArray(String[]::new)));
        Database database = database(connection, "import needs the database to load the snapshot into");
        String location = snapshotLocation(snapshotOptions);
        try (Snapshot snapshot = open(location)) {
            output.note("Importing " + snapshot + " into " + database.display() + " as " + database.user()
                    + " (mode " + importMode + (dry ? ", dry run" : "") + ")");
            ImportReport report;
            try (ImportProgressLine progress = progressLine()) {
                SnapshotImporter importer = progress == null ? builder.build() : builder.progress(progress).build();
                report = database.use(c -> importer.importInto(c, snapshot));
            }
            printReport(report, location, database);
            int exitCode = report.dryRun() && report.changes() ? ExitCodes.DRY_RUN_CHANGES : ExitCodes.OK;
            output.result(true, exitCode, JsonResults.imported(report, location, database.display()));
            return exitCode;
        }
    }

    /** The progress line on a terminal, unless the output is JSON; null otherwise. */
    private ImportProgressLine progressLine() {
        if (!root.environment().interactive() || common.json) {
            return null;
        }
        return new ImportProgressLine(spec.commandLine().getErr(), output.redaction(), System::nanoTime);
    }

    private void printReport(ImportReport report, String location, Database database) {
        if (report.alreadyApplied()) {
            output.line(report.render().strip() + "; --force imports it again.");
            return;
        }
        output.line((report.dryRun() ? "Dry run of importing " : "Imported ") + report.fixtureVersion() + " from "
                + location + " into " + database.display() + " (mode " + JsonResults.modeName(report)
                + (report.dryRun() ? "; rolled back, nothing changed" : "") + ")");
        output.line(report.render());
    }

    private ImportMode mode() {
        boolean modeGiven = spec.commandLine().getParseResult().hasMatchedOption("--mode");
        if (replace && modeGiven && parseMode(mode) != ImportMode.REPLACE) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--replace means --mode replace, but --mode "
                    + mode + " was given too; pass one of them.");
        }
        if (replace) {
            return ImportMode.REPLACE;
        }
        return mode == null ? ImportMode.INSERT_MISSING : parseMode(mode);
    }

    /** {@code insert-missing}, {@code upsert}, {@code replace}, in any case, with {@code -} or {@code _}. */
    static ImportMode parseMode(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ImportMode candidate : ImportMode.values()) {
            if (candidate != ImportMode.DEFAULT && candidate.name().equals(name)) {
                return candidate;
            }
        }
        throw new SeedException(SeedException.Code.CONFIGURATION, "Unknown import mode '" + text + "'; use "
                + "insert-missing, upsert or replace.");
    }
}
