package dev.seedkit.core.exporter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mark of a live export in its staging directory: a file {@value #FILE_NAME} holding the owner's process id,
 * locked by the owner for as long as it works there. The operating system drops the lock when the process ends,
 * however it ends ({@code kill -9} included), so a staging directory whose lock can be taken has no live owner.
 *
 * <p>The directories this JVM owns are also kept in a set, and never probed: POSIX drops all of a process's locks
 * on a file when it closes any descriptor of it, so probing our own lock would release it.
 */
final class StagingLock implements AutoCloseable {

    /** The lock file's name inside a staging directory. */
    static final String FILE_NAME = ".seedkit-staging.lock";

    /** The staging directories this JVM holds locks in (a process-wide fact, like the locks themselves). */
    private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StagingLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates and locks the lock file in {@code directory}, which this process has just created. */
    static StagingLock acquire(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        OWNED.add(directory);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            ProcessHandle self = ProcessHandle.current();
            channel.write(StandardCharsets.UTF_8.encode("pid " + self.pid() + " started "
                    + self.info().startInstant().map(Instant::toString).orElse("?") + "\n"));
            channel.force(false);
            return new StagingLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            OWNED.remove(directory);
            throw e;
        }
    }

    /**
     * Whether a live process holds the lock of {@code directory}; empty when the directory has no lock file (left
     * by an older version, or by a process that died before writing it).
     */
    static Optional<Boolean> held(Path directory) {
        if (OWNED.contains(directory)) {
            return Optional.of(true);
        }
        Path file = directory.resolve(FILE_NAME);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return Optional.of(true);
            }
            probe.release();
            return Optional.of(false);
        } catch (OverlappingFileLockException e) {
            return Optional.of(true); // an export in this JVM owns it
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(true); // cannot tell: treat as alive, never delete what may be in use
        }
    }

    /** What the lock file says about its owner, e.g. {@code pid 4242 started 2024-06-30T21:59:59Z}. */
    static String owner(Path directory) {
        try {
            return Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "owner unknown";
        }
    }

    /**
     * Deletes the file, so that it does not end up in the snapshot, then releases the lock. A directory without a
     * lock file counts as fresh work for a while ({@link StaleStaging}), so nothing can take it for stale between
     * the two.
     */
    @Override
    public void close() throws IOException {
        try (channel) {
            Files.deleteIfExists(file);
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            OWNED.remove(file.getParent());
        }
    }
}
