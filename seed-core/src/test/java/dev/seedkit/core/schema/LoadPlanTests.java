package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.names;
import static dev.seedkit.core.schema.SchemaFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class LoadPlanTests {

    @Test
    void ordersParentsFirstInPhasesThatSelfReferencesDoNotRaise(TestDatabase db) throws Exception {
        db.execute("create schema phases_x;"
                + "create table phases_x.customers (id int primary key);"
                + "create table phases_x.products (id int primary key, code text unique);"
                + "create table phases_x.orders (id int primary key, customer_id int not null references"
                + " phases_x.customers, previous_id int references phases_x.orders);"
                + "create table phases_x.order_lines (order_id int references phases_x.orders,"
                + " product_code text references phases_x.products (code),"
                + " customer_id int references phases_x.customers);");

        LoadPlan plan = LoadPlan.of(read(db, "phases_x"));

        assertThat(plan.steps()).extracting(LoadStep::order, s -> s.table().name(), LoadStep::phase,
                s -> s.dependsOn().stream().map(TableName::name).toList()).containsExactly(
                        tuple(1, "customers", 0, List.of()),
                        tuple(2, "products", 0, List.of()),
                        tuple(3, "orders", 1, List.of("customers")),
                        tuple(4, "order_lines", 2, List.of("customers", "orders", "products")));
        assertThat(plan.phases()).hasSize(3);
        assertThat(plan.cycles()).singleElement().satisfies(c -> assertThat(c.tables())
                .containsExactly(TableName.of("phases_x", "orders")));
        assertThat(plan.step(TableName.of("phases_x", "customers")).orElseThrow().cycle()).isEmpty();
    }

    @Test
    void loadsASelfReferencingChainParentsFirst(TestDatabase db) throws Exception {
        db.execute("create schema self_x; create table self_x.employees (id int primary key,"
                + " manager_id int references self_x.employees);");

        CyclePlan cycle = LoadPlan.of(read(db, "self_x")).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.PARENTS_FIRST);
        assertThat(names(cycle.parentsFirst())).containsExactly("employees_manager_id_fkey");
        assertThat(cycle.deferred()).isEmpty();
        assertThat(cycle.updatedAfterInsert()).isEmpty();
        assertThat(cycle.explanation()).isEqualTo("self_x.employees references itself (employees_manager_id_fkey):"
                + " its rows are inserted parents first, so that the row each one references is already in.");
    }

    @Test
    void loadsATableWithTwoSelfReferencesParentsFirst(TestDatabase db) throws Exception {
        db.execute("create schema two_self_x; create table two_self_x.people (id int primary key,"
                + " mother_id int references two_self_x.people, father_id int not null references"
                + " two_self_x.people);");

        LoadPlan plan = LoadPlan.of(read(db, "two_self_x"));

        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.phase()).isZero());
        CyclePlan cycle = plan.cycles().get(0);
        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.PARENTS_FIRST);
        assertThat(names(cycle.parentsFirst())).containsExactly("people_father_id_fkey", "people_mother_id_fkey");
    }

    @Test
    void insertsTheNullableSideOfATwoTableCycleAsNullAndUpdatesItLater(TestDatabase db) throws Exception {
        db.execute("create schema nullable_x;"
                + "create table nullable_x.departments (id int primary key, manager_id int);"
                + "create table nullable_x.employees (id int primary key, department_id int not null"
                + " references nullable_x.departments);"
                + "alter table nullable_x.departments add foreign key (manager_id) references nullable_x.employees;");

        LoadPlan plan = LoadPlan.of(read(db, "nullable_x"));

        CyclePlan cycle = plan.cycles().get(0);
        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.NULL_THEN_UPDATE);
        assertThat(names(cycle.updatedAfterInsert())).containsExactly("departments_manager_id_fkey");
        assertThat(cycle.updatedAfterInsert().get(0).columnsToNull()).containsExactly("manager_id");
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("departments", "employees");
        assertThat(plan.steps()).extracting(LoadStep::phase).containsExactly(0, 0);
        assertThat(cycle.explanation()).isEqualTo("nullable_x.departments and nullable_x.employees reference each"
                + " other: insert nullable_x.departments.manager_id as NULL (departments_manager_id_fkey) and update"
                + " them once every row of the cycle is in. Load order: nullable_x.departments,"
                + " nullable_x.employees.");
    }

    @Test
    void defersACycleOfNotNullDeferrableForeignKeys(TestDatabase db) throws Exception {
        db.execute("create schema deferrable_x;"
                + "create table deferrable_x.a (id int primary key, b_id int not null);"
                + "create table deferrable_x.b (id int primary key, a_id int not null references deferrable_x.a"
                + " deferrable);"
                + "alter table deferrable_x.a add foreign key (b_id) references deferrable_x.b deferrable;");

        CyclePlan cycle = LoadPlan.of(read(db, "deferrable_x")).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.DEFERRED);
        assertThat(names(cycle.deferred())).containsExactly("b_a_id_fkey");
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("b", "a");
        assertThat(cycle.explanation()).contains("SET CONSTRAINTS \"deferrable_x\".\"b_a_id_fkey\" DEFERRED");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(CycleExplanation.setConstraintsDeferred(cycle.deferred()));
            s.execute("insert into deferrable_x.b values (1, 10)");
            s.execute("insert into deferrable_x.a values (10, 1)");
            c.commit();
        }
    }

    @Test
    void refusesACycleOfNotNullNonDeferrableForeignKeysAndSaysWhatToDo(TestDatabase db) throws Exception {
        db.execute("create schema stuck_x;"
                + "create table stuck_x.a (id int primary key, b_id int not null);"
                + "create table stuck_x.b (id int primary key, a_id int not null references stuck_x.a);"
                + "alter table stuck_x.a add constraint a_needs_b foreign key (b_id) references stuck_x.b;");
        Schema schema = read(db, "stuck_x");

        assertThatThrownBy(() -> LoadPlan.of(schema))
                .isInstanceOfSatisfying(SeedException.class,
                        e -> assertThat(e.code()).isEqualTo(SeedException.Code.UNLOADABLE_CYCLE))
                .hasMessage("Cannot plan the load order: a foreign-key cycle has no table that can be loaded first.\n"
                        + "Cycle stuck_x.a -> stuck_x.b -> stuck_x.a: stuck_x.a(b_id) references stuck_x.b through"
                        + " \"a_needs_b\", stuck_x.b(a_id) references stuck_x.a through \"b_a_id_fkey\". None of these"
                        + " references can be left NULL and none is DEFERRABLE, so no row can be inserted before the"
                        + " row it references.\n"
                        + "To load it, do one of:\n"
                        + "  1. make one constraint of each cycle DEFERRABLE (Seedkit then defers it to commit), e.g.\n"
                        + "       ALTER TABLE \"stuck_x\".\"a\" ALTER CONSTRAINT \"a_needs_b\" DEFERRABLE;\n"
                        + "       ALTER TABLE \"stuck_x\".\"b\" ALTER CONSTRAINT \"b_a_id_fkey\" DEFERRABLE;\n"
                        + "  2. declare which column to defer by letting it be NULL (Seedkit inserts NULL and updates"
                        + " it once all rows are in), e.g.\n"
                        + "       ALTER TABLE \"stuck_x\".\"a\" ALTER COLUMN \"b_id\" DROP NOT NULL;\n"
                        + "       ALTER TABLE \"stuck_x\".\"b\" ALTER COLUMN \"a_id\" DROP NOT NULL;\n"
                        + "  3. opt in to loading with session_replication_role = replica, which switches foreign-key"
                        + " checks off and needs a superuser or a role granted SET on that parameter:"
                        + " LoadPlan.builder(schema).allowReplicaRole(true).build()");
    }

    @Test
    void suggestedAlterConstraintMakesTheRefusedCycleLoadable(TestDatabase db) throws Exception {
        db.execute("create schema unstuck_x;"
                + "create table unstuck_x.a (id int primary key, b_id int not null);"
                + "create table unstuck_x.b (id int primary key, a_id int not null references unstuck_x.a);"
                + "alter table unstuck_x.a add constraint a_needs_b foreign key (b_id) references unstuck_x.b;"
                + "ALTER TABLE \"unstuck_x\".\"a\" ALTER CONSTRAINT \"a_needs_b\" DEFERRABLE;");

        CyclePlan cycle = LoadPlan.of(read(db, "unstuck_x")).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.DEFERRED);
        assertThat(names(cycle.deferred())).containsExactly("a_needs_b");
    }

    @Test
    void loadsAnUnbreakableCycleWithTheReplicaRoleWhenOptedIn(TestDatabase db) throws Exception {
        db.execute("create schema replica_x;"
                + "create table replica_x.a (id int primary key, b_id int not null);"
                + "create table replica_x.b (id int primary key, a_id int not null references replica_x.a);"
                + "alter table replica_x.a add foreign key (b_id) references replica_x.b;");

        LoadPlan plan = LoadPlan.builder(read(db, "replica_x")).allowReplicaRole(true).build();

        CyclePlan cycle = plan.cycles().get(0);
        assertThat(plan.replicaRoleAllowed()).isTrue();
        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.REPLICA_ROLE);
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("a", "b");
        assertThat(cycle.explanation()).contains("a_b_id_fkey", "b_a_id_fkey", "session_replication_role = replica");
    }

    @Test
    void breaksSeveralCyclesInOneComponent(TestDatabase db) throws Exception {
        db.execute("create schema multi_x;"
                + "create table multi_x.a (id int primary key, b_id int);"
                + "create table multi_x.b (id int primary key, a_id int not null references multi_x.a,"
                + " c_id int not null);"
                + "create table multi_x.c (id int primary key, b_id int references multi_x.b);"
                + "alter table multi_x.a add foreign key (b_id) references multi_x.b;"
                + "alter table multi_x.b add foreign key (c_id) references multi_x.c;"
                + "create table multi_x.d (id int primary key, c_id int not null references multi_x.c);");

        LoadPlan plan = LoadPlan.of(read(db, "multi_x"));

        CyclePlan cycle = plan.cycles().get(0);
        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.NULL_THEN_UPDATE);
        assertThat(names(cycle.updatedAfterInsert())).containsExactly("a_b_id_fkey", "c_b_id_fkey");
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("a", "c", "b");
        assertThat(plan.steps()).extracting(s -> s.table().name(), LoadStep::phase)
                .containsExactly(tuple("a", 0), tuple("c", 0), tuple("b", 0), tuple("d", 1));
    }

    @Test
    void insertsAPartlyNullableCompositeForeignKeyWithItsNullableColumnsNull(TestDatabase db) throws Exception {
        db.execute("create schema composite_x;"
                + "create table composite_x.orders (id int, k int not null, line_id int, line_k int not null,"
                + " primary key (id, k));"
                + "create table composite_x.lines (id int, k int, order_id int not null, order_k int not null,"
                + " primary key (id, k), foreign key (order_id, order_k) references composite_x.orders);"
                + "alter table composite_x.orders add constraint orders_line_fkey foreign key (line_id, line_k)"
                + " references composite_x.lines;");

        CyclePlan cycle = LoadPlan.of(read(db, "composite_x")).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.NULL_THEN_UPDATE);
        assertThat(cycle.updatedAfterInsert()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("orders_line_fkey");
            assertThat(fk.columnsToNull()).containsExactly("line_id");
        });
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("orders", "lines");
    }

    @Test
    void refusesACycleWhosePartlyNullableCompositeForeignKeyIsMatchFull(TestDatabase db) throws Exception {
        db.execute("create schema full_x;"
                + "create table full_x.orders (id int, k int not null, line_id int, line_k int not null,"
                + " primary key (id, k));"
                + "create table full_x.lines (id int, k int, order_id int not null, order_k int not null,"
                + " primary key (id, k), foreign key (order_id, order_k) references full_x.orders);"
                + "alter table full_x.orders add constraint orders_line_fkey foreign key (line_id, line_k)"
                + " references full_x.lines match full;");
        Schema schema = read(db, "full_x");

        assertThatThrownBy(() -> LoadPlan.of(schema)).isInstanceOf(SeedException.class)
                .hasMessageContaining("\"orders_line_fkey\"")
                .hasMessageContaining("ALTER TABLE \"full_x\".\"orders\" ALTER COLUMN \"line_id\" DROP NOT NULL,"
                        + " ALTER COLUMN \"line_k\" DROP NOT NULL;");
    }

    @Test
    void defersWhatItCanAndUpdatesTheRestInAMixedCycle(TestDatabase db) throws Exception {
        db.execute("create schema mixed_x;"
                + "create table mixed_x.a (id int primary key, b_id int not null, c_id int);"
                + "create table mixed_x.b (id int primary key, a_id int not null references mixed_x.a deferrable);"
                + "create table mixed_x.c (id int primary key, a_id int not null references mixed_x.a,"
                + " parent_id int references mixed_x.c);"
                + "alter table mixed_x.a add foreign key (b_id) references mixed_x.b;"
                + "alter table mixed_x.a add foreign key (c_id) references mixed_x.c;");

        CyclePlan cycle = LoadPlan.of(read(db, "mixed_x")).cycles().get(0);

        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.NULL_THEN_UPDATE);
        assertThat(names(cycle.deferred())).containsExactly("b_a_id_fkey");
        assertThat(names(cycle.updatedAfterInsert())).containsExactly("a_c_id_fkey", "c_parent_id_fkey");
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("b", "a", "c");
        assertThat(cycle.explanation()).contains("Deferred: b_a_id_fkey (SET CONSTRAINTS \"mixed_x\".\"b_a_id_fkey\""
                + " DEFERRED).");
    }
}
