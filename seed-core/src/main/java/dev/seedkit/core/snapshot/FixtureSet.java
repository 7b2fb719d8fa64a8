package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.internal.SnapshotFiles;
import dev.seedkit.core.internal.TableFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-written fixture files ({@code .csv}, {@code .tsv}, {@code .yml}, {@code .yaml}) made into a snapshot: each
 * table's rows are written as a table file into a temporary directory, with a manifest of their own, so that the one
 * importer loads them as it loads an exported snapshot. The manifest's columns are typed {@value
 * SnapshotManifest.Column#ANY_TYPE} (the database's catalog types the values) and its source is {@value
 * SnapshotManifest#FIXTURE_SOURCE}. A folder {@code seedkit adopt} pinned has a manifest already: the files must
 * still match it.
 */
final class FixtureSet {

    private FixtureSet() {
    }

    /**
     * Opens the fixture files {@code names} of {@code files} as a snapshot, checked against {@code pinned} (the
     * manifest {@code seedkit adopt} wrote) when there is one. Closes {@code files}.
     */
    static Snapshot open(SnapshotLocation location, SnapshotFiles files, List<String> names,
            SnapshotManifest pinned) {
        try (files) {
            List<FixtureTable> tables = read(files, names);
            Path directory = Files.createTempDirectory("seedkit-fixtures");
            SnapshotFiles converted = SnapshotFiles.unpacked(directory, location.toString());
            try {
                Converted result = write(directory, tables, defaultVersion(location));
                SnapshotManifest manifest = pinned == null ? result.manifest() : checkPinned(pinned, result, files);
                return Snapshot.fixtures(location, converted, manifest, result.origins());
            } catch (RuntimeException e) {
                converted.close();
                throw e;
            }
        } catch (IOException e) {
            throw SnapshotErrors.unwritable("a temporary directory for the fixtures of " + location, e);
        }
    }

    /** The manifest {@code seedkit adopt} writes for the fixture folder {@code directory}. */
    static SnapshotManifest adopt(Path directory, String fixtureVersion) {
        SnapshotFiles files = SnapshotFiles.directory(directory, directory.toString());
        List<String> names = files.fixtureFiles();
        if (names.isEmpty()) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No fixture files in " + directory
                    + ": adopt pins .csv, .tsv, .yml and .yaml files; write some there, or fix the path.");
        }
        List<FixtureTable> tables;
        try (files) {
            tables = read(files, names);
        }
        try {
            Path scratch = Files.createTempDirectory("seedkit-adopt");
            SnapshotFiles owned = SnapshotFiles.unpacked(scratch, directory.toString());
            try {
                return write(scratch, tables, fixtureVersion).manifest();
            } finally {
                owned.close();
            }
        } catch (IOException e) {
            throw SnapshotErrors.unwritable("a temporary directory", e);
        }
    }

    private static List<FixtureTable> read(SnapshotFiles files, List<String> names) {
        List<FixtureTable> tables = new ArrayList<>();
        Map<String, String> fileOfTable = new HashMap<>();
        for (String name : names) {
            for (FixtureTable table : readFile(files, name)) {
                String earlier = fileOfTable.putIfAbsent(table.toString(), name);
                if (earlier != null) {
                    throw FixtureTable.error(files.where(name) + ": table " + table + " is in " + earlier
                            + " too; keep each table's rows in one file of a fixture folder.");
                }
                tables.add(table);
            }
        }
        return tables;
    }

    private static List<FixtureTable> readFile(SnapshotFiles files, String name) {
        try (InputStream in = files.open(name)) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(".yml") || lower.endsWith(".yaml") ? YamlFixture.read(in, name, files.where(name))
                    : List.of(CsvFixture.read(in, name, files.where(name)));
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(files.where(name), e);
        }
    }

    /** The table files and manifest of {@code tables}, and where each table's rows came from. */
    private record Converted(SnapshotManifest manifest, Map<String, TableOrigin> origins) {
    }

    private static Converted write(Path directory, List<FixtureTable> tables, String fixtureVersion) {
        List<SnapshotManifest.Table> entries = new ArrayList<>();
        Map<String, TableOrigin> origins = new LinkedHashMap<>();
        for (FixtureTable table : tables) {
            List<SnapshotManifest.Column> columns = table.columns().stream()
                    .map(c -> new SnapshotManifest.Column(c, SnapshotManifest.Column.ANY_TYPE)).toList();
            try (TableFileWriter writer = TableFileWriter.create(directory, table.schema(), table.name(), columns,
                    List.of())) {
                for (Map<String, String> row : table.rows()) {
                    writer.writeRow(table.columns().stream().map(row::get).toList());
                }
                SnapshotManifest.Table entry = writer.finish();
                entries.add(entry);
                origins.put(entry.file(), TableOrigin.fixture(table.file(), table.lines(), table.columnLines()));
            }
        }
        return new Converted(new SnapshotManifest(fixtureVersion, Instant.EPOCH, SnapshotManifest.FIXTURE_SOURCE,
                "", List.of(), entries), origins);
    }

    /** {@code pinned}, if the files still hold what it pins; else an error naming the first file that changed. */
    private static SnapshotManifest checkPinned(SnapshotManifest pinned, Converted converted, SnapshotFiles files) {
        for (SnapshotManifest.Table table : converted.manifest().tables()) {
            Optional<SnapshotManifest.Table> entry = pinned.table(table.schema(), table.name());
            if (entry.isEmpty() || !entry.get().withNaturalKey(List.of()).equals(table)) {
                String file = converted.origins().get(table.file()).file();
                throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, files.where(file) + " (table "
                        + table + ") changed since seedkit adopt pinned it in " + SnapshotManifest.FILE_NAME
                        + (entry.isEmpty() ? "" : ": it now has " + table.rowCount() + " rows and SHA-256 "
                        + table.sha256() + ", pinned were " + entry.get().rowCount() + " and " + entry.get().sha256())
                        + ". If the edit is intended, run seedkit adopt again to pin it.");
            }
        }
        if (pinned.tables().size() != converted.manifest().tables().size()) {
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, files.where(SnapshotManifest.FILE_NAME)
                    + " pins " + pinned.tables().size() + " tables, but the fixture files hold "
                    + converted.manifest().tables().size() + "; a fixture file was removed since seedkit adopt. "
                    + "Restore it, or run seedkit adopt again.");
        }
        return pinned;
    }

    private static String defaultVersion(SnapshotLocation location) {
        String text = location.toString().replace('\\', '/');
        return "fixtures:" + text.substring(text.lastIndexOf('/') + 1).replace(SnapshotLocation.CLASSPATH_PREFIX, "");
    }
}
