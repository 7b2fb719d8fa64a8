package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestPostgres.class)
class ConfigurationParameterTests {

    static final Map<String, SeededDatabase> seen = new ConcurrentHashMap<>();
    static final RecordingSeeder seeder = new RecordingSeeder();

    @BeforeEach
    void forget() {
        seen.clear();
        seeder.clear();
    }

    @Test
    void takesTheIsolationFromTheConfigurationUnlessTheAnnotationSetsOne(PostgresServer server) {
        EngineRuns.on(server).with(SeedkitExtension.ISOLATION_PROPERTY, "Rollback_Per_Method")
                .run(DefaultsTestCase.class, ExplicitIsolationTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen.get("defaults").isolation()).isEqualTo(Isolation.ROLLBACK_PER_METHOD);
        assertThat(seen.get("explicit").isolation()).isEqualTo(Isolation.SHARED);
    }

    @Test
    void fallsBackToBuiltInValuesWithoutConfiguration(PostgresServer server) {
        EngineRuns.on(server).run(DefaultsTestCase.class, BuilderDefaultsTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seen.get("defaults").isolation()).isEqualTo(Isolation.CLONE_PER_CLASS);
        assertThat(seeder.seeded).extracting(SeedRequest::mode).containsExactly(ImportMode.INSERT_MISSING);
    }

    @Test
    void takesTheImportModeFromTheConfiguration(PostgresServer server) {
        EngineRuns.on(server).with(SeedkitExtension.MODE_PROPERTY, "upsert").run(BuilderDefaultsTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(seeder.seeded).extracting(SeedRequest::mode).containsExactly(ImportMode.UPSERT);
    }

    @Test
    void takesSnapshotInitScriptsAndInitializerFromTheConfiguration(PostgresServer server) {
        EngineRuns.on(server)
                .with(SeedkitExtension.SNAPSHOT_PROPERTY, "classpath:fixtures/customers")
                .with(SeedkitExtension.INIT_SCRIPTS_PROPERTY, " classpath:sql/customers-schema.sql ,")
                .with(SeedkitExtension.INITIALIZER_PROPERTY, NotesInitializer.class.getName())
                .run(BareTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void rejectsUnknownValuesNamingTheKeyAndTheChoices(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).with(SeedkitExtension.DATABASE_PROPERTY, "oracle")
                .run(DefaultsTestCase.class)))
                .containsExactly("Unknown seedkit.database 'oracle': use one of embedded, container, url.");
        assertThat(failureMessages(EngineRuns.on(server).with(SeedkitExtension.ISOLATION_PROPERTY, "per_test")
                .run(DefaultsTestCase.class))).containsExactly("Unknown seedkit.isolation.default 'per_test': use "
                + "one of clone_per_class, clone_per_method, rollback_per_method, shared.");
        assertThat(failureMessages(EngineRuns.on(server).with(SeedkitExtension.INITIALIZER_PROPERTY, "java.lang.String")
                .run(DefaultsTestCase.class))).containsExactly("Configuration parameter seedkit.initializer = "
                + "'java.lang.String' is not a dev.seedkit.junit.SchemaInitializer: name a class that implements "
                + "SchemaInitializer.");
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class DefaultsTestCase {
        @Test
        void records(SeededDatabase database) {
            seen.put("defaults", database);
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.SHARED)
    static class ExplicitIsolationTestCase {
        @Test
        void records(SeededDatabase database) {
            seen.put("explicit", database);
        }
    }

    static class BuilderDefaultsTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .seeder(seeder).build();

        @Test
        void records(SeededDatabase database) {
            seen.put("builder", database);
        }
    }

    @SeedFromFixtures
    static class BareTestCase {
        @Test
        void seesTheConfiguredSchema(DataSource dataSource) throws SQLException {
            assertThat(queryValue(dataSource, "select name from customers")).isEqualTo("only customers");
            assertThat(queryValue(dataSource, "select note from notes")).isEqualTo("from the configured initializer");
        }
    }

    /** Runs after the init scripts, so it can use their tables. */
    static class NotesInitializer implements SchemaInitializer {
        @Override
        public void initialize(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                EngineRuns.update(connection, "create table notes as select 'from the configured initializer' as "
                        + "note from customers");
            }
        }
    }
}
