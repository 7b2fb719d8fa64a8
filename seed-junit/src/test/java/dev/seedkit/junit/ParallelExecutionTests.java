package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.queryValue;
import static dev.seedkit.junit.EngineRuns.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class ParallelExecutionTests {

    static final Map<String, String> databases = new ConcurrentHashMap<>();
    static CountDownLatch allClassesStarted;

    @BeforeEach
    void forget() {
        databases.clear();
        allClassesStarted = new CountDownLatch(4);
    }

    @Test
    void givesClassesThatRunAtTheSameTimeTheirOwnClonesOfOneTemplate(PostgresServer server) {
        int seedingsBefore = TemplateDatabase.seedings();

        EngineRuns.on(server).inParallel().run(FirstTestCase.class, SecondTestCase.class, ThirdTestCase.class,
                FourthTestCase.class).testEvents().assertStatistics(stats -> stats.started(8).succeeded(8));

        assertThat(databases).hasSize(4);
        assertThat(databases.values()).doesNotHaveDuplicates();
        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
    }

    /**
     * Every class waits in {@code @BeforeAll} until all four have their database, which only happens if they run
     * at the same time; then each of its two concurrent methods writes and reads in its own transaction.
     */
    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    abstract static class ConcurrentTestCase {
        @BeforeAll
        static void meetTheOtherClasses() throws InterruptedException {
            allClassesStarted.countDown();
            assertThat(allClassesStarted.await(30, TimeUnit.SECONDS)).as("all classes started together").isTrue();
        }

        @Test
        void writesInItsOwnTransaction(SeededDatabase database, Connection connection) throws SQLException {
            databases.put(getClass().getSimpleName(), database.databaseName());
            update(connection, "insert into orders values (500, 1, 'one')");
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("3");
        }

        @Test
        void writesInAnotherTransactionAtTheSameTime(Connection connection) throws SQLException {
            update(connection, "insert into orders values (501, 2, 'two')");
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("3");
        }
    }

    static class FirstTestCase extends ConcurrentTestCase {
    }

    static class SecondTestCase extends ConcurrentTestCase {
    }

    static class ThirdTestCase extends ConcurrentTestCase {
    }

    static class FourthTestCase extends ConcurrentTestCase {
    }
}
