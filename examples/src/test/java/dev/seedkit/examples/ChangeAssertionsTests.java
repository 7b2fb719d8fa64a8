package dev.seedkit.examples;

import static dev.seedkit.assertj.SeedkitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.core.Seedkit;
import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What a test changed since seeding, asserted with seed-assertj in plain Java: the demo snapshot seeded once, a
 * baseline captured, then each test's writes (in a transaction, rolled back) compared with it. One test case fails
 * on purpose, run through JUnit's EngineTestKit to pin its message.
 */
@ExtendWith(TestPostgres.class)
class ChangeAssertionsTests {

    static ScratchDatabase seeded;
    static Baseline baseline;

    @BeforeAll
    static void seedOnce(TestDatabase server) throws Exception {
        seeded = seed(server.server());
        try (Connection connection = seeded.connect()) {
            baseline = Seedkit.baseline(connection);                  // once, right after seeding
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        seeded.close();
    }

    @Test
    void aPurchaseTouchesOnlyThePurchasesTable() throws Exception {
        try (Connection connection = seeded.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "insert into public.purchases (user_id, amount, status, purchased_at) "
                    + "values (1, 12.50, 'pending', '2026-04-01 10:00+00')");
            // README: change assertions
            Changes changes = baseline.changes(connection);
            assertThat(changes).hasOnlyChangedTables("public.purchases")
                    .inserted("public.purchases").hasSize(1).first().containsEntry("status", "pending");
            // README: end
            assertThat(changes).updated("public.purchases").isEmpty();
            assertThat(seeded.dataSource()).table("public.purchases").hasRowCount(100);  // uncommitted: 100 to others
            connection.rollback();
        }
    }

    @Test
    void aTestThatChangesAnUnexpectedTableFailsShowingTheRows() {
        Events failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RefundTestCase.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).failed(1)).failed();
        Throwable failure = failed.stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessage("""
                Expected only [public.purchases] to change since seeding, but public.users changed too:
                public.purchases: 0 inserted, 1 updated, 0 deleted
                  updated:
                  | id                                   | status           |
                  | 05285080-a211-16dd-cb56-4c7986f3665c | paid -> refunded |
                public.users: 0 inserted, 1 updated, 0 deleted
                  updated:
                  | id | status              |
                  | 1  | active -> suspended |
                """);
    }

    /** A refund that, by mistake, also suspends the buyer: the assertion names the extra table and shows its row. */
    @ExtendWith(TestPostgres.class)
    static class RefundTestCase {
        @Test
        void refundChangesOnlyThePurchase(TestDatabase server) throws Exception {
            try (ScratchDatabase database = seed(server.server()); Connection connection = database.connect()) {
                Baseline seededRows = Seedkit.baseline(connection);
                execute(connection, "update public.purchases set status = 'refunded' "
                        + "where id = '05285080-a211-16dd-cb56-4c7986f3665c'; "
                        + "update public.users set status = 'suspended' where id = 1");
                assertThat(seededRows.changes(connection)).hasOnlyChangedTables("public.purchases");
            }
        }
    }

    static ScratchDatabase seed(PostgresServer server) throws Exception {
        ScratchDatabase database = ScratchDatabase.create(server);
        try (Connection connection = database.connect(); Snapshot demo = Seedkit.open("classpath:fixtures/demo")) {
            DemoDatabase.migrate(connection);
            Seedkit.importer().build().importInto(connection, demo);
        }
        return database;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
