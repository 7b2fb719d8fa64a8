package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Copies left by a run that ended without cleaning up are dropped by the next run; live runs' are kept. */
@ExtendWith(TestPostgres.class)
class RunOwnershipTests {

    @TempDir
    Path dir;

    @Test
    void dropsTheCopiesOfARunThatIsGoneAndKeepsThoseOfARunThatIsAlive(PostgresServer server) throws Exception {
        String gone = "seedkit_0badc0de_dead01_00000001";
        String alive = "seedkit_0badc0de_a11be0_00000001";
        String unrelated = "seedkit_0badc0de_0123456789ab";
        try (Connection aliveRun = DatabaseAdmin.maintenance(server)) {
            for (String name : List.of(gone, alive, unrelated)) {
                DatabaseAdmin.create(aliveRun, name, null);
            }
            try (PreparedStatement lock = aliveRun.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                lock.setInt(1, RunOwnership.LOCK_CLASS);
                lock.setInt(2, 0xa11be0);
                lock.execute();
            }

            RunOwnership.claim(server).close();

            assertThat(EngineRuns.databases(server, "seedkit_0badc0de_%"))
                    .as("the gone run's copy dropped; the live run's and a name of another shape kept")
                    .containsExactlyInAnyOrder(alive, unrelated);
        } finally {
            DatabaseAdmin.drop(server, alive);
            DatabaseAdmin.drop(server, unrelated);
        }
    }

    @Test
    void aRunAfterAKilledJvmDropsTheDatabasesThatJvmLeft(PostgresServer server) throws Exception {
        Path output = dir.resolve("killed-jvm.txt");
        Process jvm = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvm.class.getName(), server.jdbcUrl(),
                server.username(), server.password() == null ? "" : server.password())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        String copy = awaitReadyLine(jvm, output);
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(EngineRuns.databases(server, copy)).as("left behind by the killed JVM").containsExactly(copy);

        EngineRuns.on(server).run(NextRunTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(EngineRuns.databases(server, copy)).as("dropped by the next run").isEmpty();
    }

    private static String awaitReadyLine(Process jvm, Path output) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (line.startsWith("ready ")) {
                    return line.substring("ready ".length()).strip();
                }
            }
            if (!jvm.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The JVM to kill never got its database; its output:\n"
                + Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The JVM that is killed: runs a class that gets its database, says which, and waits to be killed. */
    static final class KilledJvm {
        public static void main(String[] args) {
            PostgresServer server = PostgresServers.external(args[0], args[1], args[2].isEmpty() ? null : args[2]);
            EngineRuns.on(server).run(KilledTestCase.class);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class KilledTestCase {
        @Test
        void waitsToBeKilled(SeededDatabase database) throws InterruptedException {
            System.out.println("ready " + database.databaseName());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class NextRunTestCase {
        @Test
        void runs(DataSource database) {
            assertThat(database).isNotNull();
        }
    }
}
