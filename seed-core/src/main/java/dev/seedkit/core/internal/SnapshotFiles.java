package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of one snapshot, in a directory of the default file system, inside a jar (through a zip file system
 * this class opens and closes), or unpacked from a snapshot archive into a temporary directory this class deletes.
 * Only plain names resolve, only to regular files directly inside the snapshot: nothing outside it, no symbolic
 * links.
 */
public final class SnapshotFiles implements Closeable {

    private final Path root;
    private final String description;
    private final FileSystem ownedFileSystem;
    private final boolean ownedDirectory;

    private SnapshotFiles(Path root, String description, FileSystem ownedFileSystem, boolean ownedDirectory) {
        this.root = root;
        this.description = description;
        this.ownedFileSystem = ownedFileSystem;
        this.ownedDirectory = ownedDirectory;
    }

    /**
     * The snapshot an archive was unpacked into: the temporary directory {@code unpacked}, which {@link #close()}
     * deletes; {@code description} names the archive in errors.
     */
    public static SnapshotFiles unpacked(Path unpacked, String description) {
        return new SnapshotFiles(unpacked, description, null, true);
    }

    /** The snapshot in {@code directory}; {@code description} names it in errors. */
    public static SnapshotFiles directory(Path directory, String description) {
        if (!Files.isDirectory(directory)) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + description + ": "
                    + (Files.exists(directory) ? "it is not a directory" : "the directory does not exist")
                    + ". Export a snapshot there, or fix the location.");
        }
        return new SnapshotFiles(directory.toAbsolutePath().normalize(), description, null, false);
    }

    /** The snapshot under {@code entry} (a folder inside the jar, no leading slash) of the jar at {@code jar}. */
    public static SnapshotFiles inJar(Path jar, String entry, String description) {
        try {
            FileSystem zip = FileSystems.newFileSystem(jar, (ClassLoader) null);
            return new SnapshotFiles(zip.getPath("/" + entry), description, zip, false);
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(jar.toString(), e);
        }
    }

    /** How errors name {@code fileName}: the snapshot's description, a slash, the name. */
    public String where(String fileName) {
        return description + "/" + fileName;
    }

    /** Whether {@code fileName} exists inside the snapshot (a symbolic link counts, and is refused on open). */
    public boolean exists(String fileName) {
        Path file = resolve(fileName);
        return Files.isSymbolicLink(file) || Files.exists(file);
    }

    /** Opens {@code fileName} for reading; refuses symbolic links and anything that is not a regular file. */
    public InputStream open(String fileName) throws IOException {
        Path file = resolve(fileName);
        if (Files.isSymbolicLink(file)) {
            throw SnapshotErrors.format(where(fileName) + " is a symbolic link; snapshot files must be regular "
                    + "files inside the snapshot directory, so that nothing outside it is read.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw SnapshotErrors.format(where(fileName) + " is not a regular file.");
        }
        return Files.newInputStream(file);
    }

    /**
     * The names of the hand-written fixture files ({@code .csv}, {@code .tsv}, {@code .yml}, {@code .yaml}) in the
     * folder, sorted; {@code .tsv} files count as fixtures only where there is no exported manifest.
     */
    public List<String> fixtureFiles() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).filter(SnapshotFiles::isFixture).sorted().toList();
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(description, e);
        }
    }

    /** Whether {@code name} is the name of a fixture file: {@code .csv}, {@code .tsv}, {@code .yml}, {@code .yaml}. */
    public static boolean isFixture(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".yml")
                || lower.endsWith(".yaml"));
    }

    /** The names of the {@code .tsv} files in the snapshot, whatever the manifest lists. */
    public List<String> tableFiles() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(TableFileName.EXTENSION))
                    .sorted().toList();
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(description, e);
        }
    }

    private Path resolve(String fileName) {
        Path file = root.resolve(fileName).normalize();
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || !root.equals(file.getParent())) {
            throw SnapshotErrors.format("'" + fileName + "' would escape the snapshot " + description + "; a "
                    + "snapshot file is a plain file name inside the snapshot.");
        }
        return file;
    }

    @Override
    public void close() {
        if (ownedDirectory) {
            try {
                DirectorySwap.deleteTree(root);
            } catch (IOException e) {
                // a temporary directory: what is left goes with the next clean-up of the temporary folder
            }
        }
        if (ownedFileSystem != null) {
            try {
                ownedFileSystem.close();
            } catch (IOException e) {
                throw SnapshotErrors.unreadable(description, e);
            }
        }
    }
}
