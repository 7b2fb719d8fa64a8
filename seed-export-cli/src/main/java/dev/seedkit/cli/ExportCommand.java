package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.snapshot.Fixtures;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotArchive;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seedkit export}: writes a referentially intact subset of a database as a snapshot directory. */
@Command(name = "export", defaultValueProvider = SettingsDefaults.class,
        header = "Export a subset of a database as a snapshot.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Export up to N rows of every table, plus every row they reference, as a",
                "snapshot directory: manifest.json and one .tsv file per table, read in one",
                "read-only transaction. The directory is replaced atomically, so a failed",
                "export leaves the old snapshot as it was. Every option can also be set in",
                "seedkit.properties: keys mirror the long options, values are separated by ';'."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.DATABASE_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit export --url jdbc:postgresql://localhost:5432/demo --user demo \\",
                "      --snapshot src/test/resources/fixtures/demo \\",
                "      --fixture-version 2024-05-demo-3",
                "  seedkit export --rows-per-table 50 --rows shop.orders=500 \\",
                "      --where \"shop.orders=status = 'open'\" --exclude-table audit.events \\",
                "      --mask shop.customers.email=email --masking-secret-env DEMO_MASKING_SECRET",
                "  seedkit export --archive demo.tar.gz --natural-key shop.customers=email",
                "  seedkit export --snapshot src/test/resources/fixtures/shop-csv --format csv",
                "  seedkit export --json     # url, snapshot and options from seedkit.properties"})
