package dev.seedkit.bench;

import dev.seedkit.postgres.EmbeddedPostgres;
import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Section 5, start-up: until an embedded PostgreSQL accepts connections, with a fresh cache directory (the binaries
 * are unpacked first) and with the cache directory of an earlier run (initdb and start only).
 */
final class StartupBench {

    static final String FIRST = "embedded PostgreSQL ready, first run (unpack + initdb + start)";
    static final String WARM = "embedded PostgreSQL ready, warm run (initdb + start)";

    private final BenchContext context;

    StartupBench(BenchContext context) {
        this.context = context;
    }

    void run(ResultTable table) throws Exception {
        context.progress("5. start-up of embedded PostgreSQL");
        Timings first = new Timings();
        for (int run = 0; run < context.options().largeRuns(); run++) {
            Path cache = newCacheDirectory();
            try {
                startAndStop(cache, first);
            } finally {
                deleteTree(cache);
            }
        }
        Timings warm = new Timings();
        Path cache = newCacheDirectory();
        try {
            startAndStop(cache, new Timings());
            for (int run = 0; run < context.options().runs(); run++) {
                startAndStop(cache, warm);
            }
        } finally {
            deleteTree(cache);
        }
        table.section("5. Start-up: embedded PostgreSQL from binaries on the class path, until it accepts connections");
        table.row(FIRST, first, null, "fresh cache directory");
        table.row(WARM, warm, first, "binaries already unpacked; ratio: vs first run");
        table.note("Testcontainers (postgres:18) start-up: not measured yet; its row goes here.");
    }

    private static void startAndStop(Path cache, Timings timings) throws Exception {
        PostgresServer server = timings.time(() -> EmbeddedPostgres.builder().cacheDirectory(cache).start());
        server.close();
    }

    /** A directory that does not exist yet, directly under the temp directory (the server account must reach it). */
    private static Path newCacheDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "seed-bench-pg-" + UUID.randomUUID());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
