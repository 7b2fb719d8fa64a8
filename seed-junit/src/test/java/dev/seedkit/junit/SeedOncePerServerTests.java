package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.databases;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TestPostgres.class)
class SeedOncePerServerTests {

    static final Map<String, SeededDatabaseHandle> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void seedsOneTemplateForManyClassesAndGivesEachClassItsOwnClone(PostgresServer server) {
        int seedingsBefore = TemplateDatabase.seedings();

        EngineExecutionResults results = EngineRuns.on(server).run(FirstTestCase.class, SecondTestCase.class,
                ThirdTestCase.class, FourthTestCase.class, FifthTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
        assertThat(seen.values()).extracting(SeededDatabaseHandle::databaseName).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen.values()).extracting(SeededDatabaseHandle::templateName).containsOnly(
                seen.get("FirstTestCase").templateName());
    }

    @Test
    void dropsClonesAndTemplatesWhenTheRunEnds(PostgresServer server) throws SQLException {
        EngineRuns.on(server).run(FirstTestCase.class, SecondTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        SeededDatabaseHandle first = seen.get("FirstTestCase");
        assertThat(first.databaseName()).matches("seedkit_[0-9a-f]{8}_[0-9a-f]{6}_[0-9a-f]{8}");
        assertThat(first.templateName()).matches("seedkit_tpl_[0-9a-f]{16}");
        assertThat(databases(server, first.templateName())).isEmpty();
        assertThat(databases(server, "seedkit_" + first.templateName().substring(12, 20) + "_%")).isEmpty();
    }

    @Test
    void seedsAnotherTemplateForOtherInitScriptsOrAnotherMode(PostgresServer server) {
        int seedingsBefore = TemplateDatabase.seedings();

        EngineRuns.on(server).run(FirstTestCase.class, CustomersOnlyTestCase.class, UpsertTestCase.class,
                SecondTestCase.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(3);
        assertThat(seen.get("FirstTestCase").templateName()).isEqualTo(seen.get("SecondTestCase").templateName())
                .isNotEqualTo(seen.get("CustomersOnlyTestCase").templateName())
                .isNotEqualTo(seen.get("UpsertTestCase").templateName());
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    abstract static class OrdersTestCase {
        @Test
        void seesTheSeededRows(SeededDatabase database, Connection connection) throws SQLException {
            seen.put(getClass().getSimpleName(), (SeededDatabaseHandle) database);
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("2");
        }
    }

    static class FirstTestCase extends OrdersTestCase {
    }

    static class SecondTestCase extends OrdersTestCase {
    }

    static class ThirdTestCase extends OrdersTestCase {
    }

    static class FourthTestCase extends OrdersTestCase {
    }

    static class FifthTestCase extends OrdersTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", mode = ImportMode.UPSERT,
            initScripts = "classpath:sql/orders-schema.sql")
    static class UpsertTestCase extends OrdersTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initScripts = "classpath:sql/customers-schema.sql")
    static class CustomersOnlyTestCase {
        @Test
        void seesOnlyCustomers(SeededDatabase database, Connection connection) throws SQLException {
            seen.put(getClass().getSimpleName(), (SeededDatabaseHandle) database);
            assertThat(queryValue(connection, "select name from customers")).isEqualTo("only customers");
        }
    }
}
