package dev.seedkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded fuzz run of the snapshot reader: random mutations of a valid snapshot's files (bytes flipped, inserted,
 * deleted, lines repeated or cut, the manifest edited; half of the time with the table file re-pinned, so that the
 * mutated lines get past the checksum to the line checks). Whatever the mutation, reading either succeeds or throws
 * a {@link SeedException}: never another exception, never a hang. The seed is fixed and the run takes
 * {@value #SECONDS} seconds, so it is repeatable and bounded; a failure names the iteration to replay. For a longer
 * run with another seed: {@code -Dseedkit.fuzz.seconds=600 -Dseedkit.fuzz.seed=7}.
 */
@ExtendWith(TestPostgres.class)
class SnapshotReaderFuzzTests {

    private static final long SEED = 20261203L;
    private static final int SECONDS = 20;
    private static final byte[] INTERESTING = {'\t', '\n', '\r', '\\', 'N', '.', 0, (byte) 0xC3, (byte) 0xFF, '"',
        '{', '}', ':', ',', '0', '9', '-'};

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path good;

    @BeforeAll
    static void exportTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        good = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("good"));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @Test
    void aMutatedSnapshotReadsOrFailsWithASeedExceptionAndNeverHangs() throws Exception {
        long seed = Long.getLong("seedkit.fuzz.seed", SEED);
        long seconds = Long.getLong("seedkit.fuzz.seconds", SECONDS);
        Random random = new Random(seed);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        int iterations = 0;
        int refused = 0;
        try {
            while (System.nanoTime() < end) {
                iterations++;
                Path copy = dir.resolve("fuzz-" + iterations);
                String mutation = mutate(SnapshotCopy.of(good, copy), random);
                Future<Boolean> read = reader.submit(() -> readAll(copy));
                try {
                    refused += read.get(10, TimeUnit.SECONDS) ? 0 : 1;
                } catch (TimeoutException e) {
                    fail("Iteration %d (seed %d, %s) did not finish reading in 10 s", iterations, seed, mutation);
                } catch (ExecutionException e) {
                    throw new AssertionError("Iteration " + iterations + " (seed " + seed + ", " + mutation
                            + ") threw " + e.getCause() + " instead of a SeedException", e.getCause());
                }
                deleteTree(copy);
            }
        } finally {
            reader.shutdownNow();
        }
        assertThat(iterations).as("iterations in %d s", seconds).isGreaterThan(100);
        assertThat(refused).as("mutations refused of %d", iterations).isGreaterThan(iterations / 2);
    }

    /** Reads everything: verify, then each table as rows and as COPY text. True if it read, false if refused. */
    private static boolean readAll(Path snapshot) throws Exception {
        try (Snapshot open = SnapshotLocation.directory(snapshot).open()) {
            open.verify();
            for (SnapshotManifest.Table table : open.manifest().tables()) {
                try (TableFileReader reader = TableFileReader.open(open, table)) {
                    while (reader.nextRow().isPresent()) {
                        // every row decoded
                    }
                }
                try (TableFileReader reader = TableFileReader.open(open, table)) {
                    reader.dataStream().transferTo(OutputStream.nullOutputStream());
                }
            }
            return true;
        } catch (SeedException e) {
            assertThat(e.getMessage()).as("a SeedException says something").isNotBlank();
            return false;
        }
    }

    /** Applies one to three mutations to one file; returns what was done, to name in a failure. */
    private static String mutate(SnapshotCopy copy, Random random) throws Exception {
        List<String> files;
        try (var entries = Files.list(copy.directory())) {
            files = entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
        String file = files.get(random.nextInt(files.size()));
        byte[] bytes = Files.readAllBytes(copy.file(file));
        StringBuilder done = new StringBuilder(file + ":");
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            bytes = mutateBytes(bytes, random, done);
        }
        copy.overwrite(file, bytes);
        if (file.endsWith(".tsv") && random.nextBoolean()) {
            copy.repin(file);
            done.append(" re-pinned");
        }
        return done.toString();
    }

    private static byte[] mutateBytes(byte[] bytes, Random random, StringBuilder done) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        byte value = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt();
        switch (random.nextInt(5)) {
            case 0 -> {
                done.append(" set ").append(at);
                if (bytes.length > 0) {
                    bytes[at] = value;
                }
                return bytes;
            }
            case 1 -> {
                done.append(" insert ").append(at);
                return splice(bytes, at, 0, new byte[] {value});
            }
            case 2 -> {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                done.append(" delete ").append(at).append('+').append(length);
                return splice(bytes, at, length, new byte[0]);
            }
            case 3 -> {
                int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                done.append(" repeat ").append(at).append('+').append(length);
                byte[] part = new byte[length];
                System.arraycopy(bytes, at, part, 0, length);
                return splice(bytes, at, 0, part);
            }
            default -> {
                done.append(" cut ").append(at);
                return splice(bytes, at, bytes.length - at, new byte[0]);
            }
        }
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] result = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(bytes, at + remove, result, at + insert.length, bytes.length - at - remove);
        return result;
    }

    private static void deleteTree(Path directory) throws Exception {
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(directory);
    }
}
