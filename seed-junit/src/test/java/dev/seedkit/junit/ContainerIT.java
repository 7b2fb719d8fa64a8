package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.databases;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import dev.seedkit.postgres.testing.EnabledIfDocker;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@EnabledIfDocker
@ExtendWith(TestPostgres.class)
class ContainerIT {

    static final Map<String, SeededDatabaseHandle> seen = new ConcurrentHashMap<>();
    static final Map<String, String> servers = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
        servers.clear();
    }

    @Test
    void seedsAContainerStartedThroughTestcontainers(PostgresServer server) {
        EngineRuns.on(server).with(SeedkitExtension.CONTAINER_IMAGE_PROPERTY, PostgresServers.containerImage())
                .run(ContainerTestCase.class, OtherContainerTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(servers.get("ContainerTestCase"))
                .startsWith("PostgreSQL container " + PostgresServers.containerImage() + " on ");
        assertThat(seen.get("ContainerTestCase").templateName())
                .isEqualTo(seen.get("OtherContainerTestCase").templateName());
    }

    @Test
    void aSecondRunAgainstTheSameContainerReusesItsTemplate() throws SQLException {
        try (PostgresServer container = PostgresServers.container()) {
            int seedingsBefore = TemplateDatabase.seedings();
            EngineRuns.on(container).with(SeedkitExtension.KEEP_TEMPLATES_PROPERTY, "true")
                    .run(ReusedTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
            String template = seen.get("ReusedTestCase").templateName();

            EngineRuns.on(container).run(ReusedTestCase.class)
                    .testEvents().assertStatistics(stats -> stats.succeeded(1));

            assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
            assertThat(databases(container, template)).isEmpty();
        }
    }

    abstract static class OrdersTestCase {
        @Test
        void runsThePlpgsqlScript(SeededDatabase database, Connection connection) throws SQLException {
            seen.put(getClass().getSimpleName(), (SeededDatabaseHandle) database);
            servers.put(getClass().getSimpleName(), database.serverDescription());
            assertThat(queryValue(connection, "select customer_label(1)")).isEqualTo("Ada; 'the' Countess (1 orders)");
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            database = DatabaseKind.CONTAINER)
    static class ContainerTestCase extends OrdersTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            database = DatabaseKind.CONTAINER, isolation = Isolation.ROLLBACK_PER_METHOD)
    static class OtherContainerTestCase extends OrdersTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class ReusedTestCase extends OrdersTestCase {
    }
}
