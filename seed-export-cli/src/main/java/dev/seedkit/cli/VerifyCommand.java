package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.SchemaDrift;
import dev.seedkit.core.importer.SnapshotVerifier;
import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileReader;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seedkit verify}: the CI check. Without a database it checks the snapshot's format and checksums; with one it
 * also checks that the schema has not drifted and, with {@code --data}, that the database holds every row of the
 * snapshot with the snapshot's values, with every foreign key resolving (the core's {@link SnapshotVerifier}).
 * Every requested check runs; the exit code names the most basic failure.
 */
@Command(name = "verify", defaultValueProvider = SettingsDefaults.class,
        header = "Check a snapshot's checksums, and a database for drift and data.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Check a snapshot: format and checksums of every file (no database needed);",
                "with --url also schema drift against that database, with --data also its rows and foreign keys."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP,
                ExitCodes.DRIFT_HELP, ExitCodes.VERIFY_HELP, ExitCodes.DATABASE_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit verify --snapshot src/test/resources/fixtures/demo",
                "  seedkit verify --snapshot src/test/resources/fixtures/demo \\",
                "      --expect-version 2024-05-demo-3 \\",
                "      --url jdbc:postgresql://localhost:5432/app_test --data",
                "  seedkit verify --json     # snapshot and url from seedkit.properties"})
final class VerifyCommand extends Subcommand {