final class ExportCommand extends Subcommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SnapshotOptions snapshotOptions;

    @Mixin
    ExportOptions exportOptions;

    @Mixin
    NaturalKeyOptions naturalKeyOptions;

    @Option(names = "--archive", paramLabel = "FILE", description = "Write the snapshot as one file instead of a "
            + "directory: FILE.tar.gz (or .tgz) or FILE.zip, replaced in one step. Import and verify read it like a "
            + "directory.")
    String archive;

    @Option(names = "--explain", description = "Also print why each table has its rows: how many its limit chose "
            + "and how many each foreign key pulled in (the constraint and the table whose rows reference them).")
    boolean explain;

    @Option(names = "--format", paramLabel = "tsv|csv", description = "tsv (default): the snapshot's own files. csv: "
            + "a new folder of CSV fixtures (schema.table.csv, NULL as an empty field, other values quoted) with a "
            + "manifest that pins them, for people who edit fixtures by hand; it loads and verifies like the snapshot.")
    String format;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return hintFrom(snapshotOptions, environment);
    }

    @Override
    int run() {
        SnapshotExporter exporter = exportOptions.exporter(settings, output);
        Map<String, List<String>> naturalKeys = naturalKeyOptions.resolve(settings);
        Database database = database(connection, "export reads the rows from a database");
        Optional<Path> archiveFile = archiveFile();
        Optional<Path> csvFolder = csvFolder(archiveFile, naturalKeys);
        Path target = archiveFile.isPresent() ? archiveFile.get() : directory(snapshotLocation(snapshotOptions));
        Path directory = archiveFile.isPresent() || csvFolder.isPresent() ? unpackedNextTo(target) : target;
        output.note("Exporting from " + database.display() + " as " + database.user() + " to " + target);
        ExportReport report;
        try {
            try (Progress progress = output.progress(1)) {
                progress.status("Exporting from " + database.display() + " to " + target + " ...");
                report = database.use(c -> exporter.export(c, directory));
            }
            NaturalKeyOptions.record(naturalKeys, directory, target.toString());
            archiveFile.ifPresent(file -> SnapshotArchive.write(directory, file));
            if (csvFolder.isPresent()) {
                writeCsv(directory, csvFolder.get(), report.manifest().fixtureVersion());
            }
        } finally {
            if (directory != target) {
                deleteDirectory(directory);
            }
        }
        output.line("Exported " + report.manifest().fixtureVersion() + " from " + database.display() + " to "
                + target + (csvFolder.isPresent() ? " as CSV" : "") + " (" + report.tables().size() + " tables, "
                + report.rows() + " rows)");
        output.line(render(report));
        if (explain) {
            output.line("Why each table has its rows:\n" + report.explain());
        }
        output.result(true, ExitCodes.OK, JsonResults.export(report, target.toString(), database.display()));
        return ExitCodes.OK;
    }

    /** The folder to write CSV fixtures into, with {@code --format csv}; checked before anything is read. */
    private Optional<Path> csvFolder(Optional<Path> archiveFile, Map<String, List<String>> naturalKeys) {
        String chosen = format == null ? "tsv" : format.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("tsv")) {
            return Optional.empty();
        }
        if (!chosen.equals("csv")) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--format " + format + " is not a format "
                    + "Seedkit writes: use --format tsv (the snapshot's own files) or --format csv (CSV fixtures).");
        }
        if (archiveFile.isPresent() || !naturalKeys.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--format csv writes a folder of CSV fixtures, "
                    + "which cannot be packed with --archive or carry --natural-key; drop one of them.");
        }
        Path folder = directory(snapshotLocation(snapshotOptions));
        if (Files.exists(folder)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--format csv writes a new folder, but "
                    + folder + " exists; remove it or give another --snapshot.");
        }
        return Optional.of(folder);
    }

    private static void writeCsv(Path snapshot, Path folder, String fixtureVersion) {
        try (Snapshot exported = SnapshotLocation.directory(snapshot).open()) {
            Fixtures.writeCsv(exported, folder);
        }
        Fixtures.adopt(folder, fixtureVersion);
    }

    /** The archive to write, from {@code --archive} or the settings file; {@code --snapshot} may not come too. */
    private Optional<Path> archiveFile() {
        Optional<Path> file = settings.path("archive", archive, null).map(Path::of);
        if (file.isPresent() && snapshotOptions.snapshot != null) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--archive " + archive + " and --snapshot "
                    + snapshotOptions.snapshot + " both say where to write the snapshot; pass one of them.");
        }
        if (file.isPresent() && !SnapshotArchive.isArchive(file.get().getFileName().toString())) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "--archive " + file.get() + " must end in "
                    + ".tar.gz, .tgz or .zip, which say how to pack the snapshot.");
        }
        return file;
    }

    /** A fresh directory next to {@code archive} to export into before packing. */
    private static Path unpackedNextTo(Path archive) {
        Path absolute = archive.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".export-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
    }

    private static void deleteDirectory(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the export failed before it created the directory, or it is gone already
        }
    }

    /** The directory a snapshot location names; a usage error for {@code classpath:}, which cannot be written. */
    static Path directory(String location) {
        if (location.startsWith(SnapshotLocation.CLASSPATH_PREFIX)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot write a snapshot to " + location
                    + ": a classpath location is read-only. Give the directory it is built from, e.g. "
                    + "--snapshot src/test/resources/" + location.substring(SnapshotLocation.CLASSPATH_PREFIX.length())
                    + ".");
        }
        return Path.of(location);
    }

    /** One line per table (rows, by limit, pulled in as parents, ms), the totals, and what the export cost. */
    static String render(ExportReport report) {
        int width = report.tables().stream().mapToInt(t -> t.table().toString().length()).max().orElse(5);
        String format = "%-" + Math.max(width, 5) + "s  %9s  %9s  %9s  %8s%n";
        StringBuilder out = new StringBuilder(String.format(format, "table", "rows", "by limit", "parents", "ms"));
        for (ExportReport.TableReport t : report.tables()) {
            out.append(String.format(format, t.table(), t.rows(), t.rowsSelectedByLimit(), t.rowsPulledInAsParents(),
                    t.time().toMillis()));
        }
        out.append(String.format(format, "total", report.rows(), report.rowsSelectedByLimit(),
                report.rowsPulledInAsParents(), report.duration().toMillis()));
        return out.append(report.queries()).append(" queries in ").append(report.roundTrips())
                .append(" round trips, ").append(report.closureRounds())
                .append(report.closureRounds() == 1 ? " closure round, " : " closure rounds, ")
                .append(report.rowsRead()).append(" rows read, ").append(report.duration().toMillis()).append(" ms\n")
                .toString();
    }
}
