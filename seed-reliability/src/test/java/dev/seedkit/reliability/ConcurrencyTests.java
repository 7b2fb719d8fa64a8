package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes and threads at once: importing one snapshot into one database loads it exactly once and every
 * report agrees; exporting while other sessions write gives a snapshot without orphans, which a database with
 * every foreign key accepts.
 */
@ExtendWith(TestPostgres.class)
class ConcurrencyTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROCESSES = 3;
    private static final int THREADS = 3;

    @TempDir
    static Path dir;

    private static Shop shop;

    @BeforeAll
    static void useTheServer(PostgresServer server) {
        shop = new Shop(server);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @Test
    void processesAndThreadsImportingOneSnapshotLoadItOnceAndAgreeOnIt() throws Exception {
        Path snapshot = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("shop"));
        String target = shop.createDatabase(Shop.SCHEMA);
        ForkedCli forked = new ForkedCli(dir, shop.env());
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(forked.start("import-" + i, args("import", shop.forkedConnection(target), "--snapshot",
                    snapshot.toString(), "--json")));
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Cli.Result>> inProcess = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            inProcess.add(threads.submit(() -> Cli.run(args("import", shop.connection(target), "--snapshot",
                    snapshot.toString(), "--json"))));
        }
        List<Cli.Result> results = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            results.add(forked.finish("import-" + i, processes.get(i)));
        }
        for (Future<Cli.Result> result : inProcess) {
            results.add(result.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();

        List<JsonNode> reports = new ArrayList<>();
        for (Cli.Result result : results) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            reports.add(JSON.readTree(result.out()));
        }
        assertThat(reports).filteredOn(r -> !r.get("alreadyApplied").asBoolean()).singleElement()
                .satisfies(r -> assertThat(r.get("inserted").asLong()).isEqualTo(rows(snapshot)));
        assertThat(reports).filteredOn(r -> r.get("alreadyApplied").asBoolean()).hasSize(PROCESSES + THREADS - 1)
                .allSatisfy(r -> assertThat(r.get("inserted").asLong()).isZero());
        assertThat(reports).extracting(r -> r.get("snapshotId").asText()).containsOnly(reports.get(0)
                .get("snapshotId").asText());
        assertThat(value(target, "select count(*) from seedkit.applied_snapshots")).isEqualTo(1);
        assertThat(Cli.run(args("verify", shop.connection(target), "--snapshot", snapshot.toString(), "--data"))
                .exitCode()).isZero();
    }

    @Test
    void exportingWhileOtherSessionsWriteGivesSnapshotsWithoutOrphans() throws Exception {
        String source = shop.createDatabase(Shop.SCHEMA + Shop.DATA);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong writes = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = List.of(writers.submit(() -> write(source, writing, writes, 0)),
                writers.submit(() -> write(source, writing, writes, 1)));
        List<Path> snapshots = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                snapshots.add(shop.export(source, dir.resolve("while-writing-" + i)));
            }
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }

        assertThat(writes.get()).as("transactions written during the exports").isGreaterThan(10);
        for (Path snapshot : snapshots) {
            String target = shop.createDatabase(Shop.SCHEMA);
            Cli.Result imported = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString(),
                    "--verify"));
            assertThat(imported.exitCode()).as(imported.toString()).isZero();
            Cli.Result verified = Cli.run(args("verify", shop.connection(target), "--snapshot", snapshot.toString(),
                    "--data"));
            assertThat(verified.exitCode()).as(verified.toString()).isZero();
        }
    }

    /**
     * Until told to stop, writes transactions that add a customer with an order and its lines, and delete an order
     * with its lines (one of the original ones, then its own of three transactions before), so that an export
     * reading at the wrong moment would find children without parents. Each writer deletes only orders no other
     * writer touches.
     */
    private static void write(String database, AtomicBoolean writing, AtomicLong writes, int writer) {
        try (Connection c = shop.connect(database); Statement s = c.createStatement()) {
            for (long i = 0; writing.get(); i++) {
                long id = 100_000 + writer * 1_000_000 + i;
                long original = 1 + 2 * i + writer;
                long gone = original <= 150 ? original : id - 3;
                s.execute("BEGIN; INSERT INTO shop.customers VALUES (" + id + ", 'w" + id + "@shop.example', 'W', 1);"
                        + " INSERT INTO shop.orders VALUES (" + id + ", " + id + ", date '2025-01-01', null);"
                        + " INSERT INTO shop.order_lines VALUES (" + id + ", 1, 1), (" + id + ", 2, 2);"
                        + " DELETE FROM shop.order_lines WHERE order_id = " + gone + ";"
                        + " DELETE FROM shop.orders WHERE id = " + gone + "; COMMIT");
                writes.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rows(Path snapshot) {
        try (Snapshot open = SnapshotLocation.directory(snapshot).open()) {
            return open.manifest().tables().stream().mapToLong(SnapshotManifest.Table::rowCount).sum();
        }
    }

    private static long value(String database, String sql) throws Exception {
        try (Connection c = shop.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
