package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.changes.Changes;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SeededDatabase#changes()} tells what a test changed since its template was seeded: within the test's
 * transaction under {@link Isolation#ROLLBACK_PER_METHOD} (nothing once rolled back), and in a class's own copy; the
 * baseline is captured once per template, from a fresh copy of it.
 */
@ExtendWith(TestPostgres.class)
class ChangesTests {

    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void aTestSeesItsOwnUncommittedWritesAndTheNextTestNone(PostgresServer server) {
        EngineRuns.on(server).run(RollbackTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(seen.get("after insert")).hasToString("""
                public.orders: 1 inserted, 0 updated, 0 deleted
                  inserted:
                  | id | customer_id | note         |
                  | 20 | 1           | from a test  |
                """);
        assertThat(seen.get("next test")).hasToString("no changes");
    }

    @Test
    void aClassCopyShowsWhatItsTestsChangedPerTable(PostgresServer server) {
        EngineRuns.on(server).run(ClonePerClassTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        Changes changes = (Changes) seen.get("changes");
        assertThat(changes.changedTables()).containsExactly("public.customers", "public.orders");
        assertThat(changes.table("customers").updated()).singleElement()
                .satisfies(update -> assertThat(update.changedColumns()).containsExactly("name"));
        assertThat(((Changes) seen.get("orders only")).changedTables()).containsExactly("public.orders");
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RollbackTestCase {
        @Test
        @Order(1)
        void inserts(Connection connection, SeededDatabase database) throws SQLException {
            update(connection, "insert into orders values (20, 1, 'from a test ')");
            seen.put("after insert", database.changes().render());
        }

        @Test
        @Order(2)
        void startsFromTheSeededRows(SeededDatabase database) {
            seen.put("next test", database.changes().render());
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class ClonePerClassTestCase {
        @Test
        void changesTwoTables(Connection connection, SeededDatabase database) throws SQLException {
            update(connection, "update customers set name = 'renamed' where id = 1; delete from orders where id = 10");
            seen.put("changes", database.changes());
            seen.put("orders only", database.changes("orders"));
        }
    }
}
