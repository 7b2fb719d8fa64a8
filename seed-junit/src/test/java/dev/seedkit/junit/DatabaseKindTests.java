package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class DatabaseKindTests {

    static final Map<String, SeededDatabase> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        seen.clear();
    }

    @Test
    void usesTheServerAtTheConfiguredUrl(PostgresServer server) {
        EngineRuns.on(server).run(DefaultKindTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        SeededDatabase database = seen.get("DefaultKindTestCase");
        assertThat(database.serverDescription()).startsWith("external PostgreSQL ")
                .endsWith(" at " + server.host() + ":" + server.port());
        assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl(database.databaseName()));
    }

    @Test
    void startsAnEmbeddedServerWhenTheAnnotationAsksForOne(PostgresServer server) {
        EngineRuns.on(server).run(EmbeddedTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(seen.get("EmbeddedTestCase").serverDescription()).startsWith("embedded PostgreSQL ");
    }

    @Test
    void saysWhatToCheckWhenTheUrlCannotBeReached(PostgresServer server) {
        EngineRuns unreachable = EngineRuns.on(server)
                .with(SeedkitExtension.JDBC_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:1/postgres?password=secret")
                .with(SeedkitExtension.JDBC_PASSWORD_PROPERTY, "");

        assertThat(failureMessages(unreachable.run(DefaultKindTestCase.class))).singleElement().asString()
                .startsWith("Seedkit could not get its PostgreSQL server (database = URL): Could not connect to "
                        + "jdbc:postgresql://127.0.0.1:1/postgres?password=*** as '" + server.username() + "': ")
                .contains("Check that the server runs")
                .doesNotContain("secret");
    }

    abstract static class RecordingTestCase {
        @Test
        void records(SeededDatabase database) {
            seen.put(getClass().getSimpleName(), database);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initScripts = "classpath:sql/customers-schema.sql")
    static class DefaultKindTestCase extends RecordingTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/customers", initScripts = "classpath:sql/customers-schema.sql",
            database = DatabaseKind.EMBEDDED)
    static class EmbeddedTestCase extends RecordingTestCase {
    }
}
