package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Sha256;
import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.internal.SnapshotFiles;
import dev.seedkit.core.internal.TableFileName;
import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An open snapshot: its manifest, and its table files to stream. Opening checks that the table files present are
 * exactly the ones the manifest lists; each file's content is checked as it is read, or all at once by
 * {@link #verify()}. Close it to release a jar it was read from.
 *
 * <pre>{@code
 * try (Snapshot snapshot = SnapshotLocation.of("classpath:fixtures/demo").open()) {
 *     for (SnapshotManifest.Table table : snapshot.manifest().tables()) {
 *         try (TableRows rows = snapshot.openTable(table)) { ... }
 *     }
 * }
 * }</pre>
 */
public final class Snapshot implements AutoCloseable {

    private final SnapshotLocation location;
    private final SnapshotFiles files;
    private final SnapshotManifest manifest;
    private final Map<String, TableOrigin> origins;

    private Snapshot(SnapshotLocation location, SnapshotFiles files, SnapshotManifest manifest,
            Map<String, TableOrigin> origins) {
        this.location = location;
        this.files = files;
        this.manifest = manifest;
        this.origins = Map.copyOf(origins);
    }

    /**
     * Opens the snapshot in {@code files}: an exported one, or hand-written fixture files (with or without the
     * manifest {@code seedkit adopt} writes), which are made into table files first.
     */
    static Snapshot open(SnapshotLocation location, SnapshotFiles files) {
        try {
            if (!files.exists(SnapshotManifest.FILE_NAME) && handWritten(files.fixtureFiles())) {
                return FixtureSet.open(location, files, files.fixtureFiles(), null);
            }
            SnapshotManifest manifest = readManifest(location, files);
            if (manifest.fixtures()) {
                return FixtureSet.open(location, files, files.fixtureFiles(), manifest);
            }
            Snapshot snapshot = new Snapshot(location, files, manifest, Map.of());
            List<SeedException> problems = snapshot.fileListProblems();
            if (!problems.isEmpty()) {
                throw problems.get(0);
            }
            return snapshot;
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /**
     * Whether a folder without a manifest holds hand-written fixtures: some {@code .csv} or {@code .yml} file. A folder
     * of {@code .tsv} files alone may be a snapshot that lost its manifest, which is refused; TSV fixtures load as
     * single files, or once {@code seedkit adopt} has pinned their folder.
     */
    private static boolean handWritten(List<String> fixtureFiles) {
        return fixtureFiles.stream().anyMatch(name -> !name.toLowerCase(Locale.ROOT).endsWith(TableFileName.EXTENSION));
    }

    /** Fixture files made into the table files of {@code files}, described by {@code manifest}. */
    static Snapshot fixtures(SnapshotLocation location, SnapshotFiles files, SnapshotManifest manifest,
            Map<String, TableOrigin> origins) {
        return new Snapshot(location, files, manifest, origins);
    }

    /**
     * Where the rows of {@code table}, an entry of {@link #manifest()}, were written: its table file, or the
     * hand-written fixture file they were read from, with a way to find each row's line there.
     */
    public TableOrigin origin(Table table) {
        TableOrigin origin = origins.get(table.file());
        return origin != null ? origin : TableOrigin.tableFile(table.file());
    }

    /** Where this snapshot was opened from. */
    public SnapshotLocation location() {
        return location;
    }

    /** The snapshot's manifest. */
    public SnapshotManifest manifest() {
        return manifest;
    }

    /**
     * The snapshot's checksum: SHA-256 (64 lowercase hex digits) of its manifest in canonical form. The manifest
     * pins every table file's SHA-256, so this one value identifies the whole snapshot; tests can pin it, and
     * importers record it in the target database.
     */
    public String checksum() {
        MessageDigest digest = Sha256.newDigest();
        return Sha256.hex(digest.digest(manifest.toJson().getBytes(StandardCharsets.UTF_8)));
    }

    /** Opens the file of {@code table}, an entry of {@link #manifest()}, and checks its header. */
    public TableRows openTable(Table table) {
        if (!manifest.tables().contains(table)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Table " + table + " is not an entry of the "
                    + "manifest of " + location + "; pass one of snapshot.manifest().tables().");
        }
        try {
            return TableFileReader.open(files.open(table.file()), files.where(table.file()), table);
        } catch (NoSuchFileException e) {
            throw missing(table);
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(files.where(table.file()), e);
        }
    }

    /**
     * Checks the whole snapshot: the file list, and every file's header, lines (field counts, escapes, UTF-8),
     * row count and checksum. Reports every problem found, at most one per file.
     */
    public void verify() {
        List<SeedException> problems = new ArrayList<>(fileListProblems());
        for (Table table : manifest.tables()) {
            if (files.exists(table.file())) {
                try (TableFileReader reader = TableFileReader.open(this, table)) {
                    reader.readToEnd();
                } catch (SeedException e) {
                    problems.add(e);
                }
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (problems.size() > 1) {
            throw combined(problems);
        }
    }

    @Override
    public void close() {
        files.close();
    }

    @Override
    public String toString() {
        return manifest + " at " + location;
    }

    private static SnapshotManifest readManifest(SnapshotLocation location, SnapshotFiles files) {
        String where = files.where(SnapshotManifest.FILE_NAME);
        try (InputStream in = files.open(SnapshotManifest.FILE_NAME)) {
            return SnapshotManifest.read(in, where);
        } catch (NoSuchFileException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + location + ": it has "
                    + "no " + SnapshotManifest.FILE_NAME + ". A snapshot is a folder with " + SnapshotManifest.FILE_NAME
                    + " and one .tsv file per table; export one there, or fix the location. Hand-written .csv and .yml "
                    + "fixtures need no manifest; a folder of .tsv fixtures does: run seedkit adopt on it, or name "
                    + "each file.", e);
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(where, e);
        }
    }

    /** Listed files that are missing, and table files that are not listed. */
    private List<SeedException> fileListProblems() {
        List<SeedException> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Table table : manifest.tables()) {
            listed.add(table.file());
            if (!files.exists(table.file())) {
                problems.add(missing(table));
            }
        }
        for (String file : files.tableFiles()) {
            if (!listed.contains(file)) {
                problems.add(new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, files.where(file) + describe(file)
                        + " is not listed in " + SnapshotManifest.FILE_NAME + ", and a snapshot lists every table "
                        + "file. Delete the file if it is left over, or re-export the snapshot."));
            }
        }
        return problems;
    }

    private SeedException missing(Table table) {
        return SnapshotErrors.corrupt(files.where(table.file()) + " is listed in " + SnapshotManifest.FILE_NAME
                + " for table " + table + ", but does not exist.");
    }

    private static String describe(String file) {
        try {
            return " (table " + TableFileName.parse(file) + ")";
        } catch (SeedException e) {
            return "";
        }
    }

    private SeedException combined(List<SeedException> problems) {
        StringBuilder message = new StringBuilder("Snapshot " + location + " has " + problems.size() + " problems:");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i).getMessage());
        }
        SeedException combined = new SeedException(problems.get(0).code(), message.toString(), problems.get(0));
        problems.stream().skip(1).forEach(combined::addSuppressed);
        return combined;
    }
}
