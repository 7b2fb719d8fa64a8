package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.FlywayMigrations;
import dev.seedkit.junit.Isolation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring test classes run by {@link SeededDataSourceTests} through the engine, written as Spring users write them:
 * {@code @SpringBootTest} and {@link SeededDataSource} on an abstract base class, no {@code @DirtiesContext}. Each
 * group has a {@code scenario} property of its own, so that it gets a context of its own in this JVM.
 */
final class ShopTestCases {

    /** Seeded customers in {@code fixtures/shop.yml}. */
    static final int SEEDED = 3;
    /** Which database each class saw, by class name. */
    static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    private ShopTestCases() {
    }

    @SpringBootTest(properties = "scenario=per-class")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    abstract static class ShopIntegrationTest {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;
        @Autowired
        Flyway flyway;

        @Test
        void registersACustomerOnTopOfTheSeededOnes() {
            DATABASES.put(getClass().getName(), customers.database());
            assertThat(customers.count()).isEqualTo(SEEDED);

            registration.register("new@example.com", "New");

            assertThat(customers.count()).isEqualTo(SEEDED + 1);
        }

        @Test
        void springBootsFlywayFoundTheSchemaCurrent() {
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).hasSize(1);
        }
    }

    static class FirstTestCase extends ShopIntegrationTest {
    }

    static class SecondTestCase extends ShopIntegrationTest {
    }

    static class ThirdTestCase extends ShopIntegrationTest {
    }

    /** A {@code @Nested} class runs on its enclosing class's copy, under the same context. */
    @SpringBootTest(properties = "scenario=nested")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    static class NestingTestCase {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;

        @Test
        void registersACustomer() {
            registration.register("outer@example.com", "Outer");
        }

        @Nested
        class Inner {
            @Test
            void seesWhatTheEnclosingClassWrote() {
                assertThat(customers.count()).isEqualTo(SEEDED + 1);
            }
        }
    }

    /** Spring makes the test instance, and so starts the context, before {@code beforeAll}. */
    @SpringBootTest(properties = "scenario=per-class-instance")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceTestCase {
        @Autowired
        ShopApplication.Customers customers;

        @Test
        void readsTheSeededRows() {
            assertThat(customers.count()).isEqualTo(SEEDED);
        }
    }

    /** Spring rolls each {@code @Transactional} method back; Seedkit checks that it will. */
    @SpringBootTest(properties = "scenario=rollback")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class,
            isolation = Isolation.ROLLBACK_PER_METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class RollbackTest {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;
    }

    @Transactional
    static class TransactionalTestCase extends RollbackTest {
        @Test
        @Order(1)
        void registersACustomer() {
            registration.register("new@example.com", "New");
            assertThat(customers.count()).isEqualTo(SEEDED + 1);
        }

        @Test
        @Order(2)
        void seesTheSeededCustomersOnly() {
            assertThat(customers.count()).isEqualTo(SEEDED);
        }
    }

    static class NotTransactionalTestCase extends RollbackTest {
        @Test
        void registersACustomer() {
            registration.register("new@example.com", "New");
        }
    }

    /** Each method starts from the seeded rows, though the service commits. */
    @SpringBootTest(properties = "scenario=per-method")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class,
            isolation = Isolation.CLONE_PER_METHOD)
    static class ClonePerMethodTestCase {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;

        @Test
        void registersOne() {
            assertThat(customers.count()).isEqualTo(SEEDED);
            registration.register("one@example.com", "One");
        }

        @Test
        void registersAnother() {
            assertThat(customers.count()).isEqualTo(SEEDED);
            registration.register("two@example.com", "Two");
        }

        @Test
        void registersAThird() {
            assertThat(customers.count()).isEqualTo(SEEDED);
            registration.register("three@example.com", "Three");
        }
    }

    /**
     * {@code @Transactional} and CLONE_PER_METHOD, Spring's annotation first (so its extension runs first): the copy
     * is re-cloned outside Spring's test transaction, which would otherwise hold a connection to the dropped copy.
     */
    @SpringBootTest(properties = "scenario=per-method")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class,
            isolation = Isolation.CLONE_PER_METHOD)
    @Transactional
    static class TransactionalClonePerMethodTestCase {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;

        @Test
        void registersOne() {
            registration.register("one@example.com", "One");
            assertThat(customers.count()).isEqualTo(SEEDED + 1);
        }

        @Test
        void registersAnother() {
            registration.register("two@example.com", "Two");
            assertThat(customers.count()).isEqualTo(SEEDED + 1);
        }
    }

    /** A slice test: its embedded test database stays out, Seedkit's is used. */
    @JdbcTest(properties = "scenario=jdbc-test")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    static class JdbcSliceTestCase {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        void readsTheSeededRows() {
            assertThat(jdbc.queryForObject("select count(*) from customers", Integer.class)).isEqualTo(SEEDED);
            assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("seedkit_");
        }
    }
}
