package dev.seedkit.junit;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestPostgres.class)
class SeedkitExtensionTests {

    static final Map<String, SeededDatabase> seen = new ConcurrentHashMap<>();
    static final RecordingSeeder seeder = new RecordingSeeder();

    @BeforeEach
    void forget() {
        seen.clear();
        seeder.clear();
    }

    @Test
    void seedsLikeTheAnnotationsWithSettingsFromCode(PostgresServer server) {
        EngineRuns.on(server).run(ProgrammaticTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(seeder.seeded).singleElement().satisfies(request -> {
            assertThat(request.location()).isEqualTo("classpath:fixtures/demo");
            assertThat(request.tables()).containsExactly("customers", "orders");
            assertThat(request.mode()).isEqualTo(ImportMode.REPLACE);
            assertThat(request.origin()).isEqualTo("SeedkitExtension in " + ProgrammaticTestCase.class.getName());
        });
        assertThat(seen.get("outer").isolation()).isEqualTo(Isolation.ROLLBACK_PER_METHOD);
        assertThat(seen.get("nested").databaseName()).isEqualTo(seen.get("outer").databaseName());
    }

    @Test
    void sharesTemplatesWithAnnotatedClassesOfTheSameSettings(PostgresServer server) {
        int seedingsBefore = TemplateDatabase.seedings();

        EngineRuns.on(server).run(AnnotatedTwinTestCase.class, BuiltTwinTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
        assertThat(((SeededDatabaseHandle) seen.get("annotated")).templateName())
                .isEqualTo(((SeededDatabaseHandle) seen.get("built")).templateName());
    }

    static class ProgrammaticTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder()
                .snapshot("classpath:fixtures/demo")
                .tables("orders", " customers", "orders")
                .mode(ImportMode.REPLACE)
                .initScripts("classpath:sql/orders-schema.sql")
                .isolation(Isolation.ROLLBACK_PER_METHOD)
                .seeder(seeder)
                .build();

        @Test
        void isSeeded(SeededDatabase database, Connection connection) throws SQLException {
            seen.put("outer", database);
            assertThat(queryValue(connection, "select count(*) from orders")).isEqualTo("2");
        }

        @Nested
        class Inner {
            @Test
            void sharesTheDatabase(SeededDatabase database) {
                seen.put("nested", database);
            }
        }
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class AnnotatedTwinTestCase {
        @Test
        void records(SeededDatabase database) {
            seen.put("annotated", database);
        }
    }

    static class BuiltTwinTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .tables("orders").initScripts("classpath:sql/orders-schema.sql").build();

        @Test
        void records(SeededDatabase database) {
            seen.put("built", database);
        }
    }
}
