package dev.seedkit.core.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A baseline captured after seeding tells what a test then inserted, updated (which columns) and deleted, per table,
 * within the test's open transaction too; tables left alone are not listed, and the text shows rows as tables.
 */
@ExtendWith(TestPostgres.class)
class BaselineChangesTests {

    TestDatabase db;
    Baseline baseline;

    @BeforeEach
    void seed(TestDatabase database) throws Exception {
        db = database;
        db.execute("""
                drop table if exists orders, customers, notes cascade;
                create table customers(id int primary key, name text not null);
                create table orders(id int primary key, customer_id int references customers, status text);
                create table notes(body text);
                insert into customers values (1, 'Ada'), (2, 'Grace');
                insert into orders values (10, 1, 'open'), (11, 2, 'paid'), (12, 2, null);
                insert into notes values ('a'), ('b');
                """);
        try (Connection connection = db.connect()) {
            baseline = Baseline.capture(connection);
        }
    }

    @Test
    void aDatabaseLeftAloneHasNoChanges() throws Exception {
        try (Connection connection = db.connect()) {
            assertThat(baseline.changes(connection).isEmpty()).isTrue();
            assertThat(baseline.changes(connection).render()).isEqualTo("no changes");
        }
        assertThat(baseline.rowCount()).isEqualTo(7);
        assertThat(baseline.tables()).containsExactly("public.customers", "public.notes", "public.orders");
    }

    @Test
    void insertedUpdatedAndDeletedRowsAreToldApartWithTheColumnsThatDiffer() throws Exception {
        db.execute("insert into orders values (13, 1, 'open'); update orders set status = 'shipped' where id = 11;"
                + "update orders set status = status where id = 10; delete from orders where id = 12");
        try (Connection connection = db.connect()) {
            Changes changes = baseline.changes(connection);
            assertThat(changes.changedTables()).containsExactly("public.orders");
            TableChanges orders = changes.table("orders");
            assertThat(orders.inserted()).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("id", "13").containsEntry("status", "open"));
            assertThat(orders.updated()).singleElement().satisfies(update -> {
                assertThat(update.changedColumns()).containsExactly("status");
                assertThat(update.before()).containsEntry("status", "paid");
            });
            assertThat(orders.deleted()).singleElement().satisfies(row -> assertThat(row).containsEntry("id", "12"));
            assertThat(changes.render()).isEqualTo("""
                    public.orders: 1 inserted, 1 updated, 1 deleted
                      inserted:
                      | id | customer_id | status |
                      | 13 | 1           | open   |
                      updated:
                      | id | status          |
                      | 11 | paid -> shipped |
                      deleted:
                      | id | customer_id | status |
                      | 12 | 2           | NULL   |
                    """);
        }
    }

    @Test
    void changesInsideAnOpenTransactionAreSeenFromThatConnection() throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("delete from notes where body = 'a'");
            Changes changes = baseline.changes(connection, "public.notes", "customers");
            assertThat(changes.changedTables()).containsExactly("public.notes");
            assertThat(changes.table("notes").deleted()).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("body", "a"));
            connection.rollback();
            assertThat(baseline.changes(connection).isEmpty()).isTrue();
        }
    }

    @Test
    void aRowUpdatedBackToItsSeededValuesIsNoChange() throws Exception {
        db.execute("update customers set name = 'Ada L.' where id = 1; update customers set name = 'Ada' where id = 1");
        try (Connection connection = db.connect()) {
            assertThat(baseline.changes(connection).isEmpty()).isTrue();
        }
    }

    @Test
    void aBaselineCapturedFromTheTemplateAfterACopyWasWrittenStillSeesThoseWrites() throws Exception {
        String copy = db.name() + "_copy";
        try (Connection admin = db.server().connect(db.server().defaultDatabase());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + copy + " TEMPLATE " + db.name());
            try (Connection test = db.server().connect(copy); Statement writes = test.createStatement()) {
                writes.execute("insert into notes values ('c')");
                Baseline late;
                try (Connection template = db.connect()) {
                    late = Baseline.capture(template);
                }
                assertThat(late.changes(test).changedTables()).containsExactly("public.notes");
            } finally {
                statement.execute("DROP DATABASE " + copy + " WITH (FORCE)");
            }
        }
    }

    @Test
    void anUnknownTableIsNamedWithTheSeededOnes() throws Exception {
        try (Connection connection = db.connect()) {
            SeedException e = catchThrowableOfType(SeedException.class,
                    () -> baseline.changes(connection, "order"));
            assertThat(e).hasMessage("No table 'order' among the seeded tables; they are [public.customers, "
                    + "public.notes, public.orders].");
        }
    }
}
