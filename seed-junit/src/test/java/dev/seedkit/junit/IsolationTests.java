package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.queryValue;
import static dev.seedkit.junit.EngineRuns.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each {@code *TestCase} writes an order in its first test and counts orders in its second: the seed has two, so
 * the count says whether the write reached the next test.
 */
@ExtendWith(TestPostgres.class)
class IsolationTests {

    static final List<String> counts = new CopyOnWriteArrayList<>();
    static final List<String> databases = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        counts.clear();
        databases.clear();
    }

    @Test
    void clonePerClassSharesWritesWithinTheClassOnly(PostgresServer server) {
        EngineRuns.on(server).inOrder().run(ClonePerClassTestCase.class, OtherClonePerClassTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(counts).containsExactly("3", "2");
        assertThat(databases).hasSize(4).containsOnly(databases.get(0), databases.get(2));
        assertThat(databases.get(0)).isNotEqualTo(databases.get(2));
    }

    @Test
    void clonePerMethodGivesEveryMethodAFreshDatabase(PostgresServer server) {
        EngineRuns.on(server).run(ClonePerMethodTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(counts).containsExactly("2");
        assertThat(databases).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void rollbackPerMethodUndoesEveryTestsWritesInOneDatabase(PostgresServer server) {
        EngineRuns.on(server).run(RollbackPerMethodTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(counts).containsExactly("2");
        assertThat(databases).hasSize(2).containsOnly(databases.get(0));
    }

    @Test
    void sharedMakesWritesVisibleToLaterClasses(PostgresServer server) {
        EngineRuns.on(server).inOrder().run(SharedTestCase.class, OtherSharedTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(counts).containsExactly("3", "4");
        assertThat(databases).hasSize(4).containsOnly(databases.get(0));
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class WriteThenCountTestCase {
        private static int nextOrder = 100;

        @Test
        @Order(1)
        void writes(SeededDatabase database, Connection connection) throws SQLException {
            databases.add(database.databaseName());
            update(connection, "insert into orders values (" + nextId() + ", 1, 'written by a test')");
        }

        @Test
        @Order(2)
        void counts(SeededDatabase database, DataSource dataSource) throws SQLException {
            databases.add(database.databaseName());
            counts.add(queryValue(dataSource, "select count(*) from orders"));
        }

        private static synchronized int nextId() {
            return nextOrder++;
        }
    }

    @Order(1)
    static class ClonePerClassTestCase extends WriteThenCountTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    @Order(2)
    static class OtherClonePerClassTestCase {
        @Test
        void counts(SeededDatabase database, Connection connection) throws SQLException {
            databases.add(database.databaseName());
            counts.add(queryValue(connection, "select count(*) from orders"));
        }

        @Test
        void countsAgain(SeededDatabase database) {
            databases.add(database.databaseName());
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.CLONE_PER_METHOD)
    static class ClonePerMethodTestCase extends WriteThenCountTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    static class RollbackPerMethodTestCase extends WriteThenCountTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.SHARED)
    @Order(1)
    static class SharedTestCase extends WriteThenCountTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.SHARED)
    @Order(2)
    static class OtherSharedTestCase extends WriteThenCountTestCase {
    }
}
