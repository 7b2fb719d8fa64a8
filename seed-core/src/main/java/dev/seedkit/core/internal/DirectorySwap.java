package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.stream.Stream;

/**
 * Replaces a snapshot directory as a whole: the export writes into a fresh sibling directory, and only a complete
 * snapshot is moved into place. Until {@link #commit()} the target is untouched, so a failed export leaves the old
 * snapshot as it was; {@link #close()} then deletes the unfinished one.
 *
 * <p>The swap is two renames on the same file system: old snapshot aside, new one in, then the old one deleted.
 * Should the process die between the two, the old snapshot is in {@code .<name>.replaced-*} next to the target.
 * Files in the old snapshot other than its manifest and table files ({@code README.md}, {@code .gitattributes})
 * are copied into the new one first.
 *
 * <p>The sibling has a {@link StagingLock} while the export works in it. Preparing a swap first removes what
 * earlier exports of the same target left when they died ({@link StaleStaging}): staging directories whose lock no
 * live process holds, and old snapshots a finished swap did not get to delete. Each removal is logged.
 */
public final class DirectorySwap implements AutoCloseable {

    private final Path target;
    private final Path work;
    private final StagingLock lock;
    private boolean committed;

    private DirectorySwap(Path target, Path work, StagingLock lock) {
        this.target = target;
        this.work = work;
        this.lock = lock;
    }

    /**
     * Checks that {@code target} is absent, empty or a snapshot, and creates the sibling to write into.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} if the target holds something else
     */
    public static DirectorySwap prepare(Path target) {
        return prepare(target, "export");
    }

    /**
     * As {@link #prepare(Path)}, naming the sibling {@code .<name>.<purpose>-*} (e.g. {@code refresh}), so that a
     * leftover says what produced it. {@code purpose} is lower-case letters.
     */
    public static DirectorySwap prepare(Path target, String purpose) {
        if (!purpose.matches("[a-z]+")) {
            throw new IllegalArgumentException("purpose '" + purpose + "' must be lower-case letters");
        }
        Path absolute = target.toAbsolutePath().normalize();
        requireReplaceable(absolute);
        try {
            Files.createDirectories(absolute.getParent());
            StaleStaging.removeAround(absolute);
            Path work = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + "." + purpose
                    + "-");
            try {
                return new DirectorySwap(absolute, work, StagingLock.acquire(work));
            } catch (IOException | RuntimeException e) {
                deleteTree(work);
                throw e;
            }
        } catch (IOException e) {
            throw unwritable(absolute, e);
        }
    }

    /** Where to write the new snapshot. */
    public Path workDirectory() {
        return work;
    }

    /** Moves the new snapshot into place, keeping the old one's extra files and its permissions. */
    public void commit() {
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                copyExtraFiles(target, work);
                if (Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(work, Files.getPosixFilePermissions(target));
                }
                Path aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".replaced-");
                Files.delete(aside);
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                moveBackOnFailure(aside);
                deleteTree(aside);
            }
            committed = true;
            lock.close();
        } catch (IOException e) {
            throw unwritable(target, e);
        }
    }

    /** Deletes the unfinished snapshot, unless it was committed. */
    @Override
    public void close() {
        try {
            if (!committed) {
                deleteTree(work);
            }
            lock.close();
        } catch (IOException e) {
            throw unwritable(work, e);
        }
    }

    private void moveBackOnFailure(Path aside) throws IOException {
        try {
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
    }

    private static void requireReplaceable(Path target) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot export a snapshot to " + target
                    + ": it exists and is not a directory. Give a directory path, new or holding a snapshot.");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(target.resolve(SnapshotManifest.FILE_NAME))) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Cannot export a snapshot to " + target
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

    /** Deletes {@code root} and everything in it; what another process deletes meanwhile is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static SeedException unwritable(Path path, IOException e) {
        return new SeedException(SeedException.Code.CONFIGURATION, "Cannot write the snapshot at " + path + ": "
                + e + ". Check that the directory and its parent are writable and on one file system.", e);
    }
}
