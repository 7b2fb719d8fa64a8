package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.importer.SnapshotVerifier;
import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotDiff;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seedkit refresh}: the workflow teams run most. Exports a new snapshot next to the committed one, checks its
 * files, shows what changed, imports it into a scratch database and verifies every row and foreign key there, and
 * only then swaps it in. If any step fails, the committed snapshot is untouched and the exit code says which kind of
 * failure stopped it.
 */
@Command(name = "refresh", defaultValueProvider = SettingsDefaults.class,
        header = "Export, import, verify, then replace a snapshot.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Refresh a snapshot from the demo database in one go: export it next to the",
                "current one, check its checksums, show what changed, import it into a scratch",
                "database (--target-url, mode replace) and verify its rows and foreign keys",
                "there; only then replace the snapshot directory. If any step fails, the",
                "current snapshot is left byte for byte as it was. Takes every option of",
                "export; settings-file keys prefixed with export. apply to refresh too."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP,
                ExitCodes.DRIFT_HELP, ExitCodes.VERIFY_HELP, ExitCodes.DATABASE_HELP, ExitCodes.CYCLE_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit refresh --url jdbc:postgresql://staging:5432/demo --user demo \\",
                "      --snapshot src/test/resources/fixtures/demo \\",
                "      --fixture-version 2024-06-demo-4 \\",
                "      --target-url jdbc:postgresql://localhost:5432/scratch --target-user app",
                "  seedkit refresh --no-import --rows-per-table 20 --json",
                "  seedkit refresh           # everything from seedkit.properties"})
