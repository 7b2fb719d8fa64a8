package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgres.class)
class VerifyCommandTests {

    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static Path snapshot;
    private static String source;
    private static final List<String> databases = new ArrayList<>();

    @BeforeAll
    static void writeSnapshot(PostgresServer postgres) throws Exception {
        server = postgres;
        source = newDatabase(Shop.SCHEMA + Shop.DATA);
        snapshot = Shop.writeSnapshot(server, source, dir.resolve("fixtures/shop"), "shop-1");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        Shop.dropDatabases(server, databases);
    }

    @Test
    void passesAnIntactSnapshotWithoutADatabase() {
        Cli.Result result = cli().run("verify", "--snapshot", snapshot.toString(), "--expect-version", "shop-1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Snapshot shop-1 at " + snapshot + " (4 tables, created "
                        + "2026-01-01T00:00:00Z)",
                "ok      checksums and format: 4 files, 10 rows", "ok      fixture version shop-1");
        assertThat(result.err()).contains("[1/4] ok      shop.customers.tsv (3 rows)\n",
                "[4/4] ok      shop.products.tsv (2 rows)\n");
    }

    @Test
    void aCorruptedFileFailsWithTheSnapshotExitCodeNamingTheFile() throws Exception {
        Path copy = copyOf(snapshot, "corrupted");
        Path file = copy.resolve("shop.products.tsv");
        Files.writeString(file, Files.readString(file).replace("ink", "INK"), StandardCharsets.UTF_8);

        Cli.Result result = cli().run("verify", "--snapshot", copy.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.out()).contains("FAILED  checksums and format: 1 of 4 files",
                "- " + file + ": checksum mismatch: the file's SHA-256 is ");
        assertThat(result.err()).contains("[4/4] FAILED  shop.products.tsv (2 rows)")
                .contains("error: verification failed: " + file + ": checksum mismatch");
    }

