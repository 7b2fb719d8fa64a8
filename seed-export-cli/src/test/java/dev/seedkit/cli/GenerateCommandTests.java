package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
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
class GenerateCommandTests {

    static final String CONFIG = """
            seed: 3
            tables:
              shop.customers:
                rows: 20
                tiers: {regular: 80%, vip: 20%}
                columns:
                  name: {faker: Name.fullName}
                  referred_by: {parent: earlier, null: 0.5}
              shop.products: {rows: 5}
              shop.orders:
                per: shop.customers
                count: {regular: 0-2, vip: 3-6}
              shop.order_lines: {rows: 40}
            """;

    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static final List<String> databases = new ArrayList<>();

    @BeforeAll
    static void writeConfig(TestDatabase db) throws Exception {
        server = db.server();
        Files.writeString(dir.resolve("generator.yaml"), CONFIG);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        Shop.dropDatabases(server, databases);
    }

    @Test
    void generatesPrintsTheReportAndOneProgressLinePerTable() throws Exception {
        String database = database();

        Cli.Result result = generate(database, "--config", "generator.yaml");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Generated ", "seed 3", "shop.customers", "Foreign keys: 4 checked, no "
                + "orphans", "Tiers of shop.customers:", "regular", "vip", "Rows of shop.orders per row of "
                + "shop.customers:");
        assertThat(result.err()).contains("[1/4] generated shop.customers (20 rows)", "[4/4] generated "
                + "shop.order_lines (40 rows)");
        assertThat(Shop.queryValue(server, database, "select count(*) from shop.order_lines")).isEqualTo("40");
    }

    @Test
    void aDryRunPrintsThePlanAndRowCountsAndWritesNothing() throws Exception {
        String database = database();

        Cli.Result result = generate(database, "--config", "generator.yaml", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Load plan: 4 tables", "PARENTS_FIRST", "Dry run: would generate",
                "shop.customers", "20");
        assertThat(Shop.queryValue(server, database, "select count(*) from shop.customers")).isEqualTo("0");
    }

    @Test
    void printsOneJsonDocumentWithTheValidation() throws Exception {
        Cli.Result result = generate(database(), "--config", "generator.yaml", "--json", "--seed", "9",
                "--scale", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("command").asText()).isEqualTo("generate");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.get("tables").get(0).get("rows").asLong()).isEqualTo(40);
        assertThat(json.get("foreignKeys")).hasSize(4).allSatisfy(fk -> assertThat(fk.get("orphans").asLong())
                .isZero());
        assertThat(json.get("tiers").get(1).get("tier").asText()).isEqualTo("vip");
        assertThat(json.get("fanOuts").get(0).get("configured").asText()).isEqualTo("0-2");
    }

    @Test
    void aConfigErrorNamesFileLineAndKeyWithExitCodeTwo() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "tables:\n  shop.customers:\n    rowz: 3\n");

        Cli.Result result = generate(database(), "--config", "broken.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Generator config " + dir.resolve("broken.yaml") + ", line 3, "
                + "key tables.shop.customers.rowz: unknown key 'rowz'");
    }

    @Test
    void tablesWithRowsNeedReplace() throws Exception {
        String database = database();
        assertThat(generate(database, "--config", "generator.yaml").exitCode()).isZero();

        Cli.Result again = generate(database, "--config", "generator.yaml");
        Cli.Result replaced = generate(database, "--config", "generator.yaml", "--replace", "--seed", "4");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already hold rows", "seedkit generate --replace");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(Shop.queryValue(server, database, "select count(*) from shop.customers")).isEqualTo("20");
    }

    @Test
    void theConfigIsRequired() {
        Cli.Result result = new Cli(dir).runAsMain("generate", "--url", "jdbc:postgresql://localhost/x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--config=FILE'");
    }

    private static String database() throws Exception {
        String name = Shop.createDatabase(server, Shop.SCHEMA);
        databases.add(name);
        return name;
    }

    private static Cli.Result generate(String database, String... options) {
        return new Cli(dir).env("SEEDKIT_PASSWORD", server.password()).run(args("generate",
                Shop.connection(server, database), options));
    }
}
