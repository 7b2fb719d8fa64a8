package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.EmbeddedPostgres;
import dev.seedkit.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The edit-run loop on the embedded server ({@value SeedkitExtension#WARM_PROPERTY}): each engine run is a new run
 * of the suite, as a developer re-running a test class from the IDE makes. The second run starts on the cluster the
 * first one kept and finds its template, so it seeds nothing; what else runs left is dropped at start-up.
 */
class WarmRestartTests {

    static final Map<String, String> seen = new ConcurrentHashMap<>();

    @TempDir
    static Path temporary;

    @Test
    void aSecondRunReusesTheKeptClusterAndTemplateAndSeedsNothing() throws Exception {
        Path cache = cacheDirectory("reuse");
        int seedingsBefore = TemplateDatabase.seedings();

        run(cache, WarmCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        String firstTemplate = seen.get("template");
        String firstCopy = seen.get("database");
        run(cache, WarmCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).as("seeded by the first run only").isEqualTo(1);
        assertThat(seen.get("template")).isEqualTo(firstTemplate);
        assertThat(seen.get("database")).as("each run still gets a copy of its own").isNotEqualTo(firstCopy);
        assertThat(seen.get("orders")).as("the rows the snapshot holds").isEqualTo("2");
        try (PostgresServer server = warmServer(cache)) {
            assertThat(EngineRuns.databases(server, "seedkit%")).as("the template is kept, its copies are not")
                    .containsExactly(firstTemplate);
        }
    }

    @Test
    void whatEarlierRunsLeftOnTheClusterIsDroppedAndOnlyTemplatesInUseAreKept() throws Exception {
        Path cache = cacheDirectory("tidy");
        run(cache, WarmCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        String template = seen.get("template");
        try (PostgresServer server = warmServer(cache)) {
            EngineRuns.execute(server, "CREATE DATABASE seedkit_0badc0de_dead00_00000000");
            EngineRuns.execute(server, "CREATE DATABASE made_by_a_test");
            EngineRuns.execute(server, "CREATE DATABASE seedkit_tpl_0000000000000000");
        }

        run(cache, WarmCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        try (PostgresServer server = warmServer(cache)) {
            assertThat(EngineRuns.databases(server, "%")).as("a killed run's copy, a test's database and a template "
                    + "no run recorded are gone").containsExactlyInAnyOrder("postgres", "template0", "template1",
                    template);
        }
    }

    @Test
    void warmFalseStartsEveryRunOnAFreshClusterAndSeedsAgain() throws Exception {
        Path cache = cacheDirectory("cold");
        int seedingsBefore = TemplateDatabase.seedings();
        EngineTestKit.Builder cold = engine(cache, WarmCase.class)
                .configurationParameter(SeedkitExtension.WARM_PROPERTY, "false");
        cold.execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
        cold.execute().testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(TemplateDatabase.seedings() - seedingsBefore).isEqualTo(2);
        assertThat(cache.resolve("warm")).doesNotExist();
    }

    private static Path cacheDirectory(String name) throws Exception {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Files.createDirectories(temporary.resolve(name));
    }

    private static EngineExecutionResults run(Path cache, Class<?> testClass) {
        return engine(cache, testClass).configurationParameter(SeedkitExtension.WARM_PROPERTY, "true").execute();
    }

    private static EngineTestKit.Builder engine(Path cache, Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(testClass))
                .configurationParameters(Map.of(SeedkitExtension.DATABASE_PROPERTY, "embedded",
                        SeedkitExtension.CACHE_DIR_PROPERTY, cache.toString()));
    }

    private static PostgresServer warmServer(Path cache) {
        return EmbeddedPostgres.builder().cacheDirectory(cache).warm(true).start();
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            mode = ImportMode.INSERT_MISSING)
    static class WarmCase {
        @Test
        void seesTheSeededRows(SeededDatabase database) throws Exception {
            seen.put("template", ((SeededDatabaseHandle) database).templateName());
            seen.put("database", database.databaseName());
            seen.put("orders", EngineRuns.queryValue(database.dataSource(), "select count(*) from orders"));
        }
    }
}