final class RefreshCommand extends Subcommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SnapshotOptions snapshotOptions;

    @Mixin
    ExportOptions exportOptions;

    @Mixin
    NaturalKeyOptions naturalKeyOptions;

    @Option(names = "--target-url", paramLabel = "JDBC_URL", description = "The scratch database to import the "
            + "new snapshot into, with the current schema; its snapshot tables are emptied. Default: "
            + "$SEEDKIT_TARGET_URL, else 'target-url' in the settings file.")
    String targetUrl;

    @Option(names = "--target-user", paramLabel = "ROLE", description = "Role for the target database. Default: "
            + "$SEEDKIT_TARGET_USER, else 'target-user' in the settings file, else the system user.")
    String targetUser;

    @Option(names = "--target-password-env", paramLabel = "VAR", description = "Name of the environment variable "
            + "holding the target's password. Default sources as for --password-env.")
    String targetPasswordEnv;

    @Option(names = "--import", negatable = true, description = "Import into the target and verify there "
            + "(default); --no-import only exports, checks the files and shows the diff.")
    Boolean importAndVerify;

    private StagedSnapshot staged;

    @Override
    List<String> settingsSections() {
        return List.of("refresh", "export");
    }

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return hintFrom(snapshotOptions, environment);
    }

    @Override
    int run() {
        SnapshotExporter exporter = exportOptions.exporter(settings, output);
        List<VirtualForeignKey> virtualKeys = exportOptions.virtualForeignKeys(settings);
        Database source = database(connection, "refresh exports the new snapshot from a database");
        Optional<Database> target = settings.flag("import", importAndVerify, true) ? Optional.of(target(source))
                : Optional.empty();
        Path directory = ExportCommand.directory(snapshotLocation(snapshotOptions));
        Map<String, Object> result = new LinkedHashMap<>();
        try (StagedSnapshot next = StagedSnapshot.next(directory)) {
            staged = next;
            ExportReport report = step("exporting from " + source.display(), () -> export(exporter, source));
            result.putAll(JsonResults.export(report, next.target().toString(), source.display()));
            check(target, virtualKeys, result);
            result.put("replaced", replace(report));
        }
        output.result(true, ExitCodes.OK, result);
        return ExitCodes.OK;
    }

    /** Checks the new snapshot's files, shows the diff, imports it into the target and verifies it there. */
    private void check(Optional<Database> target, List<VirtualForeignKey> virtualKeys, Map<String, Object> result) {
        try (Snapshot fresh = step("checking the new snapshot's files", this::openAndCheck)) {
            result.put("diff", diff(fresh));
            result.put("import", target.map(db -> step("importing into " + db.display(),
                    () -> importAndVerify(db, fresh, virtualKeys))).orElse(null));
            if (target.isEmpty()) {
                output.line("Not imported anywhere (--no-import): rows and foreign keys were not verified.");
            }
        }
    }

    /** Swaps the new snapshot in; whether there was one before. */
    private boolean replace(ExportReport report) {
        boolean replacing = staged.replacesOne();
        step("replacing " + staged.target(), () -> {
            staged.commit();
            return null;
        });
        output.line((replacing ? "Replaced " : "Created ") + staged.target() + " with "
                + report.manifest().fixtureVersion() + " (" + report.tables().size() + " tables, " + report.rows()
                + " rows)");
        return replacing;
    }

    /** The database to import into: required unless {@code --no-import}, and never the one exported from. */
    private Database target(Database source) {
        ConnectionOptions options = new ConnectionOptions();
        options.url = targetUrl;
        options.user = targetUser;
        options.passwordEnv = targetPasswordEnv;
        Database target = Database.resolve(options, Database.Keys.TARGET, settings, output.redaction(), output::warn)
                .orElseThrow(() -> new SeedException(SeedException.Code.CONFIGURATION, "No target database given: "
                        + "refresh imports the new snapshot into a scratch database to verify it before replacing "
                        + "the current one. Pass --target-url jdbc:postgresql://host:port/database, set "
                        + "SEEDKIT_TARGET_URL, put target-url=... in seedkit.properties, or pass --no-import."));
        if (target.sameAs(source)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "The target database " + target.display()
                    + " is the database refresh exports from; importing would empty its snapshot tables. Give a "
                    + "scratch database with --target-url, or pass --no-import.");
        }
        return target;
    }

    private ExportReport export(SnapshotExporter exporter, Database source) {
        ExportReport report;
        try (Progress progress = output.progress(1)) {
            progress.status("Exporting from " + source.display() + " ...");
            report = source.use(c -> exporter.export(c, staged.directory()));
        }
        NaturalKeyOptions.record(naturalKeys(), staged.directory(), staged.target().toString());
        output.line("Exported " + report.manifest().fixtureVersion() + " from " + source.display() + " ("
                + report.tables().size() + " tables, " + report.rows() + " rows)");
        output.line(ExportCommand.render(report));
        return report;
    }

    /**
     * The natural keys the new manifest records: the current snapshot's, so that a refresh keeps them, with those
     * declared by {@code --natural-key} (or {@code natural-key=} in the settings file) over them.
     */
    private Map<String, List<String>> naturalKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (staged.replacesOne()) {
            try (Snapshot current = SnapshotLocation.directory(staged.target()).open()) {
                current.manifest().tables().stream().filter(t -> !t.naturalKey().isEmpty())
                        .forEach(t -> keys.put(t.schema() + "." + t.name(), t.naturalKey()));
            } catch (SeedException e) {
                output.warn("could not read the natural keys of the current snapshot at " + staged.target()
                        + ": " + e.getMessage());
            }
        }
        keys.putAll(naturalKeyOptions.resolve(settings));
        return keys;
    }

    private Snapshot openAndCheck() {
        Snapshot snapshot = open(staged.directory().toString());
        try {
            snapshot.verify();
            return snapshot;
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** Shows what changed against the current snapshot; a current one that cannot be read is only a warning. */
    private Map<String, Object> diff(Snapshot fresh) {
        if (!staged.replacesOne()) {
            output.line("No snapshot at " + staged.target() + " yet: all " + fresh.manifest().tables().size()
                    + " tables are new.");
            return null;
        }
        try (Snapshot current = SnapshotLocation.directory(staged.target()).open()) {
            warnIfUnversioned(current, fresh);
            SnapshotDiff diff = SnapshotDiff.between(current, fresh);
            String rendered = diff.render();
            output.line("Changes against the current snapshot at " + staged.target() + ":");
            output.line(rendered.substring(rendered.indexOf('\n') + 1));
            return JsonResults.diff(diff);
        } catch (SeedException e) {
            output.warn("could not compare with the current snapshot at " + staged.target() + ", which is "
                    + "replaced all the same: " + e.getMessage());
            return null;
        }
    }

    private void warnIfUnversioned(Snapshot current, Snapshot fresh) {
        String version = current.manifest().fixtureVersion();
        if (fresh.manifest().fixtureVersion().equals(SnapshotExporter.DEFAULT_FIXTURE_VERSION)
                && !version.equals(SnapshotExporter.DEFAULT_FIXTURE_VERSION)) {
            output.warn("the current snapshot is " + version + ", the new one '"
                    + SnapshotExporter.DEFAULT_FIXTURE_VERSION + "'; give it a label with --fixture-version, "
                    + "$" + ExportOptions.FIXTURE_VERSION_VARIABLE + " or fixture-version= in seedkit.properties.");
        }
    }

    private Map<String, Object> importAndVerify(Database target, Snapshot fresh,
            List<VirtualForeignKey> virtualKeys) {
        SnapshotImporter importer = SnapshotImporter.builder(OptionNames::of).mode(ImportMode.REPLACE).force(true)
                .build();
        return target.use(c -> {
            ImportReport imported;
            try (Progress progress = output.progress(1)) {
                progress.status("Importing into " + target.display() + " ...");
                imported = importer.importInto(c, fresh);
            }
            output.line("Imported into " + target.display() + " (mode replace): " + imported.inserted() + " rows in "
                    + imported.elapsed().toMillis() + " ms");
            VerifyReport verified = step("verifying " + target.display(), () -> {
                VerifyReport report = SnapshotVerifier.builder().virtualForeignKeys(virtualKeys).compareRows(true)
                        .build().verify(c, fresh);
                if (!report.ok()) {
                    throw new SeedException(SeedException.Code.DATA_INTEGRITY, "the new snapshot, imported into "
                            + target.display() + ", is not what the database there holds:\n  - "
                            + String.join("\n  - ", report.problems()) + "\nCheck the target for triggers or "
                            + "rules that change rows as they are inserted, and for other sessions writing to it.");
                }
                return report;
            });
            output.line(VerifyCommand.dataOkLine(verified));
            return JsonResults.fields("database", target.display(), "inserted", imported.inserted(),
                    "millis", imported.elapsed().toMillis(), "verified", true);
        });
    }

    /** Runs one step; a failure says which step it was and that the current snapshot is unchanged. */
    private <T> T step(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (StepFailure e) {
            throw e;
        } catch (SeedException e) {
            throw new StepFailure(e, "refresh stopped while " + what + ": " + e.getMessage() + "\nThe snapshot at "
                    + staged.target() + " is unchanged.");
        }
    }

    /** A failed step, with the same code as its cause; reported once, by the innermost step. */
    private static final class StepFailure extends SeedException {
        StepFailure(SeedException cause, String message) {
            super(cause.code(), message, cause);
        }
    }
}
