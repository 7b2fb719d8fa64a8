package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The snapshot and the init scripts are read once per run, however many test classes use them. */
@ExtendWith(TestPostgres.class)
class RecipeReadsTests {

    static final RecordingSeeder seeder = new RecordingSeeder("1", "abc", Map.of());

    @BeforeEach
    void forget() {
        seeder.clear();
    }

    @Test
    void readsTheSnapshotOnceForEveryClassOfTheRun(PostgresServer server) {
        EngineRuns.on(server).run(FirstTestCase.class, SecondTestCase.class, ThirdTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(seeder.identified).as("snapshots identified").hasSize(1);
        assertThat(seeder.seeded).as("templates seeded").hasSize(1);
    }

    @Test
    void stillChecksEachClassPinAgainstTheIdentityReadOnce(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(FirstTestCase.class, WrongPinTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(EngineRuns.failureMessages(results)).singleElement().asString()
                .contains(WrongPinTestCase.class.getName())
                .contains("expects version \"2\", found \"1\"");
        assertThat(seeder.identified).as("snapshots identified").hasSize(1);
    }

    @Test
    void readsTheSnapshotAgainInTheNextRun(PostgresServer server) {
        EngineRuns.on(server).run(FirstTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        EngineRuns.on(server).run(SecondTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(seeder.identified).as("one read per run").hasSize(2);
    }

    abstract static class SeededTestCase {
        @Test
        void runs(SeededDatabase database) {
            assertThat(database.databaseName()).startsWith("seedkit_");
        }
    }

    static class FirstTestCase extends SeededTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .initScripts("classpath:sql/orders-schema.sql").seeder(seeder).build();
    }

    static class SecondTestCase extends SeededTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .initScripts("classpath:sql/orders-schema.sql").isolation(Isolation.SHARED).seeder(seeder).build();
    }

    static class ThirdTestCase extends SeededTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .initScripts("classpath:sql/orders-schema.sql").isolation(Isolation.ROLLBACK_PER_METHOD)
                .seeder(seeder).build();
    }

    static class WrongPinTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .initScripts("classpath:sql/orders-schema.sql").version("2").seeder(seeder).build();

        @Test
        void neverRuns() {
        }
    }
}
