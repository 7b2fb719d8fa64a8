package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A new snapshot for {@code refresh}, written into a hidden directory next to the committed one
 * ({@code .demo.refresh-*} beside {@code demo}) and checked there. {@link #commit()} swaps it in with two renames on
 * the same file system, carrying over the old snapshot's other files ({@code README.md}, {@code .gitattributes}),
 * as the exporter does; until then the committed snapshot is untouched, and {@link #close()} deletes the new one.
 */
final class StagedSnapshot implements AutoCloseable {

    private final Path target;
    private final Path staged;
    private boolean committed;

    private StagedSnapshot(Path target, Path staged) {
        this.target = target;
        this.staged = staged;
    }

    /**
     * Checks that {@code target} is absent, empty or a snapshot, and creates the directory to stage into.
     *
     * @throws SeedException {@code CONFIGURATION} if the target holds something else, or cannot be written next to
     */
    static StagedSnapshot next(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        requireReplaceable(absolute);
        try {
            Files.createDirectories(absolute.getParent());
            return new StagedSnapshot(absolute, Files.createTempDirectory(absolute.getParent(),
                    "." + absolute.getFileName() + ".refresh-"));
        } catch (IOException e) {
            throw unwritable(absolute, e);
        }
    }

    /** Where to write the new snapshot. */
    Path directory() {
        return staged;
    }

    /** Whether there is a committed snapshot to compare with. */
    boolean replacesOne() {
        return Files.isRegularFile(target.resolve(SnapshotManifest.FILE_NAME));
    }

    /** The committed snapshot's directory. */
    Path target() {
        return target;
    }

    /** Moves the new snapshot into place, keeping the old one's extra files. */
    void commit() {
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                copyExtraFiles(target, staged);
                keepPermissions(target, staged);
                Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".replaced-");
                Files.delete(aside);
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                    throw e;
                }
                deleteTree(aside);
            }
            committed = true;
        } catch (IOException e) {
            throw unwritable(target, e);
        }
    }

    /** Deletes the new snapshot, unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staged);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the unused new snapshot " + staged, e);
            }
        }
    }

    private static void requireReplaceable(Path target) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot refresh the snapshot at " + target
                    + ": it exists and is not a directory. Give a directory path, new or holding a snapshot.");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(target.resolve(SnapshotManifest.FILE_NAME))) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot refresh the snapshot at " + target
                        + ": the directory is not empty and holds no " + SnapshotManifest.FILE_NAME + ", so it is "
                        + "not a snapshot, and replacing it would delete its files. Give a new or empty directory, "
                        + "or one holding a snapshot.");
            }
        } catch (IOException e) {
            throw unwritable(target, e);
        }
    }

    private static void copyExtraFiles(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(SnapshotManifest.FILE_NAME) && !name.endsWith(".tsv")) {
                    copyTree(entry, to.resolve(name));
                }
            }
        }
    }

    /** The new directory gets the old one's permissions, not the owner-only ones of a temporary directory. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.copy(dir, to.resolve(from.relativize(dir).toString()), LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static SeedException unwritable(Path path, IOException e) {
        return new SeedException(SeedException.Code.CONFIGURATION, "Cannot write the snapshot at " + path + ": "
                + e + ". Check that the directory and its parent are writable and on one file system.", e);
    }
}
