package dev.seedkit.core.schema;

import static dev.seedkit.core.schema.SchemaFixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class VirtualForeignKeyTests {

    @Test
    void readsTheTextualFormFoldingBareNamesAndKeepingQuotedOnes() {
        VirtualForeignKey fk = VirtualForeignKey.parse(
                "  Sales.\"Order Items\" ( Customer_Ref , \"Region\"\"Code\" )->public.customers(id,region)  ");

        assertThat(fk.child()).isEqualTo(TableName.of("sales", "Order Items"));
        assertThat(fk.childColumns()).containsExactly("customer_ref", "Region\"Code");
        assertThat(fk.parent()).isEqualTo(TableName.of("public", "customers"));
        assertThat(fk.parentColumns()).containsExactly("id", "region");
        assertThat(fk).hasToString(
                "sales.\"Order Items\"(customer_ref, \"Region\"\"Code\") -> public.customers(id, region)");
        assertThat(VirtualForeignKey.parse(fk.toString())).isEqualTo(fk);
        assertThat(VirtualForeignKey.parse("public.café(ключ) -> public.t(id)").childColumns())
                .containsExactly("ключ");
    }

    @Test
    void saysWhereTheTextualFormGoesWrong() {
        assertThatThrownBy(() -> VirtualForeignKey.parse("orders(customer_ref) -> public.customers(id)"))
                .isInstanceOfSatisfying(SeedException.class,
                        e -> assertThat(e.code()).isEqualTo(SeedException.Code.CONFIGURATION))
                .hasMessage("Cannot read virtual foreign key 'orders(customer_ref) -> public.customers(id)': expected"
                        + " '.' and a table name after 'orders' (tables must be schema-qualified) at position 7 but"
                        + " found '(customer_ref) -> public.customers(id)'; write it like"
                        + " public.orders(customer_ref) -> public.customers(id)");
        assertThatThrownBy(() -> VirtualForeignKey.parse("public.orders(customer_ref) public.customers(id)"))
                .hasMessageContaining("expected '->' at position 29 but found 'public.customers(id)'");
        assertThatThrownBy(() -> VirtualForeignKey.parse("public.orders(a, b) -> public.customers(id)"))
                .hasMessage("Virtual foreign key public.orders(a, b) -> public.customers(id) has 2 referencing and 1"
                        + " referenced columns; give the same number (at least one) on both sides");
        assertThatThrownBy(() -> VirtualForeignKey.parse("public.orders(\"\") -> public.customers(id)"))
                .hasMessageContaining("expected a column name (a quoted name must be non-empty and end with '\"')");
    }

    @Test
    void joinsTheGraphLikeADeclaredForeignKey(TestDatabase db) throws Exception {
        db.execute("create schema virtual_x;"
                + "create table virtual_x.orders (id int primary key, customer_ref int not null);"
                + "create table virtual_x.customers (id int primary key);");
        Schema declared = read(db, "virtual_x");

        Schema schema = declared.withVirtualForeignKeys(
                List.of(VirtualForeignKey.parse("virtual_x.orders(customer_ref) -> virtual_x.customers(id)")));

        assertThat(declared.foreignKeys()).isEmpty();
        assertThat(schema.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.virtual()).isTrue();
            assertThat(fk.nullable()).isFalse();
            assertThat(fk.name()).isEqualTo("virtual_x.orders(customer_ref) -> virtual_x.customers(id)");
        });
        assertThat(schema.incoming(TableName.of("virtual_x", "customers"))).hasSize(1);
        assertThat(LoadPlan.of(schema).tables()).extracting(TableName::name).containsExactly("customers", "orders");
        assertThat(LoadPlan.of(declared).tables()).extracting(TableName::name).containsExactly("customers", "orders");
    }

    @Test
    void breaksACycleClosedByAVirtualForeignKeyWithoutTouchingTheDeclaredOnes(TestDatabase db) throws Exception {
        db.execute("create schema virtual_cycle_x;"
                + "create table virtual_cycle_x.a (id int primary key, b_id int not null);"
                + "create table virtual_cycle_x.b (id int primary key, a_id int not null references"
                + " virtual_cycle_x.a);");

        Schema schema = read(db, "virtual_cycle_x").withVirtualForeignKeys(
                List.of(VirtualForeignKey.parse("virtual_cycle_x.a(b_id) -> virtual_cycle_x.b(id)")));

        CyclePlan cycle = LoadPlan.of(schema).cycles().get(0);
        assertThat(cycle.strategy()).isEqualTo(CycleStrategy.VIRTUAL_ONLY);
        assertThat(cycle.unchecked()).singleElement().satisfies(fk -> assertThat(fk.virtual()).isTrue());
        assertThat(cycle.tables()).extracting(TableName::name).containsExactly("a", "b");
    }

    @Test
    void namesTheUnknownColumnAndListsTheColumnsThereAre(TestDatabase db) throws Exception {
        db.execute("create schema virtual_column_x;"
                + "create table virtual_column_x.orders (id int primary key, \"Customer Ref\" int);"
                + "create table virtual_column_x.customers (id int primary key);");
        Schema schema = read(db, "virtual_column_x");

        assertThatThrownBy(() -> schema.withVirtualForeignKeys(List.of(VirtualForeignKey.parse(
                "virtual_column_x.orders(customer_ref) -> virtual_column_x.customers(id)"))))
                .isInstanceOfSatisfying(SeedException.class,
                        e -> assertThat(e.code()).isEqualTo(SeedException.Code.CONFIGURATION))
                .hasMessage("Virtual foreign key virtual_column_x.orders(customer_ref)"
                        + " -> virtual_column_x.customers(id) names column customer_ref of virtual_column_x.orders,"
                        + " which has no such column; its columns are id, \"Customer Ref\"");
    }

    @Test
    void namesTheUnknownTableAndTablesOfThatNameInOtherSchemas(TestDatabase db) throws Exception {
        db.execute("create schema virtual_table_x; create schema virtual_table_y;"
                + "create table virtual_table_x.orders (id int primary key, customer_id int);"
                + "create table virtual_table_y.customers (id int primary key);");
        Schema schema = read(db, "virtual_table_x", "virtual_table_y");

        assertThatThrownBy(() -> schema.withVirtualForeignKeys(List.of(VirtualForeignKey.parse(
                "virtual_table_x.orders(customer_id) -> virtual_table_x.customers(id)"))))
                .isInstanceOfSatisfying(SeedException.class,
                        e -> assertThat(e.code()).isEqualTo(SeedException.Code.CONFIGURATION))
                .hasMessage("Virtual foreign key virtual_table_x.orders(customer_id) -> virtual_table_x.customers(id)"
                        + " names table virtual_table_x.customers, which is not among the tables read from schemas"
                        + " [virtual_table_x, virtual_table_y]; tables with that name: virtual_table_y.customers;"
                        + " correct the table name or read its schema too");
    }
}
