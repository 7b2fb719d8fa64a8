package dev.seedkit.assertj;

import static dev.seedkit.assertj.SeedkitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** The assertions pass on what is there and fail with the rows shown as text tables. */
@ExtendWith(TestPostgres.class)
class SeedkitAssertionsTests {

    TestDatabase db;
    Baseline baseline;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @BeforeEach
    void seed(TestDatabase database) throws Exception {
        db = database;
        db.execute("""
                drop table if exists orders, customers cascade;
                create table customers(id int primary key, name text);
                create table orders(id int primary key, status text, note text);
                insert into customers values (1, 'Ada');
                insert into orders values (10, 'paid', null);
                """);
        dataSource.setUrl(db.jdbcUrl());
        dataSource.setUser(db.username());
        dataSource.setPassword(db.password());
        try (Connection connection = db.connect()) {
            baseline = Baseline.capture(connection);
        }
    }

    @Test
    void passesOnTheTablesAndRowsTheTestChanged() throws Exception {
        db.execute("insert into orders values (11, 'open', null)");
        assertThat(changes()).hasOnlyChangedTables("public.orders")
                .inserted("orders").hasSize(1).first().containsEntry("status", "open").containsEntry("note", null);
        assertThat(changes()).updated("orders").isEmpty();
        assertThat(changes()).inserted("public.orders").containsRowWith(Map.of("id", "11"));
        assertThat(dataSource).table("public.orders").hasRowCount(2);
        assertThat(dataSource).table("orders").rows().hasSize(2).row(1).containsEntry("id", "11");
    }

    @Test
    void anUnexpectedTableIsReportedWithItsChangesAsTextTables() throws Exception {
        db.execute("update customers set name = 'Ada L.' where id = 1");
        assertThatThrownBy(() -> assertThat(changes()).hasOnlyChangedTables("public.orders"))
                .hasMessage("""
                        Expected only [public.orders] to change since seeding, but public.customers changed too and \
                        public.orders did not change:
                        public.customers: 0 inserted, 1 updated, 0 deleted
                          updated:
                          | id | name          |
                          | 1  | Ada -> Ada L. |
                        """);
    }

    @Test
    void aWrongRowCountShowsTheRows() throws Exception {
        db.execute("insert into orders values (11, 'open', null), (12, 'open', 'gift')");
        assertThatThrownBy(() -> assertThat(changes()).inserted("orders").hasSize(1)).hasMessage("""
                Expected 1 row inserted into public.orders, found 2:
                  | id | status | note |
                  | 11 | open   | NULL |
                  | 12 | open   | gift |
                """);
        assertThatThrownBy(() -> assertThat(dataSource).table("public.orders").hasRowCount(101))
                .hasMessage("Expected public.orders to hold 101 rows, found 3.");
    }

    @Test
    void aWrongValueNamesTheRowItWasLookedFor() throws Exception {
        db.execute("insert into orders values (11, 'open', null)");
        assertThatThrownBy(() -> assertThat(changes()).inserted("orders").first().containsEntry("status", "paid"))
                .hasMessageStartingWith("[row 0 inserted into public.orders:\n  | id | status | note |\n"
                        + "  | 11 | open   | NULL |\n]");
        assertThatThrownBy(() -> assertThat(changes()).hasNoChanges())
                .hasMessageStartingWith("Expected no changes since seeding, but:\npublic.orders: 1 inserted");
    }

    private Changes changes() throws Exception {
        try (Connection connection = db.connect()) {
            return baseline.changes(connection);
        }
    }
}