    @Test
    void reportsSchemaDriftAgainstADatabaseWithTheDriftExitCode() throws Exception {
        String drifted = newDatabase(Shop.SCHEMA + "alter table shop.orders alter column note type varchar(200);"
                + "alter table shop.products add column sku text;");

        Cli.Result result = cli().run(args("verify", Shop.connection(server, drifted), "--snapshot",
                snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SCHEMA_DRIFT);
        assertThat(result.out()).contains("ok      checksums and format",
                "FAILED  schema drift: " + server.jdbcUrl(drifted) + " no longer matches the snapshot:",
                "- column shop.orders.note is text in the snapshot but character varying(200) in the database",
                "- column shop.products.sku (text) is in the database but not in the snapshot");
        assertThat(result.err()).contains("error: verification failed: the schema of " + server.jdbcUrl(drifted)
                + " has drifted from the snapshot (2 differences, first: column shop.orders.note is text");
    }

    @Test
    void passesADatabaseWithTheSnapshotsSchemaAndData() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        assertThat(cli().run(args("import", Shop.connection(server, target), "--snapshot", snapshot.toString()))
                .exitCode()).isZero();

        Cli.Result result = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--data"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("ok      schema of " + server.jdbcUrl(target) + " matches the snapshot",
                "ok      data: the database holds all 10 rows of the snapshot's 4 tables with the snapshot's values "
                        + "(compared by key), and every foreign key resolves");
    }

    @Test
    void dataVerificationFailsWhenRowsAreMissing() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        assertThat(cli().run(args("import", Shop.connection(server, target), "--snapshot", snapshot.toString()))
                .exitCode()).isZero();
        Shop.execute(server, target, "delete from shop.order_lines where order_id = 11");

        Cli.Result result = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--data"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.out()).contains("FAILED  data: 2 problems:",
                "- table shop.order_lines has 2 rows, fewer than the snapshot's 3",
                "- table shop.order_lines: 1 of the snapshot's 3 rows is not in the database with the snapshot's "
                        + "values: line 4 (order_id = 11, product_id = 2): no row with this key\n");
    }

    @Test
    void dataVerificationFindsARowSwappedForAnotherAndAChangedValue() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        assertThat(cli().run(args("import", Shop.connection(server, target), "--snapshot", snapshot.toString()))
                .exitCode()).isZero();
        Shop.execute(server, target, "delete from shop.order_lines where order_id = 11;"
                + " insert into shop.order_lines values (11, 1, 5);"
                + " update shop.customers set name = 'Eve', referred_by = null where id = 2;"
                + " update shop.products set price = 1.5 where id = 1");

        Cli.Result result = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--data"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.out()).contains("FAILED  data: 2 problems:\n",
                "- table shop.customers: 1 of the snapshot's 3 rows is not in the database with the snapshot's "
                        + "values: line 3 (id = 2): name, referred_by differ\n",
                "- table shop.order_lines: 1 of the snapshot's 3 rows is not in the database with the snapshot's "
                        + "values: line 4 (order_id = 11, product_id = 2): no row with this key\n")
                .as("1.5 and 1.50 are one numeric(10,2) value").doesNotContain("shop.products");
    }

    @Test
    void dataVerificationComparesRowsOfATableWithoutKeyWhole() throws Exception {
        String source = newDatabase("create table notes (body text, n int);"
                + " insert into notes values ('a', 1), ('a', 1), ('b', null), (null, 2)");
        Path keyless = Shop.writeSnapshot(server, source, dir.resolve("keyless"), "notes-1");
        String target = newDatabase("create table notes (body text, n int)");
        assertThat(cli().run(args("import", Shop.connection(server, target), "--snapshot", keyless.toString()))
                .exitCode()).isZero();
        Cli.Result intact = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                keyless.toString(), "--data"));
        Shop.execute(server, target, "delete from notes where ctid = (select min(ctid) from notes where body = 'a');"
                + " update notes set n = 3 where body is null; insert into notes values ('c', 4)");

        Cli.Result result = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                keyless.toString(), "--data", "--json"));

        assertThat(intact.exitCode()).as(intact.toString()).isZero();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        JsonNode data = new ObjectMapper().readTree(result.out()).get("data");
        assertThat(data.get("problems").get(0).asText()).isEqualTo("table public.notes: 2 of the snapshot's 4 rows "
                + "are not in the database with the snapshot's values: line 2: no identical row (the table has no key;"
                + " rows compare whole); line 5: no identical row (the table has no key; rows compare whole)");
        assertThat(data.get("rowsCompared").asLong()).isEqualTo(4);
    }

    @Test
    void anUnexpectedFixtureVersionFailsWithTheVerifyExitCode() {
        Cli.Result result = cli().run("verify", "--snapshot", snapshot.toString(), "--expect-version", "shop-2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.out()).contains("FAILED  fixture version: expected shop-2, the snapshot is shop-1");
        assertThat(result.err()).contains("error: verification failed: the snapshot's fixture version is shop-1, "
                + "expected shop-2");
    }

    @Test
    void theMostBasicFailureDecidesTheExitCodeAndJsonListsEveryCheck() throws Exception {
        Path copy = copyOf(snapshot, "corrupted-and-old");
        Files.writeString(copy.resolve("shop.orders.tsv"), "garbage\n", StandardCharsets.UTF_8);

        Cli.Result result = cli().run(args("verify", Shop.connection(server, source), "--snapshot",
                copy.toString(), "--expect-version", "shop-2", "--json"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SNAPSHOT);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(json.get("files").get(2).get("file").asText()).isEqualTo("shop.orders.tsv");
        assertThat(json.get("files").get(2).get("ok").asBoolean()).isFalse();
        assertThat(json.get("files").get(2).get("problem").asText()).contains("shop.orders.tsv");
        assertThat(json.get("version").get("ok").asBoolean()).isFalse();
        assertThat(json.get("schema").get("ok").asBoolean()).isTrue();
    }

    @Test
    void aSnapshotWithoutManifestFailsWithTheSnapshotExitCode() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Cli.Result result = cli().run("verify", "--snapshot", empty.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.err()).startsWith("error: No snapshot at " + empty + ": it has no manifest.json.");
    }

    @Test
    void dataNeedsADatabase() {
        Cli.Result result = cli().run("verify", "--snapshot", snapshot.toString(), "--data");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: --data checks a database against the snapshot, but none was "
                + "given; pass --url");
    }

    private static Path copyOf(Path snapshotDirectory, String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(snapshotDirectory)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static Cli cli() {
        return new Cli(dir).env("SEEDKIT_PASSWORD", "not-needed-here");
    }

    private static String newDatabase(String sql) throws Exception {
        String name = Shop.createDatabase(server, sql);
        databases.add(name);
        return name;
    }
}
