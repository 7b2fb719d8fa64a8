package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
                "  seedkit export --json     # url, snapshot and options from seedkit.properties"})
final class ExportCommand extends Subcommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SnapshotOptions snapshotOptions;

    @Mixin
    ExportOptions exportOptions;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return hintFrom(snapshotOptions, environment);
    }

    @Override
    int run() {
        SnapshotExporter exporter = exportOptions.exporter(settings, output);
        Database database = database(connection, "export reads the rows from a database");
        String location = snapshotLocation(snapshotOptions);
        Path directory = directory(location);
        output.note("Exporting from " + database.display() + " as " + database.user() + " to " + directory);
        ExportReport report;
        try (Progress progress = output.progress(1)) {
            progress.status("Exporting from " + database.display() + " to " + directory + " ...");
            report = database.use(c -> exporter.export(c, directory));
        }
        output.line("Exported " + report.manifest().fixtureVersion() + " from " + database.display() + " to "
                + directory + " (" + report.tables().size() + " tables, " + report.rows() + " rows)");
        output.line(render(report));
        output.result(true, ExitCodes.OK, JsonResults.export(report, directory.toString(), database.display()));
        return ExitCodes.OK;
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
        return out.append(report.queries()).append(" queries, ").append(report.closureRounds())
                .append(report.closureRounds() == 1 ? " closure round, " : " closure rounds, ")
                .append(report.rowsRead()).append(" rows read, ").append(report.duration().toMillis()).append(" ms\n")
                .toString();
    }
}
