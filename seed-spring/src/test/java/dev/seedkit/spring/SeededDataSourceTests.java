package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import dev.seedkit.spring.EngineRuns.Footprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs the Spring test classes of {@link ShopTestCases} through the engine and checks what issue #17 asks: one
 * application context for many classes, each class on its own seeded database, transactions rolled back as
 * documented, nothing left on the server.
 */
@ExtendWith(TestPostgres.class)
class SeededDataSourceTests {

    @Test
    void oneContextServesEveryClassOfABaseClassAndEachSeesOnlyItsOwnWrites(PostgresServer server)
            throws Exception {
        Footprint before = Footprint.of(server);
        int refreshes = ShopApplication.Refreshes.COUNT.get();

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.FirstTestCase.class,
                ShopTestCases.SecondTestCase.class, ShopTestCases.ThirdTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(ShopApplication.Refreshes.COUNT.get() - refreshes).as("contexts started").isEqualTo(1);
        assertThat(ShopTestCases.DATABASES).containsKeys(ShopTestCases.FirstTestCase.class.getName(),
                ShopTestCases.SecondTestCase.class.getName(), ShopTestCases.ThirdTestCase.class.getName());
        assertThat(ShopTestCases.DATABASES.values()).doesNotHaveDuplicates().allMatch(n -> n.startsWith("seedkit_"));
        assertNothingLeftBehind(server, before);
    }

    @Test
    void aContextStartedForAPerClassTestInstanceStartsOnTheClassesDatabase(PostgresServer server)
            throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.PerClassInstanceTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertNothingLeftBehind(server, before);
    }

    @Test
    void aNestedClassRunsOnItsEnclosingClassesDatabase(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.NestingTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertNothingLeftBehind(server, before);
    }

    @Test
    void transactionalTestMethodsAreRolledBackBySpring(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.TransactionalTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertNothingLeftBehind(server, before);
    }

    @Test
    void rollbackPerMethodRefusesATestMethodThatSpringWouldNotRollBack(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.NotTransactionalTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(EngineRuns.failureMessages(results)).singleElement().asString()
                .contains("NotTransactionalTestCase.registersACustomer runs with isolation ROLLBACK_PER_METHOD")
                .contains("run it outside a test transaction")
                .contains("annotate the method or class with @Transactional");
        assertNothingLeftBehind(server, before);
    }

    @Test
    void clonePerMethodStartsEveryMethodFromTheSeededRows(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.ClonePerMethodTestCase.class,
                ShopTestCases.TransactionalClonePerMethodTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        assertNothingLeftBehind(server, before);
    }

    @Test
    void aJdbcTestSliceUsesTheSeededDatabaseInsteadOfAnEmbeddedOne(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);

        EngineExecutionResults results = EngineRuns.run(server, ShopTestCases.JdbcSliceTestCase.class);

        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertNothingLeftBehind(server, before);
    }

    private static void assertNothingLeftBehind(PostgresServer server, Footprint before) throws Exception {
        Footprint after = Footprint.settled(server, before);
        assertThat(after.databasesNotIn(before)).as("databases the run created and left").isEmpty();
        assertThat(after.connectionsNotIn(before)).as("connections the run opened and left").isEmpty();
    }
}
