package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.comment;
import static dev.seedkit.junit.EngineRuns.databases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs against an external server (as every {@link EngineRuns} run does); each engine run has its own root store,
 * like a separate JVM. Each test uses its own import mode, hence its own template.
 */
@ExtendWith(TestPostgres.class)
class TemplateReuseTests {

    static final Map<String, String> templates = new ConcurrentHashMap<>();

    @BeforeEach
    void forget() {
        templates.clear();
    }

    @AfterEach
    void dropKeptTemplates(PostgresServer server) {
        templates.values().forEach(name -> DatabaseAdmin.drop(server, name));
    }

    @Test
    void aLaterRunFindsTheTemplateAnEarlierRunKeptAndDoesNotSeedAgain(PostgresServer server) throws SQLException {
        int seedingsBefore = TemplateDatabase.seedings();

        EngineRuns.on(server).with(SeedkitExtension.KEEP_TEMPLATES_PROPERTY, "true").run(KeptTestCase.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(1));
        String template = templates.get("KeptTestCase");
        assertThat(comment(server, template)).startsWith("seedkit template complete; version=junit-demo-1; checksum=");

        EngineRuns.on(server).run(KeptTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
        assertThat(databases(server, template)).as("dropped by the second run, which keeps nothing").isEmpty();
    }

    @Test
    void rebuildsATemplateThatAnInterruptedBuildLeftIncomplete(PostgresServer server) throws SQLException {
        int seedingsBefore = TemplateDatabase.seedings();
        EngineRuns kept = EngineRuns.on(server).with(SeedkitExtension.KEEP_TEMPLATES_PROPERTY, "true");
        kept.run(IncompleteTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        String template = templates.get("IncompleteTestCase");
        EngineRuns.execute(server, "COMMENT ON DATABASE \"" + template + "\" IS NULL");

        kept.run(IncompleteTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(2);
        assertThat(comment(server, template)).startsWith("seedkit template complete;");
    }

    @Test
    void serialisesRunsThatNeedTheSameTemplateAtTheSameTime(PostgresServer server) throws Exception {
        int seedingsBefore = TemplateDatabase.seedings();
        EngineRuns kept = EngineRuns.on(server).with(SeedkitExtension.KEEP_TEMPLATES_PROPERTY, "true");
        ExecutorService jvms = Executors.newFixedThreadPool(2);
        try {
            List<Future<EngineExecutionResults>> runs = jvms.invokeAll(List.of(
                    () -> kept.run(ConcurrentTestCase.class), () -> kept.run(ConcurrentTestCase.class)));
            for (Future<EngineExecutionResults> run : runs) {
                run.get().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
            }
        } finally {
            jvms.shutdown();
        }
        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(1);
    }

    abstract static class RecordingTestCase {
        @Test
        void records(SeededDatabase database) {
            templates.put(getClass().getSimpleName(), ((SeededDatabaseHandle) database).templateName());
        }
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            mode = ImportMode.INSERT_MISSING)
    static class KeptTestCase extends RecordingTestCase {
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            mode = ImportMode.UPSERT)
    static class IncompleteTestCase extends RecordingTestCase {
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            mode = ImportMode.REPLACE, initializer = SlowInitializer.class)
    static class ConcurrentTestCase extends RecordingTestCase {
    }

    /** Makes seeding take long enough for the second run to arrive while the first one still seeds. */
    static class SlowInitializer implements SchemaInitializer {
        @Override
        public void initialize(DataSource dataSource) throws InterruptedException {
            Thread.sleep(1_000);
        }
    }
}
