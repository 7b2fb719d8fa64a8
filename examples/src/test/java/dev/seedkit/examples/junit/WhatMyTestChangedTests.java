package dev.seedkit.examples.junit;

import static dev.seedkit.assertj.SeedkitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import dev.seedkit.junit.SeedkitExtension;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code database.changes()}: what a test changed since the demo snapshot was seeded, asserted with seed-assertj.
 * One test case fails on purpose, run through JUnit's EngineTestKit to pin the message it prints.
 */
@ExtendWith(TestPostgres.class)
class WhatMyTestChangedTests {

    @Test
    void aPurchaseTouchesOnlyThePurchasesTable(PostgresServer server) {
        run(server, PurchaseTestCase.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aTestThatChangesAnUnexpectedTableFailsShowingTheRows(PostgresServer server) {
        Events failed = run(server, RefundTestCase.class).assertStatistics(stats -> stats.started(1).failed(1))
                .failed();
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

    // README: what did my test change
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.ROLLBACK_PER_METHOD)
    static class PurchaseTestCase {
        @Test
        void buyingACourseAddsOnePendingPurchase(Connection connection, SeededDatabase database)
                throws SQLException {
            execute(connection, "insert into public.purchases (user_id, amount, status, purchased_at) "
                    + "values (1, 12.50, 'pending', now())");                  // the code under test, here inline

            assertThat(database.changes()).hasOnlyChangedTables("public.purchases")
                    .inserted("public.purchases").hasSize(1).first().containsEntry("status", "pending");
            assertThat(database.dataSource()).table("public.purchases").hasRowCount(101);
        }
    }
    // README: end

    /** A refund that, by mistake, also suspends the buyer: the assertion names the extra table and shows its row. */
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.ROLLBACK_PER_METHOD)
    static class RefundTestCase {
        @Test
        void refundChangesOnlyThePurchase(Connection connection, SeededDatabase database) throws SQLException {
            execute(connection, "update public.purchases set status = 'refunded' "
                    + "where id = '05285080-a211-16dd-cb56-4c7986f3665c'; "
                    + "update public.users set status = 'suspended' where id = 1");
            assertThat(database.changes()).hasOnlyChangedTables("public.purchases");
        }
    }

    /** Runs {@code testCase} in-process on this JVM's server, as its own run with its own templates. */
    private static Events run(PostgresServer server, Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testCase))
                .configurationParameter(SeedkitExtension.DATABASE_PROPERTY, "url")
                .configurationParameter(SeedkitExtension.JDBC_URL_PROPERTY, server.jdbcUrl())
                .configurationParameter(SeedkitExtension.JDBC_USER_PROPERTY, server.username())
                .configurationParameter(SeedkitExtension.JDBC_PASSWORD_PROPERTY, server.password())
                .execute().testEvents();
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
