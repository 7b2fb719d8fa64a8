package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.queryValue;
import static dev.seedkit.junit.EngineRuns.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.zaxxer.hikari.HikariDataSource;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestPostgres.class)
class SeededDatabaseTests {

    static final Map<String, Object> seen = new ConcurrentHashMap<>();
    static final List<Connection> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        seen.clear();
        connections.clear();
    }

    @Test
    void exposesConnectionDetailsAndSpringBootProperties(PostgresServer server) throws SQLException {
        EngineRuns.on(server).run(DetailsTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        SeededDatabase database = (SeededDatabase) seen.get("database");
        assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl(database.databaseName()));
        assertThat(database.username()).isEqualTo(server.username());
        assertThat(database.password()).isEqualTo(server.password());
        assertThat(database.serverDescription()).startsWith("external PostgreSQL ");
        assertThat(database.properties()).containsExactly(entry("spring.datasource.url", database.jdbcUrl()),
                entry("spring.datasource.username", server.username()),
                entry("spring.datasource.password", server.password()));
        assertThat(seen.get("connected through properties")).isEqualTo("2");
    }

    @Test
    void injectsASmallPoolAndOneConnectionPerMethodClosedAfterIt(PostgresServer server) throws SQLException {
        EngineRuns.on(server).run(InjectionTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen.get("pool size")).isEqualTo(ConnectionPool.POOL_SIZE);
        assertThat(connections).hasSize(4);
        assertThat(connections.get(0)).as("@BeforeEach and test share one").isSameAs(connections.get(1));
        assertThat(connections.get(2)).as("the next method gets another").isNotSameAs(connections.get(0));
        for (Connection connection : connections) {
            assertThat(connection.isClosed()).isTrue();
        }
    }

    @Test
    void handsOutOneTransactionalConnectionPerRolledBackMethod(PostgresServer server) {
        EngineRuns.on(server).run(TransactionTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void reseedPutsTheSeededRowsBackInEveryIsolation(PostgresServer server) {
        EngineRuns.on(server).run(ReseedPerClassTestCase.class, ReseedPerMethodTestCase.class,
                ReseedRollbackTestCase.class, ReseedSharedTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    void reportsWhatTheSeederReported(PostgresServer server) {
        EngineRuns.on(server).run(ReportTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class DetailsTestCase {
        @Test
        void records(SeededDatabase database) throws SQLException {
            seen.put("database", database);
            Map<String, String> properties = database.properties();
            try (Connection connection = DriverManager.getConnection(properties.get("spring.datasource.url"),
                    properties.get("spring.datasource.username"), properties.get("spring.datasource.password"))) {
                seen.put("connected through properties", queryValue(connection, "select count(*) from customers"));
            }
            assertThat(database.snapshotVersion()).contains("junit-demo-1");
            assertThat(database.rowCounts()).containsEntry("public.customers", 2L).containsEntry("public.orders", 2L);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class InjectionTestCase {
        @BeforeEach
        void before(Connection connection) {
            connections.add(connection);
        }

        @Test
        void first(Connection connection, DataSource dataSource, SeededDatabase database) throws SQLException {
            connections.add(connection);
            seen.put("pool size", dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
            assertThat(dataSource).isSameAs(database.dataSource());
            assertThat(connection.getAutoCommit()).isTrue();
        }

        @Test
        void second(Connection connection) {
            connections.add(connection);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TransactionTestCase {
        @Test
        @Order(1)
        void codeUnderTestCannotEndTheTransaction(Connection connection, DataSource dataSource) throws SQLException {
            assertThat(connection.getAutoCommit()).isFalse();
            update(connection, "insert into orders values (20, 1, 'uncommitted')");
            try (Connection fromPool = dataSource.getConnection()) {
                assertThat(queryValue(fromPool, "select count(*) from orders")).isEqualTo("3");
                fromPool.setAutoCommit(true);
                fromPool.commit();
            }
            assertThat(connection.isClosed()).isFalse();
            assertThat(queryValue(dataSource, "select note from orders where id = 20")).isEqualTo("uncommitted");
        }

        @Test
        @Order(2)
        void startsFromTheSeededRows(Connection connection) throws SQLException {
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("2");
        }
    }

    abstract static class ReseedTestCase {
        @Test
        void reseeds(SeededDatabase database, DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                update(connection, "delete from orders");
            }
            assertThat(queryValue(dataSource, "select count(*) from orders")).isEqualTo("0");
            database.reseed();
            assertThat(queryValue(database.dataSource(), "select count(*) from orders")).isEqualTo("2");
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class ReseedPerClassTestCase extends ReseedTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.CLONE_PER_METHOD)
    static class ReseedPerMethodTestCase extends ReseedTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    static class ReseedRollbackTestCase extends ReseedTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.SHARED)
    static class ReseedSharedTestCase extends ReseedTestCase {
    }

    static class ReportTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .seeder(new RecordingSeeder("7", "c0ffee", Map.of("orders", 2L, "customers", 2L))).build();

        @Test
        void seesTheReport(SeededDatabase database) {
            assertThat(database.snapshotVersion()).contains("7");
            assertThat(database.rowCounts()).containsOnly(entry("orders", 2L), entry("customers", 2L));
        }
    }
}
