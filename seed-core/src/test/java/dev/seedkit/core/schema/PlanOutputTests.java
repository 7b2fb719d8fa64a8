package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class PlanOutputTests {

    private static LoadPlan plan;

    @BeforeAll
    static void createShop(TestDatabase db) throws Exception {
        db.execute("create schema shop;"
                + "create table shop.customers (id int primary key, name text not null);"
                + "create table shop.products (id int primary key, sku text not null unique);"
                + "create table shop.categories (id int primary key, parent_id int references shop.categories);"
                + "create table shop.departments (id int primary key, name text not null, manager_id int);"
                + "create table shop.employees (id int primary key,"
                + " department_id int not null references shop.departments,"
                + " manager_id int references shop.employees);"
                + "alter table shop.departments add constraint departments_manager_fkey"
                + " foreign key (manager_id) references shop.employees;"
                + "create table shop.orders (id int primary key, customer_id int not null references shop.customers,"
                + " sold_by int references shop.employees);"
                + "create table shop.order_lines (order_id int not null references shop.orders,"
                + " product_sku text not null references shop.products (sku), primary key (order_id, product_sku));");
        plan = LoadPlan.of(read(db, "shop"));
    }

    @Test
    void printsATextTableOfStepsAndAParagraphPerCycle() {
        assertThat(plan.toText()).isEqualTo(String.join("\n",
                "Load plan: 7 tables, 3 phases, 2 cycles",
                "+-------+-------+------------------+--------------------------------+----------------------------+",
                "| Order | Phase | Table            | Depends on                     | Strategy                   |",
                "+-------+-------+------------------+--------------------------------+----------------------------+",
                "| 1     | 0     | shop.categories  | itself                         | PARENTS_FIRST (cycle 1)    |",
                "| 2     | 0     | shop.customers   |                                |                            |",
                "| 3     | 0     | shop.departments | shop.employees                 | NULL_THEN_UPDATE (cycle 2) |",
                "| 4     | 0     | shop.employees   | shop.departments, itself       | NULL_THEN_UPDATE (cycle 2) |",
                "| 5     | 0     | shop.products    |                                |                            |",
                "| 6     | 1     | shop.orders      | shop.customers, shop.employees |                            |",
                "| 7     | 2     | shop.order_lines | shop.orders, shop.products     |                            |",
                "+-------+-------+------------------+--------------------------------+----------------------------+",
                "Cycle 1 PARENTS_FIRST: shop.categories references itself (categories_parent_id_fkey): its rows are"
                        + " inserted parents first, so that the row each one references is already in.",
                "Cycle 2 NULL_THEN_UPDATE: shop.departments and shop.employees reference each other: insert"
                        + " shop.departments.manager_id, shop.employees.manager_id as NULL (departments_manager_fkey,"
                        + " employees_manager_id_fkey) and update them once every row of the cycle is in. Load order:"
                        + " shop.departments, shop.employees.",
                ""));
    }

    @Test
    void drawsAMermaidFlowchartWithCyclesAsRedSubgraphsAndSetAsideEdgesDashed() {
        assertThat(plan.toMermaid()).startsWith("flowchart RL\n").contains(
                "  subgraph cycle2[\"cycle 2: NULL_THEN_UPDATE\"]\n"
                        + "    t3[\"3. shop.departments (phase 0)\"]\n"
                        + "    t4[\"4. shop.employees (phase 0)\"]\n"
                        + "  end\n",
                "  t7[\"7. shop.order_lines (phase 2)\"]\n",
                "  t1 -->|\"categories_parent_id_fkey (parents first)\"| t1\n",
                "  t3 -.->|\"departments_manager_fkey (NULL, then UPDATE)\"| t4\n",
                "  t4 -->|\"employees_department_id_fkey\"| t3\n",
                "  t6 -->|\"orders_customer_id_fkey\"| t2\n")
                .endsWith("  linkStyle 0,1,2,3 stroke:#d62728,color:#d62728\n");
    }

    @Test
    void drawsTheSameGraphInGraphvizDot() {
        assertThat(plan.toDot()).startsWith("digraph load_plan {\n  rankdir=RL;\n").contains(
                "  subgraph cluster_cycle2 {\n    label=\"cycle 2: NULL_THEN_UPDATE\";\n",
                "  t3 -> t4 [label=\"departments_manager_fkey (NULL, then UPDATE)\", color=\"#d62728\","
                        + " fontcolor=\"#d62728\", style=dashed];\n",
                "  t4 -> t3 [label=\"employees_department_id_fkey\", color=\"#d62728\", fontcolor=\"#d62728\"];\n",
                "  t7 -> t5 [label=\"order_lines_product_sku_fkey\"];\n")
                .endsWith("}\n");
    }

    @Test
    void escapesQuotesInNamesAndMarksVirtualForeignKeys(TestDatabase db) throws Exception {
        String schema = "\"Say \"\"hi\"\"\"";
        db.execute("create schema " + schema + "; create table " + schema + ".a (id int primary key, b_id int);"
                + "create table " + schema + ".b (id int primary key);");
        LoadPlan quoted = LoadPlan.of(read(db, "Say \"hi\"").withVirtualForeignKeys(
                List.of(VirtualForeignKey.parse(schema + ".a(b_id) -> " + schema + ".b(id)"))));

        assertThat(quoted.toMermaid()).contains("t2[\"2. #quot;Say #quot;#quot;hi#quot;#quot;#quot;.a (phase 1)\"]",
                "t2 -.->|\"virtual b_id\"| t1");
        assertThat(quoted.toDot()).contains("t2 [label=\"2. \\\"Say \\\"\\\"hi\\\"\\\"\\\".a (phase 1)\"];",
                "t2 -> t1 [label=\"virtual b_id\", style=dashed];");
        assertThat(quoted.toText()).contains("| 2     | 1     | \"Say \"\"hi\"\"\".a | \"Say \"\"hi\"\"\".b |");
    }
}
