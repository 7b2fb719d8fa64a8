package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code seedkit refresh}: export, diff, import, verify, and only then the snapshot replaced. */
@ExtendWith(TestPostgres.class)
class RefreshCommandTests {

    private static final String SECRET = "Target-Pa55-never-shown";
    private static final List<String> databases = new ArrayList<>();
    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void useTheServer(PostgresServer postgres) {
        server = postgres;
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        Shop.dropDatabases(server, databases);
    }

    @Test
    void exportsShowsTheDiffImportsVerifiesAndReplacesTheSnapshot() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA + "insert into shop.products values (99, 'stale', null);");
        Path snapshot = exported(source, "fixtures/shop");
        Files.writeString(snapshot.resolve("README.md"), "How this snapshot is made.\n");
        Shop.execute(server, source, "update shop.customers set name = 'Grace Hopper' where id = 2");

        Cli.Result result = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--target-url", server.jdbcUrl(target), "--target-user", server.username(),
                "--fixture-version", "shop-2"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Exported shop-2 from " + server.jdbcUrl(source) + " (4 tables, 10 rows)\n")
                .containsPattern("shop\\.customers +3 +3 +0 +\\d+\n")
                .contains("Changes against the current snapshot at " + snapshot + ":\n"
                        + "shop.customers: 0 added, 0 removed, 1 changed, 2 unchanged\n  ~ id=2: name\n",
                        "Imported into " + server.jdbcUrl(target) + " (mode replace): 10 rows in ",
                        "ok      data: the database holds all 10 rows of the snapshot's 4 tables with the snapshot's "
                        + "values (compared by key), and every foreign key resolves\n")
                .endsWith("Replaced " + snapshot + " with shop-2 (4 tables, 10 rows)\n");
        assertThat(cli().run("verify", "--snapshot", snapshot.toString(), "--expect-version", "shop-2").exitCode())
                .isZero();
        assertThat(Files.readString(snapshot.resolve("shop.customers.tsv"))).contains("2\tGrace Hopper\t1\n");
        assertThat(snapshot.resolve("README.md")).hasContent("How this snapshot is made.");
        assertThat(Shop.queryValue(server, target, "select string_agg(title, ',' order by id) from shop.products"))
                .isEqualTo("pen,ink");
        assertThat(Shop.queryValue(server, target, "select name from shop.customers where id = 2"))
                .isEqualTo("Grace Hopper");
        assertThat(siblings(snapshot)).containsExactly("shop");
    }

    @Test
    void aTargetWithADriftedSchemaStopsItAndLeavesTheSnapshotByteIdentical() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA.replace("note text", "note text not null, extra int not null"));
        Path snapshot = exported(source, "drift/shop");
        Shop.execute(server, source, "update shop.customers set name = 'Grace Hopper' where id = 2");
        Map<String, String> before = contents(snapshot);

        Cli.Result result = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--target-url", server.jdbcUrl(target), "--target-user", server.username()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SCHEMA_DRIFT);
        assertThat(result.err()).startsWith("warning: the current snapshot is shop-1, the new one 'unversioned'; "
                + "give it a label with --fixture-version")
                .contains("\nerror: refresh stopped while importing into " + server.jdbcUrl(target)
                + ": The database schema no longer matches the snapshot:\n")
                .contains("column shop.orders.extra is NOT NULL without a default in the database")
                .endsWith("\nThe snapshot at " + snapshot + " is unchanged.\n");
        assertThat(result.out()).contains("~ id=2: name").doesNotContain("Replaced");
        assertThat(contents(snapshot)).isEqualTo(before);
        assertThat(siblings(snapshot)).containsExactly("shop");
    }

    @Test
    void aTargetThatChangesRowsAsTheyLoadFailsVerificationNamingTheRows() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA + "create function shop.shout() returns trigger language plpgsql as "
                + "$$ begin new.title := upper(new.title); return new; end $$;"
                + " create trigger shout before insert on shop.products for each row execute function shop.shout();"
                + " alter table shop.products enable always trigger shout;");
        Path snapshot = exported(source, "trigger/shop");
        Map<String, String> before = contents(snapshot);

        Cli.Result result = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--target-url", server.jdbcUrl(target), "--target-user", server.username()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.err()).contains("error: refresh stopped while verifying " + server.jdbcUrl(target)
                + ": the new snapshot, imported into " + server.jdbcUrl(target) + ", is not what the database there "
                + "holds:\n  - table shop.products: 2 of the snapshot's 2 rows are not in the database with the "
                + "snapshot's values: line 2 (id = 1): title differs; line 3 (id = 2): title differs\nCheck the "
                + "target for triggers or rules that change rows as they are inserted, and for other sessions "
                + "writing to it.\nThe snapshot at " + snapshot + " is unchanged.\n");
        assertThat(contents(snapshot)).isEqualTo(before);
        assertThat(siblings(snapshot)).containsExactly("shop");
    }

    @Test
    void aFailedExportLeavesTheSnapshotAloneAndSaysWhy() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        Path snapshot = exported(source, "excluded/shop");
        Map<String, String> before = contents(snapshot);

        Cli.Result result = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--no-import", "--exclude-table", "shop.customers"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: refresh stopped while exporting from " + server.jdbcUrl(source)
                + ": Table shop.orders is exported, but its foreign key ");
        assertThat(contents(snapshot)).isEqualTo(before);
        assertThat(siblings(snapshot)).containsExactly("shop");
    }

    @Test
    void createsAMissingSnapshotAndWithNoImportNeedsNoTarget() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        Path snapshot = dir.resolve("new/shop");

        Cli.Result result = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--no-import"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("No snapshot at " + snapshot + " yet: all 4 tables are new.\n",
                "Not imported anywhere (--no-import)").endsWith("Created " + snapshot
                + " with unversioned (4 tables, 10 rows)\n");
        assertThat(cli().run("verify", "--snapshot", snapshot.toString()).exitCode()).isZero();
    }

    @Test
    void readsTheExportSectionOfTheSettingsFileAndPrintsJson() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA);
        Files.writeString(dir.resolve("seedkit.properties"), "url=" + server.jdbcUrl(source) + "\nuser="
                + server.username() + "\nsnapshot=fixtures/shop\ntarget-url=" + server.jdbcUrl(target)
                + "\ntarget-user=" + server.username() + "\nexport.fixture-version=from-export-section\n"
                + "export.rows-per-table=1\nrefresh.rows-per-table=2\n");

        Cli.Result result = cli().run("refresh", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("command").asText()).isEqualTo("refresh");
        assertThat(json.get("fixtureVersion").asText()).isEqualTo("from-export-section");
        assertThat(json.get("tables").get(0).get("rowsSelectedByLimit").asInt()).as("refresh.* wins").isEqualTo(2);
        assertThat(json.get("diff").isNull()).isTrue();
        assertThat(json.get("import").get("verified").asBoolean()).isTrue();
        assertThat(json.get("replaced").asBoolean()).isFalse();
        assertThat(dir.resolve("fixtures/shop/manifest.json")).isRegularFile();
    }

    @Test
    void showsTheDiffInTheSameJsonShapeAsTheDiffCommand() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA);
        Path snapshot = exported(source, "same/shop");
        Path before = exported(source, "same/before");
        Shop.execute(server, source, "update shop.customers set name = 'Grace Hopper' where id = 2");

        Cli.Result refreshed = cli().run(args("refresh", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--target-url", server.jdbcUrl(target), "--target-user", server.username(),
                "--json"));
        Cli.Result diffed = cli().run("diff", "--json", before.toString(), snapshot.toString());

        assertThat(refreshed.exitCode()).as(refreshed.toString()).isZero();
        JsonNode refreshDiff = new ObjectMapper().readTree(refreshed.out()).get("diff");
        ObjectNode diff = (ObjectNode) new ObjectMapper().readTree(diffed.out());
        diff.remove(List.of("command", "ok", "exitCode", "before", "after"));
        assertThat(refreshDiff.get("tablesChanged").get(0).get("changed").get(0).get("columns").get(0).asText())
                .isEqualTo("name");
        assertThat(refreshDiff).isEqualTo(diff);
    }

    @Test
    void refusesToImportIntoTheSourceOrWithoutATarget() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String[] refresh = args("refresh", Shop.connection(server, source), "--snapshot", "shop");

        Cli.Result same = cli().run(args(refresh, "--target-url", server.jdbcUrl(source) + "?ssl=false"));
        Cli.Result none = cli().run(refresh);

        assertThat(same.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(same.err()).startsWith("error: The target database " + server.jdbcUrl(source) + "?ssl=false is "
                + "the database refresh exports from; importing would empty its snapshot tables.");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("error: No target database given: refresh imports the new snapshot into "
                + "a scratch database to verify it");
        assertThat(dir.resolve("shop")).doesNotExist();
        assertThat(Shop.queryValue(server, source, "select count(*) from shop.customers")).isEqualTo("3");
    }

    @Test
    void neverPrintsTheTargetsPassword() throws Exception {
        String source = newDatabase(Shop.SCHEMA + Shop.DATA);
        String target = newDatabase(Shop.SCHEMA);
        String password = server.password().isEmpty() ? SECRET : server.password();
        Cli cli = cli().env("TARGET_PASSWORD", password);
        String[] refresh = args("refresh", Shop.connection(server, source), "--snapshot", "shop",
                "--target-user", server.username(), "--target-password-env", "TARGET_PASSWORD");

        List<Cli.Result> results = List.of(
                cli.run(args(refresh, "--target-url", server.jdbcUrl(target), "--json", "--verbose")),
                cli.run(args(refresh, "--target-url", server.jdbcUrl("no_such_database"), "--verbose")),
                cli.run(args(refresh, "--target-url", server.jdbcUrl("no_such_database") + "?password=" + SECRET)));

        assertThat(results).allSatisfy(r -> assertThat(r.all()).doesNotContain(password, SECRET));
        assertThat(results.get(0).exitCode()).as(results.get(0).toString()).isZero();
        assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isEqualTo(ExitCodes.DATABASE);
        assertThat(results.get(1).err()).startsWith("error: refresh stopped while importing into "
                + server.jdbcUrl("no_such_database") + ": Could not connect to ").contains("\tat ");
        assertThat(results.get(2).err()).contains("?password=***");
    }

    /** A snapshot of {@code source} written by {@code seedkit export} at {@code path} under the test directory. */
    private Path exported(String source, String path) {
        Path snapshot = dir.resolve(path);
        Cli.Result result = cli().run(args("export", Shop.connection(server, source), "--snapshot",
                snapshot.toString(), "--fixture-version", "shop-1"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return snapshot;
    }

    /** Every file of {@code snapshot} with its content. */
    private static Map<String, String> contents(Path snapshot) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(snapshot)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** What is next to {@code snapshot}: nothing but itself once a refresh is over, whatever happened. */
    private static List<String> siblings(Path snapshot) throws Exception {
        try (Stream<Path> paths = Files.list(snapshot.getParent())) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Cli cli() {
        return new Cli(dir).env("SEEDKIT_PASSWORD", server.password().isEmpty() ? "not-needed-here"
                : server.password());
    }

    private static String newDatabase(String sql) throws Exception {
        String name = Shop.createDatabase(server, sql);
        databases.add(name);
        return name;
    }
}
