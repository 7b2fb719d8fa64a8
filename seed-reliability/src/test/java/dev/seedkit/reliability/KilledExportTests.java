package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export killed with {@code kill -9} leaves the snapshot it was replacing as it was, and its staging directory
 * behind; the next export of that snapshot removes the leftover, but never the staging directory of an export that
 * is still running in another process.
 */
@ExtendWith(TestPostgres.class)
class KilledExportTests {

    /** Masks every row with a short sleep, so that an export takes seconds and can be caught while it runs. */
    private static final String SLOW_MASK = "shop.customers.name=sql:upper({column})"
            + " || (SELECT '' FROM pg_sleep(0.05))";

    @TempDir
    static Path dir;

    private static Shop shop;
    private static String source;

    @BeforeAll
    static void createTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        source = shop.createDatabase(Shop.SCHEMA + Shop.DATA);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @Test
    void theNextExportRemovesWhatAKilledExportLeftAndTheSnapshotSurvivedIt() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("killed"));
        Path snapshot = shop.export(source, parent.resolve("shop"));
        String manifest = Files.readString(snapshot.resolve("manifest.json"));
        Process export = slowExport(parent, "killed-export", snapshot);

        List<Path> leftovers = staging(parent);
        export.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(leftovers).as("the killed export's staging directory and lock file").hasSize(2);
        assertThat(leftovers).allSatisfy(p -> assertThat(p).exists());
        assertThat(Files.readString(snapshot.resolve("manifest.json"))).isEqualTo(manifest);
        shop.export(source, snapshot);
        assertThat(names(parent)).containsExactly("shop");
        assertThat(Cli.run("verify", "--snapshot", snapshot.toString()).exitCode()).isZero();
    }

    @Test
    void aStagingDirectoryOfAnExportStillRunningElsewhereIsKept() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("running"));
        Path snapshot = shop.export(source, parent.resolve("shop"));
        Process export = slowExport(parent, "running-export", snapshot);
        List<Path> running = staging(parent);

        shop.export(source, snapshot);

        assertThat(running).allSatisfy(p -> assertThat(p).as("still in use by pid %d", export.pid()).exists());
        Cli.Result slow = new ForkedCli(dir, shop.env()).finish("running-export", export);
        assertThat(slow.exitCode()).as(slow.toString()).isZero();
        assertThat(names(parent)).containsExactly("shop");
        assertThat(Files.readString(snapshot.resolve("shop.customers.tsv"))).as("the slow export finished last")
                .contains("\tCUSTOMER 1\t");
    }

    /** Starts an export that takes seconds in another process and waits until it works in its staging directory. */
    private static Process slowExport(Path parent, String name, Path snapshot) throws Exception {
        Process export = new ForkedCli(dir, shop.env()).start(name, args("export", shop.forkedConnection(source),
                "--snapshot", snapshot.toString(), "--rows-per-table", "1000000", "--mask", SLOW_MASK));
        for (int i = 0; i < 600 && staging(parent).size() < 2; i++) {
            assertThat(export.isAlive()).as("the export is still running").isTrue();
            Thread.sleep(50);
        }
        assertThat(staging(parent)).as("the export's staging directory and lock file").hasSize(2);
        return export;
    }

    /** The staging directories and lock files next to the snapshot. */
    private static List<Path> staging(Path parent) throws Exception {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".shop.export-")).sorted().toList();
        }
    }

    private static List<String> names(Path parent) throws Exception {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
