package dev.seedkit.postgres;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the clusters an embedded server keeps in its cache directory between runs ({@link
 * EmbeddedPostgres.Builder#warm}), so that the next run skips {@code initdb} and finds what it left there.
 *
 * <p>Clusters live in {@code <cache>/warm/<binaries>/slot-<n>}: one set per unpacked binaries (a new PostgreSQL
 * version starts cold, and the clusters of versions no longer used are deleted), {@value #SLOTS} slots per set. A JVM
 * owns a slot while it holds an operating-system lock on {@code slot-<n>.lock}; the system releases it when the JVM
 * ends, however it ends. So JVMs running at the same time (Maven forks, two builds) never share a cluster, and a
 * postmaster found running on a slot just locked was left by a JVM that was killed: it is stopped before the slot
 * is used. When every slot is taken, the server falls back to a throwaway cluster.
 */
final class WarmSlot implements Closeable {

    static final int SLOTS = 4;
    private static final Logger log = LoggerFactory.getLogger(WarmSlot.class);

    private final Path data;
    private final FileChannel channel;
    private final FileLock lock;

    private WarmSlot(Path data, FileChannel channel, FileLock lock) {
        this.data = data;
        this.channel = channel;
        this.lock = lock;
    }

    /** The data directory of this slot's cluster (it may not exist yet). */
    Path data() {
        return data;
    }

    /** The first slot no other JVM holds, for the binaries in {@code binaries}; empty when all are held. */
    static Optional<WarmSlot> take(Path cache, Path binaries) throws IOException {
        Path warm = cache.resolve("warm");
        Path set = warm.resolve(binaries.getFileName().toString());
        PostgresBinaries.createWorldReadable(warm);
        PostgresBinaries.createWorldReadable(set);
        deleteSetsOfOtherBinaries(warm, set);
        for (int slot = 0; slot < SLOTS; slot++) {
            Optional<WarmSlot> taken = tryLock(set, slot);
            if (taken.isPresent()) {
                return taken;
            }
        }
        return Optional.empty();
    }

    private static Optional<WarmSlot> tryLock(Path set, int slot) throws IOException {
        FileChannel channel = FileChannel.open(set.resolve("slot-" + slot + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new WarmSlot(set.resolve("slot-" + slot), channel, lock));
            }
        } catch (OverlappingFileLockException heldByThisJvm) {
            // another server of this JVM runs on it
        }
        channel.close();
        return Optional.empty();
    }

    /**
     * Stops a postmaster still running on this slot's cluster: the slot was free, so its JVM is gone (killed before
     * it could stop its server). Fast shutdown keeps the cluster consistent.
     */
    void stopOrphan(Cluster cluster, ServerAccount account) {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            Process stop = new ProcessBuilder(account.command(List.of(cluster.program("pg_ctl"), "stop", "-D",
                    data.toString(), "-m", "fast", "-w", "-t", "20")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (stop.waitFor(30, TimeUnit.SECONDS) && stop.exitValue() == 0) {
                log.info("Stopped the PostgreSQL server a killed JVM left running on the warm cluster in {}", data);
            }
        } catch (IOException e) {
            log.debug("Could not run pg_ctl stop on {}: {}", data, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets another JVM take the slot; the cluster stays. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.debug("Could not release {}: {}", data, e.toString());
        }
    }

    /** Deletes the warm clusters of binaries no longer used, when no JVM holds any of their slots. */
    private static void deleteSetsOfOtherBinaries(Path warm, Path current) throws IOException {
        List<Path> others = new ArrayList<>();
        try (var sets = Files.list(warm)) {
            sets.filter(Files::isDirectory).filter(set -> !set.equals(current)).forEach(others::add);
        }
        for (Path set : others) {
            List<WarmSlot> held = new ArrayList<>();
            try {
                for (int slot = 0; slot < SLOTS; slot++) {
                    Optional<WarmSlot> taken = tryLock(set, slot);
                    if (taken.isEmpty()) {
                        break;
                    }
                    held.add(taken.get());
                }
                if (held.size() == SLOTS && held.stream().noneMatch(s -> Files.exists(s.data.resolve(
                        "postmaster.pid")))) {
                    log.info("Deleting the warm PostgreSQL clusters of binaries no longer used: {}", set);
                    held.forEach(WarmSlot::close);
                    held.clear();
                    PostgresBinaries.deleteTree(set);
                }
            } finally {
                held.forEach(WarmSlot::close);
            }
        }
    }
}
