package dev.seedkit.bench;

import dev.seedkit.postgres.EmbeddedPostgres;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Section 6, start-up: until an embedded PostgreSQL accepts connections, with a fresh cache directory (the binaries
 * are unpacked first) and with the cache directory of an earlier run (initdb and start only); and until a
 * Testcontainers PostgreSQL accepts connections, where Docker is reachable; and the edit-run loop ({@link
 * EditRunBench}): one test class run again in a new JVM, with and without the warm cluster.
 */
final class StartupBench {

    static final String FIRST = "embedded PostgreSQL ready, first run (unpack + initdb + start)";
    static final String WARM = "embedded PostgreSQL ready, warm run (initdb + start)";
    static final String CONTAINER = "Testcontainers PostgreSQL ready (container start + first query)";

    private final BenchContext context;
    private final TypicalFixture fixture;

    StartupBench(BenchContext context, TypicalFixture fixture) {
        this.context = context;
        this.fixture = fixture;
    }

    void run(ResultTable table) throws Exception {
        context.progress("6. start-up of embedded PostgreSQL");
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
        table.section("6. Start-up: until PostgreSQL accepts connections: embedded from binaries on the class path, "
                + "and in a Testcontainers container");
        table.row(FIRST, first, null, "fresh cache directory");
        table.row(WARM, warm, first, "binaries already unpacked; ratio: vs first run");
        measureContainer(table, warm);
        new EditRunBench(context, fixture).run(table);
    }

    /** Times {@code largeRuns} container starts, or says in the row why it could not. */
    private void measureContainer(ResultTable table, Timings embeddedWarm) {
        String image = PostgresServers.containerImage();
        if (!PostgresServers.dockerAvailable()) {
            table.value(CONTAINER, "not measured", "Docker is not reachable by Testcontainers here (image would be "
                    + image + "; start Docker or set DOCKER_HOST)");
            return;
        }
        context.progress("6. start-up of a Testcontainers PostgreSQL (%s)", image);
        Timings timings = new Timings();
        try {
            for (int run = 0; run < context.options().largeRuns(); run++) {
                PostgresServer server = timings.time(() -> startContainer(image));
                server.close();
            }
        } catch (Exception e) {
            table.value(CONTAINER, "not measured", "could not start " + image + ": " + e.getMessage().lines()
                    .findFirst().orElse(e.toString()));
            return;
        }
        table.row(CONTAINER, timings, embeddedWarm, "image " + image + ", already present locally; ratio: vs "
                + "embedded warm run; stop not timed");
    }

    private static PostgresServer startContainer(String image) throws Exception {
        PostgresServer server = PostgresServers.container(image);
        try (Connection c = server.connect(server.defaultDatabase())) {
            Databases.queryValue(c, "SELECT 1");
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
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
