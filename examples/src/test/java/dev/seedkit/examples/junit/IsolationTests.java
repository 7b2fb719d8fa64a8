package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What one test's writes do to the next, per isolation mode. */
class IsolationTests {

    static void deleteAllPayouts(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("delete from public.payout_requests");
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.ROLLBACK_PER_METHOD)
    class RollbackPerMethod {
        @Test
        @Order(1)
        void aTestMayDeleteRows(Connection connection) throws SQLException {
            deleteAllPayouts(connection);
            assertThat(value(connection, "select count(*) from public.payout_requests")).isZero();
        }

        @Test
        @Order(2)
        void theNextTestSeesTheSnapshotAgain(Connection connection) throws SQLException {
            assertThat(value(connection, "select count(*) from public.payout_requests")).isPositive();
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.CLONE_PER_CLASS)
    class ClonePerClass {
        @Test
        @Order(1)
        void aTestMayDeleteRows(Connection connection) throws SQLException {
            deleteAllPayouts(connection);
        }

        @Test
        @Order(2)
        void laterTestsOfTheSameClassSeeTheWrite(Connection connection) throws SQLException {
            assertThat(value(connection, "select count(*) from public.payout_requests")).isZero();
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.CLONE_PER_METHOD)
    class ClonePerMethod {
        @Test
        @Order(1)
        void aTestMayDeleteRows(Connection connection) throws SQLException {
            deleteAllPayouts(connection);
        }

        @Test
        @Order(2)
        void theNextTestGetsAFreshCopy(Connection connection) throws SQLException {
            assertThat(value(connection, "select count(*) from public.payout_requests")).isPositive();
        }
    }

    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class, isolation = Isolation.SHARED)
    class Shared {
        @Test
        void readOnlyTestsShareOneCopy(Connection connection) throws SQLException {
            assertThat(value(connection, "select count(*) from public.roles")).isEqualTo(8);
        }
    }

    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class,
            isolation = Isolation.CLONE_PER_CLASS)
    class AnotherClass {
        @Test
        void getsItsOwnCopyWithTheSnapshotsRows(Connection connection) throws SQLException {
            assertThat(value(connection, "select count(*) from public.payout_requests")).isPositive();
        }
    }
}
