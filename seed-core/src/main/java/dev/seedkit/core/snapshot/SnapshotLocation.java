package dev.seedkit.core.snapshot;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.SnapshotFiles;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a snapshot lives: a directory, or a folder on the class path, which may be inside a jar. Tests usually
 * keep snapshots under {@code src/test/resources} and name them {@code classpath:fixtures/demo}; tools use
 * directories. {@link #open()} reads the manifest and checks that the files match it.
 *
 * <p>A class path location is found through its {@code manifest.json} resource (so jars without directory
 * entries work); when several class path entries have one, the class loader's first wins.
 */
public final class SnapshotLocation {

    /** Prefix of class path locations in {@link #of(String)}. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final Path directory;
    private final String resource;
    private final ClassLoader loader;

    private SnapshotLocation(Path directory, String resource, ClassLoader loader) {
        this.directory = directory;
        this.resource = resource;
        this.loader = loader;
    }

    /** {@code classpath:some/folder} for a class path location, anything else for a directory path. */
    public static SnapshotLocation of(String location) {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return classpath(location.substring(CLASSPATH_PREFIX.length()));
        }
        return directory(Path.of(location));
    }

    /** The snapshot in {@code directory}. */
    public static SnapshotLocation directory(Path directory) {
        return new SnapshotLocation(Objects.requireNonNull(directory, "directory"), null, null);
    }

    /** The snapshot in class path folder {@code resource}, seen by the thread's context class loader. */
    public static SnapshotLocation classpath(String resource) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return classpath(resource, context != null ? context : SnapshotLocation.class.getClassLoader());
    }

    /** The snapshot in class path folder {@code resource} (e.g. {@code fixtures/demo}), seen by {@code loader}. */
    public static SnapshotLocation classpath(String resource, ClassLoader loader) {
        String folder = resource.replaceAll("^/+|/+$", "");
        if (folder.equals("..") || folder.startsWith("../") || folder.contains("/../") || folder.endsWith("/..")) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Class path location '" + resource
                    + "' contains '..'; name the folder from the class path root, e.g. classpath:fixtures/demo.");
        }
        return new SnapshotLocation(null, folder, Objects.requireNonNull(loader, "loader"));
    }

    /** Opens the snapshot: reads its manifest and checks that the table files are exactly the listed ones. */
    public Snapshot open() {
        return Snapshot.open(this, files());
    }

    private SnapshotFiles files() {
        if (directory != null) {
            return SnapshotFiles.directory(directory, toString());
        }
        String manifest = resource.isEmpty() ? SnapshotManifest.FILE_NAME
                : resource + "/" + SnapshotManifest.FILE_NAME;
        URL url = loader.getResource(manifest);
        if (url == null) {
            throw new SeedException(SeedException.Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + this + ": the class "
                    + "path has no " + manifest + ". Put the snapshot under src/test/resources/" + resource
                    + " (or another class path folder), or fix the location.");
        }
        return filesAt(url);
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

    /** {@code classpath:folder} or the directory path. */
    @Override
    public String toString() {
        return directory != null ? directory.toString() : CLASSPATH_PREFIX + resource;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotLocation that && Objects.equals(directory, that.directory)
                && Objects.equals(resource, that.resource) && Objects.equals(loader, that.loader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, resource, loader);
    }
}
