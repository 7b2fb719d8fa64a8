package dev.seedkit.core.snapshot;

import java.nio.file.Path;

/**
 * Hand-written fixtures: a folder of {@code schema.table.csv}, {@code table.tsv} or {@code .yml} datasets, which
 * {@link SnapshotLocation} opens like a snapshot without needing a manifest. {@link #adopt} pins them for teams who
 * want {@code seedkit verify} in CI: it writes a manifest with each table's row count and checksum and a fixture
 * version, after which an edit to a fixture file is an error until it is adopted again.
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
}
