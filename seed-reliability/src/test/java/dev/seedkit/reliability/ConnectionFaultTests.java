package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults outside Seedkit: the backend killed in the middle of a COPY, a server that is not there, a wrong password.
 * Each ends in exit code 6 with the real cause; the database is left as it was; no password shows in any output.
 */
@ExtendWith(TestPostgres.class)
class ConnectionFaultTests {

    /** A table whose rows load slowly (a trigger sleeps a millisecond per row), so a COPY can be caught running. */
    private static final String SLOW_EVENTS = """
            create table shop.events (id int primary key, payload text not null);
            create function shop.slowly() returns trigger language plpgsql as
                $$ begin perform pg_sleep(0.001); return new; end $$;
            create trigger slowly before insert on shop.events for each row execute function shop.slowly();
            alter table shop.events enable always trigger slowly;
            """;

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path snapshot;

    @BeforeAll
    static void exportTheShopWithManyEvents(PostgresServer server) throws Exception {
        shop = new Shop(server);
        String source = shop.createDatabase(Shop.SCHEMA + SLOW_EVENTS + "alter table shop.events disable trigger "
                + "slowly; insert into shop.events select g, 'event ' || g from generate_series(1, 20000) g;");
        snapshot = shop.export(source, dir.resolve("shop"));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    @Test
    void aBackendTerminatedMidCopyFailsWithTheRealCauseAndLeavesTheDatabaseAsItWas() throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA + SLOW_EVENTS + Shop.OTHER_ROWS);
        DatabaseFingerprint before = shop.fingerprint(target);
        CompletableFuture<Boolean> killer = CompletableFuture.supplyAsync(() -> terminateCopyInto(target));

        Cli.Result result = Cli.run(args("import", shop.connection(target), "--snapshot", snapshot.toString()));

        assertThat(killer.get(60, TimeUnit.SECONDS)).as("a COPY was caught and its backend terminated").isTrue();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(shop.fingerprint(target)).isEqualTo(before);
        // The driver reports the server's FATAL message when it was reading, and its own "connection failed" when
        // it was still sending rows; either way the table and what was being done are named, and the cause is not
        // replaced by the failure of the rollback on the dead connection.
        assertThat(result.err()).as(result.toString()).startsWith("error: Import failed, nothing was imported: "
                + "table shop.events (file shop.events.tsv): the connection to the database was lost while copying "
                + "shop.events.tsv into shop.events: ").containsPattern("terminating connection due to administrator "
                + "command|Database connection failed").doesNotContain("has been closed");
    }

    @Test
    void aServerThatIsNotThereIsADatabaseErrorNamingWhereItWasLookedFor() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/shop";

        Cli.Result result = Cli.run("import", "--url", url, "--user", "app", "--snapshot", snapshot.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.err()).as(result.toString()).startsWith("error: Could not connect to " + url + " as app: "
                + "Connection to 127.0.0.1:" + port + " refused.");
    }

    @Test
    void aWrongPasswordNeverShowsInAnyOutputVerboseAndJsonIncluded() throws Exception {
        String wrong = "Wr0ng-Pa55word-never-shown";
        String target = shop.createDatabase(Shop.SCHEMA);
        try (PasswordRole role = PasswordRole.create(shop.server(), "the-Right-one-1")) {
            ForkedCli forked = new ForkedCli(dir, Map.of("PGPASSWORD", wrong));
            String[] command = {"--url", shop.server().jdbcUrl(target), "--user", PasswordRole.NAME, "--snapshot",
                snapshot.toString()};
            List<Cli.Result> results = List.of(forked.run("wrong-verbose", args("import", command, "--verbose")),
                    forked.run("wrong-json", args("import", command, "--json")),
                    Cli.run("import", "--url", shop.server().jdbcUrl(target) + "?password=" + wrong, "--user",
                            PasswordRole.NAME, "--snapshot", snapshot.toString(), "--verbose"));

            assertThat(results).allSatisfy(r -> {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
                assertThat(r.all()).as(r.toString()).contains("password authentication failed for user \""
                        + PasswordRole.NAME + "\"").doesNotContain(wrong);
            });
            assertThat(results.get(0).err()).as("the stack trace, with --verbose").contains("\tat ");
        }
    }

    @Test
    void aWrongPasswordEqualToTheUserNameHidesOnlyThePassword() throws Exception {
        String target = shop.createDatabase(Shop.SCHEMA);
        String url = shop.server().jdbcUrl(target) + "?user=" + PasswordRole.NAME + "&password=" + PasswordRole.NAME;
        try (PasswordRole role = PasswordRole.create(shop.server(), "the-Right-one-1")) {
            List<Cli.Result> results = List.of(
                    Cli.run("import", "--url", url, "--snapshot", snapshot.toString(), "--verbose"),
                    Cli.run("import", "--url", url, "--snapshot", snapshot.toString(), "--json"));

            assertThat(results).allSatisfy(r -> {
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
                assertThat(r.all()).as(r.toString()).contains("jdbc:postgresql://",
                        "?user=" + PasswordRole.NAME + "&password=***", " as " + PasswordRole.NAME + ": ",
                        "for user \"" + PasswordRole.NAME + "\"").doesNotContain("password=" + PasswordRole.NAME);
            });
        }
    }

    /**
     * Waits for seedkit's COPY of the slow shop.events rows into {@code database} (the file's rows go into a stage
     * or the table, both typed like shop.events; other tables' COPYs are quick and left alone) and terminates its
     * backend; false if none came.
     */
    private static boolean terminateCopyInto(String database) {
        try (Connection c = shop.connect(shop.server().defaultDatabase()); Statement s = c.createStatement()) {
            for (int i = 0; i < 1200; i++) {
                try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                        + "datname = '" + database + "' AND application_name = 'seedkit' AND query ILIKE 'COPY%' "
                        + "AND state = 'active' AND now() - query_start > interval '200 milliseconds'")) {
                    if (rs.next()) {
                        return rs.getBoolean(1);
                    }
                }
                Thread.sleep(25);
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
