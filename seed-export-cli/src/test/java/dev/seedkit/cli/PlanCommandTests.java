package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgres.class)
class PlanCommandTests {

    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static String database;

    @BeforeAll
    static void createSchema(TestDatabase db) throws Exception {
        server = db.server();
        database = db.name();
        db.execute(Shop.SCHEMA + """
                create table shop.departments (id int primary key, name text not null, manager_id int);
                create table shop.employees (id int primary key, department_id int not null
                    references shop.departments);
                alter table shop.departments add constraint departments_manager_fkey foreign key (manager_id)
                    references shop.employees;
                create table shop.reviews (id int primary key, product_ref int);
                create schema stuck;
                create table stuck.a (id int primary key, b_id int not null);
                create table stuck.b (id int primary key, a_id int not null references stuck.a);
                alter table stuck.a add foreign key (b_id) references stuck.b;
                """);
    }

    @Test
    void printsTheLoadOrderAsATableByDefault() {
        Cli.Result result = plan("--schema", "shop");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Load plan: 7 tables, 3 phases, 2 cycles\n").contains(
                "| 1     | 0     | shop.customers   | itself                     | PARENTS_FIRST (cycle 1)    |",
                "| 7     | 2     | shop.order_lines | shop.orders, shop.products |",
                "Cycle 2 NULL_THEN_UPDATE: shop.departments and shop.employees reference each other");
    }

    @Test
    void printsOneTabSeparatedLinePerTableAsText() {
        Cli.Result result = plan("--schema", "shop", "--format", "text");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("order\tphase\ttable\tdepends on\tstrategy\n").contains(
                "1\t0\tshop.customers\t\tPARENTS_FIRST (cycle 1)\n",
                "3\t0\tshop.employees\tshop.departments\tNULL_THEN_UPDATE (cycle 2)\n",
                "6\t1\tshop.orders\tshop.customers\t\n",
                "7\t2\tshop.order_lines\tshop.orders,shop.products\t\n");
    }

    @Test
    void drawsMermaidAndDot() {
        Cli.Result mermaid = plan("--schema", "shop", "--format", "mermaid");
        Cli.Result dot = plan("--schema", "shop", "-f", "dot");

        assertThat(mermaid.exitCode()).as(mermaid.toString()).isZero();
        assertThat(mermaid.out()).startsWith("flowchart RL\n")
                .contains("  t7[\"7. shop.order_lines (phase 2)\"]\n", "  t6 -->|\"orders_customer_id_fkey\"| t1\n");
        assertThat(dot.exitCode()).as(dot.toString()).isZero();
        assertThat(dot.out()).startsWith("digraph load_plan {\n")
                .contains("  t7 -> t6 [label=\"order_lines_order_id_fkey\"];\n").endsWith("}\n");
    }

    @Test
    void virtualForeignKeysTakePartInTheOrder() {
        Cli.Result result = plan("--schema", "shop", "--format", "text", "--virtual-fk",
                "shop.reviews(product_ref) -> shop.products(id)");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("\\d\t1\tshop.reviews\tshop.products\t\n");
    }

    @Test
    void printsThePlanAsJson() throws Exception {
        Cli.Result result = plan("--schema", "shop", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("phases").asInt()).isEqualTo(3);
        assertThat(json.get("steps").get(6).get("table").asText()).isEqualTo("shop.order_lines");
        assertThat(json.get("steps").get(6).get("dependsOn").toString())
                .isEqualTo("[\"shop.orders\",\"shop.products\"]");
        assertThat(json.get("cycles").get(1).get("strategy").asText()).isEqualTo("NULL_THEN_UPDATE");
    }

    @Test
    void anUnloadableCycleFailsWithItsExitCodeUnlessReplicaRoleIsAllowed() {
        Cli.Result stuck = plan("--schema", "stuck");
        Cli.Result allowed = plan("--schema", "stuck", "--allow-replica-role");

        assertThat(stuck.exitCode()).as(stuck.toString()).isEqualTo(ExitCodes.UNLOADABLE_CYCLE);
        assertThat(stuck.err()).startsWith("error: ").contains("stuck.a", "stuck.b")
                .contains("a role granted SET on that parameter: --allow-replica-role").doesNotContain("LoadPlan");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("REPLICA_ROLE (cycle 1)");
    }

    @Test
    void rejectsAnUnknownFormatAndABadVirtualForeignKey() {
        Cli.Result format = plan("--format", "svg");
        Cli.Result virtual = plan("--virtual-fk", "shop.reviews(product_ref) -> ");

        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).startsWith("error: Unknown plan format 'svg'; use table, text, mermaid or dot");
        assertThat(virtual.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(virtual.err()).startsWith("error: ");
    }

    private static Cli.Result plan(String... options) {
        return new Cli(dir).env("SEEDKIT_PASSWORD", "not-needed-here").run(args("plan",
                Shop.connection(server, database), options));
    }
}
