package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Location;
import dev.seedkit.core.internal.SnapshotFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a snapshot lives: a directory, or a folder on the class path, which may be inside a jar; or a single-file
 * snapshot ({@link SnapshotArchive}: {@code demo.tar.gz}, {@code .tgz}, {@code .zip}) at a path or on the class
 * path. Tests usually keep snapshots under {@code src/test/resources} and name them {@code classpath:fixtures/demo}
 * (or {@code classpath:fixtures/demo.tar.gz}); tools use directories. {@link #open()} reads the manifest and checks
 * that the files match it; an archive is unpacked first, into a temporary directory closing the snapshot deletes.
 *
 * <p>A class path location is found through its {@code manifest.json} resource (so jars without directory
 * entries work); when several class path entries have one, the class loader's first wins. Every Seedkit module
 * reads locations this way (the JUnit extension's init scripts too), with the class loader the caller names, or
 * else the thread's context class loader, else Seedkit's own.
 */
public final class SnapshotLocation {

    /** Prefix of class path locations in {@link #of(String)}. */
    public static final String CLASSPATH_PREFIX = Location.CLASSPATH_PREFIX;

    /** Optional prefix of directory locations in {@link #of(String)}: {@code file:src/test/resources/demo}. */
    public static final String FILE_PREFIX = Location.FILE_PREFIX;

    /** The directory or the archive file; null on the class path. */
    private final Path path;
    private final String resource;
    private final ClassLoader loader;

    private SnapshotLocation(Path path, String resource, ClassLoader loader) {
        this.path = path;
        this.resource = resource;
        this.loader = loader;
    }

    /**
     * {@code classpath:some/folder} (or {@code classpath:some/demo.tar.gz}) for a class path location (seen by the
     * thread's context class loader); a path ending in {@code .tar.gz}, {@code .tgz} or {@code .zip} that is not a
     * directory for an archive; anything else for a directory path, optionally written {@code file:path}.
     */
    public static SnapshotLocation of(String location) {
        return of(location, Location.defaultLoader());
    }

    /** Like {@link #of(String)}, with class path locations seen by {@code loader}. */
    public static SnapshotLocation of(String location, ClassLoader loader) {
        Location parsed = Location.parse(location);
        if (parsed.onClasspath()) {
            return classpath(parsed.resource(), loader);
        }
        Path path = parsed.path();
        return SnapshotArchive.isArchive(path.toString()) && !Files.isDirectory(path) ? archive(path)
                : directory(path);
    }

    /** The single-file snapshot {@code archive} ({@code .tar.gz}, {@code .tgz} or {@code .zip}). */
    public static SnapshotLocation archive(Path archive) {
        if (!SnapshotArchive.isArchive(archive.getFileName().toString())) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Snapshot archive " + archive + " has a name "
                    + "that ends in neither .tar.gz, .tgz nor .zip, which say how to unpack it; rename it.");
        }
        return new SnapshotLocation(archive, null, null);
    }

    /** The snapshot in {@code directory}. */
    public static SnapshotLocation directory(Path directory) {
        return new SnapshotLocation(Objects.requireNonNull(directory, "directory"), null, null);
    }

    /** The snapshot in class path folder {@code resource}, seen by the thread's context class loader. */
    public static SnapshotLocation classpath(String resource) {
        return classpath(resource, Location.defaultLoader());
    }

    /** The snapshot in class path folder {@code resource} (e.g. {@code fixtures/demo}), seen by {@code loader}. */
    public static SnapshotLocation classpath(String resource, ClassLoader loader) {
        return new SnapshotLocation(null, Location.classpath(resource).resource(),
                Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Opens the snapshot: reads its manifest and checks that the table files are exactly the listed ones. Hand-written
     * fixtures (a folder of {@code .csv}, {@code .tsv} or {@code .yml} files without an exported manifest, or one
     * such file) are read and made into table files first.
     */
    public Snapshot open() {
        if (isFixtureFile()) {
            String name = path != null ? path.getFileName().toString()
                    : resource.substring(resource.lastIndexOf('/') + 1);
            return FixtureSet.open(this, fixtureFile(name), List.of(name), null);
        }
        return Snapshot.open(this, files());
    }

    private boolean isFixtureFile() {
        return path != null ? !Files.isDirectory(path) && SnapshotFiles.isFixture(path.getFileName().toString())
                : SnapshotFiles.isFixture(resource.substring(resource.lastIndexOf('/') + 1));
    }

    /** The folder holding the single fixture file {@code name}: its directory, or a copy of the resource. */
    private SnapshotFiles fixtureFile(String name) {
        if (path != null) {
            if (!Files.isRegularFile(path)) {
                throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No fixture file at " + this
                        + ": the file does not exist. Write it there, or fix the location.");
            }
            Path parent = path.toAbsolutePath().getParent();
            return SnapshotFiles.directory(parent, parent.toString());
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No fixture file at " + this + ": "
                        + "the class path has no " + resource + ". Put it under src/test/resources, or fix the "
                        + "location.");
            }
            Path copy = Files.createTempDirectory("seedkit-fixture");
            Files.copy(in, copy.resolve(name));
            String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/')) : "";
            return SnapshotFiles.unpacked(copy, CLASSPATH_PREFIX + folder);
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "Could not read " + this + ": " + e
                    + ". Check that the file is readable, then retry.", e);
        }
    }

    private SnapshotFiles files() {
        if (path != null && isArchive()) {
            return archiveFiles();
        }
        if (path != null) {
            return SnapshotFiles.directory(path, toString());
        }
        if (isArchive()) {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + this + ": the "
                        + "class path has no " + resource + ". Put the archive under src/test/resources (or another "
                        + "class path folder), or fix the location.");
            }
            return unpacked(in, resource);
        }
        String manifest = resource.isEmpty() ? SnapshotManifest.FILE_NAME
                : resource + "/" + SnapshotManifest.FILE_NAME;
        URL url = loader.getResource(manifest);
        URL folder = url == null ? loader.getResource(resource) : null;
        if (folder != null && folder.getProtocol().equals("file")) {
            try {
                return SnapshotFiles.directory(Path.of(folder.toURI()), toString());
            } catch (URISyntaxException e) {
                // not a path: reported as not found below
            }
        }
        if (url == null) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + this + ": the class "
                    + "path has no " + manifest + ". Put the snapshot under src/test/resources/" + resource
                    + " (or another class path folder), or fix the location.");
        }
        return filesAt(url);
    }

    private boolean isArchive() {
        return SnapshotArchive.isArchive(path != null ? path.getFileName().toString() : resource);
    }

    private SnapshotFiles archiveFiles() {
        if (!Files.isRegularFile(path)) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + this + ": "
                    + (Files.exists(path) ? "it is not a file" : "the archive does not exist") + ". Export one "
                    + "there with seedkit export --archive, or fix the location.");
        }
        try {
            return unpacked(Files.newInputStream(path), path.getFileName().toString());
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, "Could not read " + this + ": " + e
                    + ". Check that the file is readable, then retry.", e);
        }
    }

    private SnapshotFiles unpacked(InputStream in, String name) {
        try (in) {
            return SnapshotFiles.unpacked(SnapshotArchive.unpack(in, name, toString()), toString());
        } catch (IOException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, "Could not read " + this + ": " + e
                    + ". Check that the file is readable, then retry.", e);
        }
    }

    private SnapshotFiles filesAt(URL manifest) {
        try {
            if (manifest.getProtocol().equals("file")) {
                return SnapshotFiles.directory(Path.of(manifest.toURI()).getParent(), toString());
            }
            if (manifest.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) manifest.openConnection();
                if (jar.getJarFileURL().getProtocol().equals("file")) {
                    return SnapshotFiles.inJar(Path.of(jar.getJarFileURL().toURI()), resource, toString());
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "Could not open " + this + " at "
                    + manifest + ": " + e + ". Unpack the snapshot into a directory and use its path instead.", e);
        }
        throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, this + " was found at " + manifest
                + ", which is neither a directory nor a plain jar file, so its files cannot be listed. Unpack the "
                + "snapshot into a directory and use its path instead.");
    }

    /** {@code classpath:folder} (or {@code classpath:file.tar.gz}), or the directory's or archive's path. */
    @Override
    public String toString() {
        return path != null ? path.toString() : CLASSPATH_PREFIX + resource;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotLocation that && Objects.equals(path, that.path)
                && Objects.equals(resource, that.resource) && Objects.equals(loader, that.loader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, resource, loader);
    }
}