    @Mixin
    SnapshotOptions snapshotOptions;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--expect-version", paramLabel = "VERSION", description = "Fail unless the snapshot's fixture "
            + "version is exactly this.")
    String expectVersion;

    @Option(names = "--data", negatable = true, description = "Also check the database's rows: every row of the "
            + "snapshot there with the snapshot's values (compared by key, one COPY and one query per table), and "
            + "every foreign key from its tables resolving. Rows only the database has are fine. Needs --url.")
    Boolean data;

    @Option(names = "--virtual-fk", paramLabel = "FK", description = "A reference the database does not declare, "
            + "checked by --data like a foreign key, e.g. \"shop.orders(customer_ref) -> shop.customers(id)\". "
            + "Repeatable.")
    List<String> virtualForeignKeys;

    private final List<String> failures = new ArrayList<>();
    private int exitCode = ExitCodes.OK;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return hintFrom(snapshotOptions, environment);
    }

    @Override
    int run() {
        failures.clear();
        exitCode = ExitCodes.OK;
        String location = snapshotLocation(snapshotOptions);
        boolean checkData = settings.flag("data", data, false);
        List<VirtualForeignKey> virtualKeys = settings.list("virtual-fk", virtualForeignKeys, ";").stream()
                .map(VirtualForeignKey::parse).toList();
        Optional<Database> database = optionalDatabase(connection);
        if (checkData && database.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--data checks a database against the "
                    + "snapshot, but none was given; pass --url, set SEEDKIT_URL, or put url=... in "
                    + "seedkit.properties.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("snapshot", location);
        try (Snapshot snapshot = open(location)) {
            SnapshotManifest manifest = snapshot.manifest();
            result.put("fixtureVersion", manifest.fixtureVersion());
            output.line("Snapshot " + manifest.fixtureVersion() + " at " + location + " (" + manifest.tables().size()
                    + " tables, created " + manifest.createdAt() + ")");
            result.put("files", checkFiles(snapshot));
            Optional.ofNullable(expectVersion).ifPresent(v -> result.put("version", checkVersion(manifest, v)));
            if (database.isPresent()) {
                checkDatabase(database.get(), snapshot, checkData, virtualKeys, result);
            }
        }
        output.result(failures.isEmpty(), exitCode, result);
        if (!failures.isEmpty()) {
            output.error("verification failed: " + String.join("; ", failures));
            return exitCode;
        }
        return ExitCodes.OK;
    }

    private List<Map<String, Object>> checkFiles(Snapshot snapshot) {
        List<Map<String, Object>> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long rows = 0;
        try (Progress progress = output.progress(snapshot.manifest().tables().size())) {
            for (SnapshotManifest.Table table : snapshot.manifest().tables()) {
                Optional<String> problem = checkFile(snapshot, table);
                problem.ifPresent(problems::add);
                rows += table.rowCount();
                progress.step((problem.isEmpty() ? "ok      " : "FAILED  ") + table.file() + " (" + table.rowCount()
                        + " rows)");
                files.add(JsonResults.file(table, problem.orElse(null)));
            }
        }
        if (problems.isEmpty()) {
            output.line("ok      checksums and format: " + files.size() + " files, " + rows + " rows");
        } else {
            output.line("FAILED  checksums and format: " + problems.size() + " of " + files.size() + " files");
            problems.forEach(p -> output.line("          - " + p));
            fail(ExitCodes.SNAPSHOT, problems.size() == 1 ? problems.get(0) : problems.size() + " snapshot files "
                    + "are corrupt or malformed, first: " + problems.get(0));
        }
        return files;
    }

    /** Reads the whole file, which checks every line, the row count and the checksum. */
    private static Optional<String> checkFile(Snapshot snapshot, SnapshotManifest.Table table) {
        try (TableFileReader reader = TableFileReader.open(snapshot, table)) {
            reader.dataStream().transferTo(OutputStream.nullOutputStream());
            return Optional.empty();
        } catch (SeedException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of(table.file() + " could not be read: " + e.getMessage());
        }
    }

    private Map<String, Object> checkVersion(SnapshotManifest manifest, String expected) {
        boolean ok = manifest.fixtureVersion().equals(expected);
        if (ok) {
            output.line("ok      fixture version " + expected);
        } else {
            output.line("FAILED  fixture version: expected " + expected + ", the snapshot is "
                    + manifest.fixtureVersion());
            fail(ExitCodes.VERIFY_FAILED, "the snapshot's fixture version is " + manifest.fixtureVersion()
                    + ", expected " + expected);
        }
        return JsonResults.version(expected, manifest.fixtureVersion());
    }

    private void checkDatabase(Database database, Snapshot snapshot, boolean checkData,
            List<VirtualForeignKey> virtualKeys, Map<String, Object> result) {
        result.put("database", database.display());
        database.use(c -> {
            result.put("schema", checkSchema(c, snapshot.manifest(), database));
            if (checkData) {
                result.put("data", checkData(c, snapshot, virtualKeys));
            }
            return null;
        });
    }

    private Map<String, Object> checkSchema(Connection c, SnapshotManifest manifest, Database database) {
        SchemaDrift drift = SchemaDrift.check(c, manifest, SchemaDrift.Policy.EXACT);
        if (drift.none()) {
            output.line("ok      schema of " + database.display() + " matches the snapshot");
        } else {
            output.line("FAILED  schema drift: " + database.display() + " no longer matches the snapshot"
                    + drift.migrations().map(m -> " (" + m + ")").orElse("") + ":");
            drift.differences().forEach(d -> output.line("          - " + d));
            output.line(drift.migrations().isPresent()
                    ? "        Refresh the snapshot from a database at the current version (seedkit refresh), or "
                            + "migrate the database to the snapshot's version."
                    : "        Migrate the database to the snapshot's schema, or refresh the snapshot.");
            fail(ExitCodes.SCHEMA_DRIFT, "the schema of " + database.display() + " has drifted from the snapshot ("
                    + drift.differences().size() + (drift.differences().size() == 1 ? " difference: "
                    : " differences, first: ") + drift.differences().get(0) + ")");
        }
        return JsonResults.schema(drift);
    }

    private Map<String, Object> checkData(Connection c, Snapshot snapshot, List<VirtualForeignKey> virtualKeys) {
        VerifyReport report = SnapshotVerifier.builder().virtualForeignKeys(virtualKeys).compareRows(true).build()
                .verify(c, snapshot);
        if (report.ok()) {
            output.line(dataOkLine(report));
        } else {
            output.line("FAILED  data: " + report.problems().size()
                    + (report.problems().size() == 1 ? " problem:" : " problems:"));
            report.problems().forEach(p -> output.line("          - " + p));
            fail(ExitCodes.VERIFY_FAILED, "the database does not hold the snapshot's data ("
                    + report.problems().get(0) + ")");
        }
        return JsonResults.data(report);
    }

    /** The line that says what the data check covered, when all is well. */
    static String dataOkLine(VerifyReport report) {
        return "ok      data: the database holds all " + report.rowsCompared() + " rows of the snapshot's "
                + report.tables().size() + " tables with the snapshot's values (compared by key), and every "
                + "foreign key resolves";
    }

    /** Records a failed check; the exit code is that of the most basic failure (lowest code). */
    private void fail(int code, String summary) {
        failures.add(summary);
        exitCode = exitCode == ExitCodes.OK ? code : Math.min(exitCode, code);
    }
}
