package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedkitExtension;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Wall time of a 50-class Spring suite with {@link SeededDataSource} (one cached context) against the same suite with
 * {@code @DirtiesContext} per class; prints both, and the cached suite on one SHARED copy (no copy per class: what
 * the copies cost). The SHARED run goes first and starts the cached context, so the two cached runs after it
 * start none. A measurement, not a test of speed: it asserts only that both
 * suites pass and how many contexts each started. Runs only when asked:
 * {@code mvn -B verify -pl seed-spring -am -Dseedkit.springBench=true -Dtest=ContextCacheBenchTests
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(TestPostgres.class)
@EnabledIfSystemProperty(named = "seedkit.springBench", matches = "true")
class ContextCacheBenchTests {

    @Test
    void fiftyClassesShareOneContextOrStartOneEach(PostgresServer server) {
        Timed shared = run(server, "cached context, SHARED copy", "Cached", Isolation.SHARED);
        Timed cached = run(server, "cached context", "Cached", Isolation.CLONE_PER_CLASS);
        Timed dirtied = run(server, "@DirtiesContext per class", "Dirtied", Isolation.CLONE_PER_CLASS);

        System.out.printf("%n[spring-bench] %d classes x 2 methods, Spring Boot application over PostgreSQL (%s)%n",
                BenchSuites.CLASSES, server.description());
        for (Timed timed : new Timed[] {shared, cached, dirtied}) {
            System.out.printf("[spring-bench] %-28s %6d ms wall, %2d context(s) started%n", timed.name(),
                    timed.millis(), timed.contexts());
        }
        System.out.printf("[spring-bench] @DirtiesContext per class takes %.1fx the time%n",
                (double) dirtied.millis() / cached.millis());
        assertThat(shared.contexts()).isEqualTo(1);
        assertThat(cached.contexts()).isEqualTo(0);
        assertThat(dirtied.contexts()).isEqualTo(BenchSuites.CLASSES);
    }

    private record Timed(String name, long millis, int contexts) {
    }

    private static Timed run(PostgresServer server, String name, String prefix, Isolation isolation) {
        Class<?>[] classes = Arrays.stream(BenchSuites.class.getDeclaredClasses())
                .filter(c -> c.getSimpleName().startsWith(prefix) && !Modifier.isAbstract(c.getModifiers()))
                .toArray(Class<?>[]::new);
        assertThat(classes).hasSize(BenchSuites.CLASSES);
        int refreshes = ShopApplication.Refreshes.COUNT.get();
        long started = System.nanoTime();

        EngineExecutionResults results = EngineRuns.run(server, Map.of(SeedkitExtension.ISOLATION_PROPERTY,
                isolation.name()), classes);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(EngineRuns.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2L * BenchSuites.CLASSES));
        return new Timed(name, millis, ShopApplication.Refreshes.COUNT.get() - refreshes);
    }
}
