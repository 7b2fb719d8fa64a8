package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hand-written fixtures: a folder of {@code schema.table.csv}, {@code table.tsv} or {@code .yml} datasets, which
 * {@link SnapshotLocation} opens like a snapshot without needing a manifest. {@link #adopt} pins them for teams who
 * want {@code seedkit verify} in CI: it writes a manifest with each table's row count and checksum and a fixture
 * version, after which an edit to a fixture file is an error until it is adopted again. {@link #writeCsv} turns a
 * snapshot into such a folder, for people who would rather edit CSV than TSV.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Writes {@value SnapshotManifest#FILE_NAME} for the fixture files in {@code directory}, labelled
     * {@code fixtureVersion}, replacing one written before; returns it. Reads every fixture file, so a file that
     * does not parse is reported here, with its line.
     */
    public static SnapshotManifest adopt(Path directory, String fixtureVersion) {
        SnapshotManifest manifest = FixtureSet.adopt(directory, fixtureVersion);
        manifest.write(directory);
        return manifest;
    }

    /**
     * Writes every table of {@code snapshot} as a CSV fixture {@code schema.table.csv} into {@code directory}
     * (created if missing; none of the files may exist yet): a header naming the columns, NULL as an empty field,
     * every other value quoted, so the folder loads as the same rows. Returns the rows written.
     */
    public static long writeCsv(Snapshot snapshot, Path directory) {
        long rows = 0;
        try {
            Files.createDirectories(directory);
            for (SnapshotManifest.Table table : snapshot.manifest().tables()) {
                try (TableRows tableRows = snapshot.openTable(table)) {
                    rows += CsvFixture.write(tableRows, directory.resolve(csvFileName(table)));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Could not write the CSV fixtures into "
                    + directory + ": " + e + ". Write into an empty or new folder.", e);
        }
    }

    private static String csvFileName(SnapshotManifest.Table table) {
        if (table.schema().contains(".") || (table.schema() + table.name()).matches(".*[/\\\\].*")) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Table " + table.schema() + "." + table.name()
                    + " has a name that cannot be a CSV fixture's file name (schema.table.csv); keep it as a TSV "
                    + "snapshot.");
        }
        return table.schema() + "." + table.name() + ".csv";
    }
}
