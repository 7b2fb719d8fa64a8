package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgres.class)
class DiffCommandTests {

    @TempDir
    static Path dir;

    private static Path before;
    private static Path after;

    @BeforeAll
    static void writeTwoSnapshotsDifferingInOneRow(TestDatabase db) throws Exception {
        db.execute(Shop.SCHEMA + Shop.DATA);
        try (Connection c = db.connect()) {
            before = Shop.writeSnapshot(c, dir.resolve("before"), "shop-1");
            Shop.execute(c, "update shop.customers set name = 'Grace Hopper' where id = 2");
            after = Shop.writeSnapshot(c, dir.resolve("after"), "shop-2");
        }
    }

    @Test
    void showsTheChangedRowPerTable() {
        Cli.Result result = new Cli(dir).run("diff", before.toString(), after.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Snapshot diff from " + before + " to " + after + "\n"
                + "shop.customers: 0 added, 0 removed, 1 changed, 2 unchanged\n"
                + "  ~ id=2: name\n");
    }

    @Test
    void saysSoWhenNothingChanged() {
        Cli.Result result = new Cli(dir).run("diff", "before", "before");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).endsWith("No differences.\n");
    }

    @Test
    void comparesWithTheConfiguredSnapshotWhenGivenOne() {
        Cli.Result result = new Cli(dir).env("SEEDKIT_SNAPSHOT", "after").run("diff", "before");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("to " + after + "\n", "shop.customers: 0 added, 0 removed, 1 changed");
    }

    @Test
    void printsTheDiffAsJson() throws Exception {
        Cli.Result result = new Cli(dir).run("diff", "--json", before.toString(), after.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("identical").asBoolean()).isFalse();
        JsonNode customers = json.get("tablesChanged").get(0);
        assertThat(customers.get("table").asText()).isEqualTo("shop.customers");
        assertThat(customers.get("rowsChanged").asInt()).isEqualTo(1);
        assertThat(customers.get("changed").get(0).get("key").toString()).isEqualTo("[\"2\"]");
        assertThat(customers.get("changed").get(0).get("columns").toString()).isEqualTo("[\"name\"]");
    }

    @Test
    void aMissingSnapshotFailsWithTheSnapshotExitCode() {
        Cli.Result result = new Cli(dir).run("diff", "before", "nowhere");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.err()).startsWith("error: No snapshot at " + dir.resolve("nowhere"));
    }
}
