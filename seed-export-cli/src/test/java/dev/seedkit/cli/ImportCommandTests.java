package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
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
class ImportCommandTests {

    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static Path snapshot;
    private static final List<String> databases = new ArrayList<>();

    @BeforeAll
    static void writeSnapshot(PostgresServer postgres) throws Exception {
        server = postgres;
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        snapshot = Shop.writeSnapshot(server, source, dir.resolve("fixtures/shop"), "shop-1");
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        Shop.dropDatabases(server, databases);
    }

    @Test
    void importsTheSnapshotAndPrintsOneLinePerTable() throws Exception {
        String target = newDatabase(Shop.SCHEMA);

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Imported shop-1 from " + snapshot + " into "
                + server.jdbcUrl(target) + " (mode insert-missing)")
                .containsPattern("shop\\.customers +3 +0 +0 ")
                .containsPattern("shop\\.order_lines +3 +0 +0 ")
                .containsPattern("total +10 +0 +0 ");
        assertThat(Shop.queryValue(server, target, "select count(*) from shop.order_lines")).isEqualTo("3");
    }

    @Test
    void importingTheSameSnapshotAgainIsANoOp() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        String[] importArgs = args("import", Shop.connection(server, target), "--snapshot", snapshot.toString());
        assertThat(cli().run(importArgs).exitCode()).isZero();

        Cli.Result again = cli().run(importArgs);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("Snapshot shop-1 (").contains("was already applied: nothing to do (")
                .endsWith("; --force imports it again.\n");
    }

    @Test
    void replaceReloadsTablesThatChangedSinceTheImport() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        String[] importArgs = args("import", Shop.connection(server, target), "--snapshot", snapshot.toString());
        assertThat(cli().run(importArgs).exitCode()).isZero();
        Shop.execute(server, target, "update shop.customers set name = 'changed' where id = 2");

        Cli.Result replaced = cli().run(args(importArgs, "--replace", "--force", "--verify"));

        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(replaced.out()).contains("(mode replace)");
        assertThat(Shop.queryValue(server, target, "select name from shop.customers where id = 2"))
                .isEqualTo("Grace");
    }

    @Test
    void importsATableSubsetWithTheParentRowsItNeeds() throws Exception {
        String target = newDatabase(Shop.SCHEMA);

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--tables", "shop.orders"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Shop.queryValue(server, target, "select count(*) from shop.orders")).isEqualTo("2");
        assertThat(Shop.queryValue(server, target, "select count(*) from shop.order_lines")).isEqualTo("0");
    }

    @Test
    void aDriftedSchemaFailsWithTheDriftExitCodeAndSaysWhatDiffers() throws Exception {
        String target = newDatabase(Shop.SCHEMA + "alter table shop.customers alter column name type varchar(20);");

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SCHEMA_DRIFT);
        assertThat(result.err()).startsWith("error: The database schema no longer matches the snapshot:")
                .contains("column shop.customers.name is text in the snapshot but character varying(20) in the "
                        + "database")
                .doesNotContain("\tat ");
        assertThat(Shop.queryValue(server, target, "select count(*) from shop.customers")).isEqualTo("0");
    }

    @Test
    void withJsonAFailureIsAJsonDocumentToo() throws Exception {
        String target = newDatabase(Shop.SCHEMA.replace("note text", "note text not null, extra int not null"));

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--json"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SCHEMA_DRIFT);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(ExitCodes.SCHEMA_DRIFT);
        assertThat(json.get("error").get("code").asText()).isEqualTo("SCHEMA_DRIFT");
        assertThat(json.get("error").get("message").asText()).contains("column shop.orders.extra is NOT NULL "
                + "without a default in the database but not in the snapshot");
        assertThat(result.err()).startsWith("error: The database schema no longer matches the snapshot:");
    }

    @Test
    void printsTheReportAsJson() throws Exception {
        String target = newDatabase(Shop.SCHEMA);

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString(), "--mode", "UPSERT", "--json"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("command").asText()).isEqualTo("import");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("mode").asText()).isEqualTo("upsert");
        assertThat(json.get("fixtureVersion").asText()).isEqualTo("shop-1");
        assertThat(json.get("inserted").asLong()).isEqualTo(10);
        assertThat(json.get("tables").get(0).get("table").asText()).isEqualTo("shop.customers");
    }

    @Test
    void needsNoFlagsInAConfiguredProject() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        Path project = Files.createDirectories(dir.resolve("project-" + target));
        Files.writeString(project.resolve("seedkit.properties"), "url=" + server.jdbcUrl(target) + "\n"
                + "user=" + server.username() + "\npassword-env=SHOP_DB_PASSWORD\n"
                + "snapshot=" + project.relativize(snapshot).toString().replace('\\', '/') + "\nimport.mode=upsert\n");

        Cli.Result result = new Cli(project).env("SHOP_DB_PASSWORD", password()).run("import");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Imported shop-1 from " + snapshot + " into " + server.jdbcUrl(target)
                + " (mode upsert)");
    }

    @Test
    void flagsWinOverTheSettingsFileWhichFillsTheOptionsLeftOff() throws Exception {
        String target = newDatabase(Shop.SCHEMA);
        Path project = Files.createDirectories(dir.resolve("flags-" + target));
        Files.writeString(project.resolve("seedkit.properties"), "url=" + server.jdbcUrl(target) + "\n"
                + "user=" + server.username() + "\nsnapshot=" + snapshot + "\nimport.mode=upsert\n"
                + "import.tables=shop.orders;shop.customers\n");

        Cli.Result replaced = new Cli(project).env("SEEDKIT_PASSWORD", password()).run("import", "--replace");
        Cli.Result conflicting = new Cli(project).env("SEEDKIT_PASSWORD", password()).run("import", "--replace",
                "--mode", "upsert");

        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(replaced.out()).contains("(mode replace)").contains("shop.orders").doesNotContain("shop.products");
        assertThat(conflicting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(conflicting.err()).startsWith("error: --replace means --mode replace, but --mode upsert was given "
                + "too; pass one of them.");
    }

    @Test
    void reportsAMissingSnapshotWithTheSnapshotExitCode() throws Exception {
        String target = newDatabase(Shop.SCHEMA);

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                dir.resolve("nowhere").toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.err()).startsWith("error: No snapshot at " + dir.resolve("nowhere") + ": the directory "
                + "does not exist.");
    }

    @Test
    void reportsAnUnreachableDatabaseWithTheDatabaseExitCode() {
        Cli.Result result = cli().run("import", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                "--snapshot", snapshot.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).startsWith("error: Could not connect to jdbc:postgresql://127.0.0.1:1/nowhere");
    }

    @Test
    void usageErrorsSayWhatIsMissingOrWrong() {
        assertThat(cli().run("import", "--snapshot", snapshot.toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE))
                .satisfies(r -> assertThat(r.err()).startsWith("error: No database given: import needs the "
                        + "database to load the snapshot into. Pass --url"));
        assertThat(cli().run("import", "--url", server.jdbcUrl("x"), "--snapshot", snapshot.toString(), "--mode",
                "merge")).satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE))
                .satisfies(r -> assertThat(r.err()).startsWith("error: Unknown import mode 'merge'; use "
                        + "insert-missing, upsert or replace."));
        assertThat(cli().run("import", "--url", server.jdbcUrl("x"), "--snapshot", snapshot.toString(), "--mode",
                "default")).as("the annotations' DEFAULT is no mode of the command line")
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE))
                .satisfies(r -> assertThat(r.err()).startsWith("error: Unknown import mode 'default'; use "
                        + "insert-missing, upsert or replace."));
        assertThat(cli().run("import", "--url", "postgres://localhost/x", "--snapshot", snapshot.toString()))
                .satisfies(r -> assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE))
                .satisfies(r -> assertThat(r.err()).startsWith("error: 'postgres://localhost/x' is not a "
                        + "PostgreSQL JDBC URL"));
    }

    private static Cli cli() {
        return new Cli(dir).env("SEEDKIT_PASSWORD", password());
    }

    /** The server's password; a made-up one where it trusts local connections, to prove it is passed and hidden. */
    private static String password() {
        return server.password().isEmpty() ? "not-needed-here" : server.password();
    }

    private static String newDatabase(String sql) throws Exception {
        String name = Shop.createDatabase(server, sql);
        databases.add(name);
        return name;
    }
}
