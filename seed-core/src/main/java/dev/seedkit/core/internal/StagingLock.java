package dev.seedkit.core.internal;

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
 * The mark of a live export's staging directory: a file next to it, named as the directory plus {@value #SUFFIX},
 * holding the owner's process id and locked by the owner for as long as it works there. It lies beside the
 * directory, not in it, so that it never ends up in a snapshot, and an export into a staging directory (as
 * {@code refresh} does) finds it empty. The operating system drops the lock when the process ends,
 * however it ends ({@code kill -9} included), so a staging directory whose lock can be taken has no live owner.
 *
 * <p>The directories this JVM owns are also kept in a set, and never probed: POSIX drops all of a process's locks
 * on a file when it closes any descriptor of it, so probing our own lock would release it.
 */
public final class StagingLock implements AutoCloseable {

    /** What a staging directory's name ends in to name its lock file. */
    static final String SUFFIX = ".lock";

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

    /** Creates and locks the lock file of {@code directory}, which this process has just created. */
    public static StagingLock acquire(Path directory) throws IOException {
        Path file = file(directory);
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
        Path file = file(directory);
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
    public static String owner(Path directory) {
        try {
            return Files.readString(file(directory), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "owner unknown";
        }
    }

    /** The lock file of {@code directory}. */
    public static Path file(Path directory) {
        return directory.resolveSibling(directory.getFileName() + SUFFIX);
    }

    /**
     * Deletes the file, then releases the lock. A directory without a lock file counts as fresh work for a while
     * ({@link StaleStaging}), so nothing can take it for stale between the two.
     */
    @Override
    public void close() throws IOException {
        try (channel) {
            Files.deleteIfExists(file);
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            OWNED.remove(directory(file));
        }
    }

    private static Path directory(Path lockFile) {
        String name = lockFile.getFileName().toString();
        return lockFile.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
    }
}
