package dev.seedkit.core.snapshot;

import dev.seedkit.core.internal.SnapshotErrors;
import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A snapshot as one file, {@code demo.tar.gz} (or {@code .tgz}) or {@code demo.zip}: its manifest and table files
 * at the archive's root. {@link #write} packs a snapshot directory; {@link SnapshotLocation#of(String)} opens an
 * archive path or a class path resource like a directory, unpacking it into a temporary directory that closing the
 * snapshot deletes. Unpacking refuses entries outside the snapshot ({@code ..}, absolute paths), links, devices,
 * duplicate names, and more than {@value #DEFAULT_MAX_ENTRIES} entries or 2 GiB unpacked (system properties
 * {@code seedkit.snapshot.archive.maxEntries} and {@code seedkit.snapshot.archive.maxBytes}), naming the entry.
 *
 * <p>Archives need {@code org.apache.commons:commons-compress} on the class path (an optional dependency of
 * seed-core, which seed-junit and the command line bring).
 */
public final class SnapshotArchive {

    /** How many entries an archive may hold unless {@code seedkit.snapshot.archive.maxEntries} says otherwise. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private SnapshotArchive() {
    }

    /** Whether {@code name} names an archive Seedkit reads: it ends in {@code .tar.gz}, {@code .tgz}, {@code .zip}. */
    public static boolean isArchive(String name) {
        return !format(name).isEmpty();
    }

    /** The archive's format from its name: {@code tar.gz} (also {@code .tgz}) or {@code zip}; "" otherwise. */
    static String format(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tar.gz") || lower.endsWith(".tgz") ? "tar.gz" : lower.endsWith(".zip") ? "zip" : "";
    }

    /**
     * Packs the snapshot in {@code directory} (checked first: manifest, every file, every checksum) into
     * {@code archive}, a {@code .tar.gz}, {@code .tgz} or {@code .zip} file, replacing it atomically where the
     * file system allows. The manifest comes first, then the table files in name order, each with the manifest's
     * creation time, so the same snapshot gives the same {@code .tar.gz} byte for byte.
     */
    public static void write(Path directory, Path archive) {
        String format = format(archive.getFileName().toString());
        if (format.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot write a snapshot archive to " + archive
                    + ": the name must end in .tar.gz, .tgz or .zip, which say how to pack it.");
        }
        requireCommonsCompress("write " + archive);
        SnapshotManifest manifest;
        try (Snapshot snapshot = SnapshotLocation.directory(directory).open()) {
            snapshot.verify();
            manifest = snapshot.manifest();
        }
        List<String> files = new ArrayList<>(List.of(SnapshotManifest.FILE_NAME));
        manifest.tables().stream().map(SnapshotManifest.Table::file).sorted().forEach(files::add);
        Path partial = archive.resolveSibling("." + archive.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                ArchivePacker.pack(format, directory, files, manifest, out);
            }
            move(partial, archive);
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(archive.toString(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Unpacks the archive into a new temporary directory and returns it; the caller deletes it
     * ({@link #deleteTree}). {@code in} is the archive's bytes; {@code name} its file name, which gives its format.
     */
    static Path unpack(InputStream in, String name, String description) {
        requireCommonsCompress("read " + description);
        Path target = null;
        try {
            target = Files.createTempDirectory("seedkit-snapshot-");
            if (format(name).equals("zip")) {
                Path copy = target.resolveSibling(target.getFileName() + ".zip");
                try {
                    Files.copy(in, copy);
                    return ArchiveUnpacker.unpackZip(copy, description, target, ArchiveUnpacker.Limits.configured());
                } finally {
                    deleteQuietly(copy);
                }
            }
            return ArchiveUnpacker.unpackTarGz(in, description, target, ArchiveUnpacker.Limits.configured());
        } catch (IOException e) {
            deleteTree(target);
            throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, "Could not unpack snapshot archive "
                    + description + ": " + e.getMessage() + ". Check that it is a whole " + format(name)
                    + " file (made with seedkit export --archive), or export it again.", e);
        } catch (RuntimeException e) {
            deleteTree(target);
            throw e;
        }
    }

    /** Deletes {@code directory} and what it holds (one level: an unpacked snapshot has no folders). */
    static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(SnapshotArchive::deleteQuietly);
        } catch (IOException e) {
            // nothing left to list
        }
        deleteQuietly(directory);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file; the system's clean-up takes it
        }
    }

    private static void requireCommonsCompress(String what) {
        try {
            Class.forName("org.apache.commons.compress.archivers.tar.TarArchiveInputStream", false,
                    SnapshotArchive.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot " + what + ": snapshot archives need "
                    + "org.apache.commons:commons-compress on the class path. Add it as a dependency, or unpack the "
                    + "archive and use the snapshot directory.", e);
        }
    }
}
