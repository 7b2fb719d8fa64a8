package dev.seedkit.cli;

import dev.seedkit.core.snapshot.Fixtures;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seedkit adopt DIR}: pins a folder of hand-written fixtures ({@code .csv}, {@code .tsv}, {@code .yml}) with
 * a manifest (each table's row count and checksum, and a fixture version), so that {@code seedkit verify} checks
 * them in CI and an unreviewed edit fails until it is adopted again. Fixtures load without a manifest too.
 */
@Command(name = "adopt", header = "Pin a folder of hand-written fixtures with a manifest.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Read every .csv, .tsv, .yml and .yaml fixture in DIR and write DIR/manifest.json with each",
                "table's row count and checksum and a fixture version. Afterwards seedkit verify checks the files,",
                "and loading them fails once a file changed, until it is adopted again."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit adopt src/test/resources/fixtures/orders",
                "  seedkit adopt src/test/resources/fixtures/orders --fixture-version orders-2",
                "  seedkit verify --snapshot src/test/resources/fixtures/orders"})
final class AdoptCommand extends Subcommand {

    @Parameters(paramLabel = "DIR", description = "The folder of fixture files.")
    String directory;

    @Option(names = "--fixture-version", paramLabel = "VERSION", description = "The label to pin, e.g. orders-2. "
            + "Default: the folder's name.")
    String fixtureVersion;

    @Override
    int run() {
        Path folder = root.environment().resolve(directory);
        String version = fixtureVersion != null ? fixtureVersion : folder.getFileName().toString();
        SnapshotManifest manifest = Fixtures.adopt(folder, version);
        long rows = manifest.tables().stream().mapToLong(SnapshotManifest.Table::rowCount).sum();
        for (SnapshotManifest.Table table : manifest.tables()) {
            output.line("pinned  " + table + " (" + table.rowCount() + " rows)");
        }
        output.line("Adopted " + manifest.tables().size() + " tables (" + rows + " rows) in " + folder + " as "
                + version + ": wrote " + folder.resolve(SnapshotManifest.FILE_NAME));
        List<Map<String, Object>> tables = manifest.tables().stream().map(t -> JsonResults.fields("table",
                t.toString(), "rows", t.rowCount(), "sha256", t.sha256())).toList();
        output.result(true, ExitCodes.OK, JsonResults.fields("directory", folder.toString(), "fixtureVersion",
                version, "tables", tables));
        return ExitCodes.OK;
    }
}
