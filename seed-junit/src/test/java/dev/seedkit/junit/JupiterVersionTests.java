package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Which JUnit Jupiter versions Seedkit runs on. CI runs this class (with the rest of seed-junit's tests) on several
 * JUnit versions, and this class alone on one older than the range, where the engine run below must fail.
 */
@ExtendWith(TestPostgres.class)
class JupiterVersionTests {

    /** The JUnit version the build put on the class path ({@code -Djunit.version=...}), set by the pom. */
    private static final String EXPECTED = System.getProperty("seedkit.test.junitVersion");

    @Test
    void runsOnTheJUnitTheBuildAskedFor() {
        assertThat(EXPECTED).as("system property seedkit.test.junitVersion, set in seed-junit's pom").isNotBlank();
        assertThat(JupiterVersion.onClassPath()).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsEveryVersionFrom5_9ThroughThe6xReleases() {
        for (String version : new String[] {"5.9.0", "5.9.3", "5.10.5", "5.11.4", "5.12.2", "5.13.0-RC1", "5.14.4",
                "6.0.0", "6.1.3", "6.7.12"}) {
            assertThat(JupiterVersion.problem(version, true, true)).as(version).isEmpty();
        }
    }

    @Test
    void refusesOlderAndNewerVersionsNamingTheSupportedRangeAndTheOneFound() {
        assertThat(JupiterVersion.problem("5.8.2", true, true)).contains("Seedkit supports JUnit Jupiter 5.9 to "
                + "6.x, but the test class path has junit-jupiter-api 5.8.2: use a JUnit in that range (e.g. import "
                + "org.junit:junit-bom:5.14.4 or 6.1.3) and check with 'mvn dependency:tree "
                + "-Dincludes=org.junit.jupiter' that no other dependency brings another one.");
        assertThat(JupiterVersion.problem("7.0.0-M1", true, true)).get().asString()
                .contains("but the test class path has junit-jupiter-api 7.0.0-M1: use a JUnit in that range");
        assertThat(JupiterVersion.problem("4.13.2", true, true)).get().asString()
                .contains("junit-jupiter-api 4.13.2:");
    }

    @Test
    void ignoresTheVersionOfAManifestThatIsNotJUnits() {
        assertThat(JupiterVersion.apiVersion("junit-jupiter-api", "5.12.2")).isEqualTo("5.12.2");
        assertThat(JupiterVersion.apiVersion("seed-bench", "0.1.0-SNAPSHOT")).as("a fat jar's own manifest").isNull();
        assertThat(JupiterVersion.apiVersion(null, "1.0")).isNull();
    }

    @Test
    void judgesAJarWithoutAReadableVersionByItsApi() {
        assertThat(JupiterVersion.problem(null, true, true)).isEmpty();
        assertThat(JupiterVersion.problem("main-SNAPSHOT", true, true)).isEmpty();
        assertThat(JupiterVersion.problem(null, false, true)).get().asString().contains("the test class path has a "
                + "junit-jupiter-api without a version older than 5.9 (it lacks ExecutableInvoker): use a JUnit");
        assertThat(JupiterVersion.problem("main-SNAPSHOT", true, false)).get().asString().contains("the test class "
                + "path has junit-jupiter-api 'main-SNAPSHOT' newer than 6.x (it lacks Store.CloseableResource)");
    }

    @Test
    void seedsOnASupportedJUnitAndFailsEveryAnnotatedClassAtOnceOnAnyOther(PostgresServer server) {
        Optional<String> problem = JupiterVersion.problem(JupiterVersion.onClassPath(), true, true);

        EngineExecutionResults results = EngineRuns.on(server).run(SeededTestCase.class, OtherSeededTestCase.class);

        if (problem.isEmpty()) {
            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        } else {
            results.testEvents().assertStatistics(stats -> stats.started(0));
            assertThat(failureMessages(results)).containsExactly(problem.get(), problem.get());
        }
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class SeededTestCase {
        @Test
        void isSeeded(SeededDatabase database) {
            assertThat(database.databaseName()).startsWith("seedkit_");
        }
    }

    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.ROLLBACK_PER_METHOD)
    static class OtherSeededTestCase extends SeededTestCase {
    }
}
