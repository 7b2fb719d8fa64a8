package dev.seedkit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeedkitExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Part of section 6, the edit-run loop: one test class over the typical fixture, run in a new JVM on the embedded
 * server, the way an IDE runs it, timed from just before the JVM is started to the first test method. Cold: a
 * throwaway cluster ({@code seedkit.embedded.warm=false}): initdb, server start, schema initialisation and seeding on
 * every run. Warm (the built-in): the second and later runs start on the cluster an earlier run kept, and find the
 * seeded template there. Binaries are unpacked in both cases (a cache directory used once first). Where the time
 * goes in a cold run comes from the JVM's own log lines (server ready, template seeded).
 */
final class EditRunBench {

    static final String COLD = "one test class, JVM start to first test method: cold (warm=false)";
    static final String WARM = "one test class, JVM start to first test method: warm cluster, second run";
    private static final Pattern READY = Pattern.compile("Embedded PostgreSQL \\S+ ready .* in (\\d+) ms");
    private static final Pattern SEEDED = Pattern.compile("Seeded template .* in (\\d+) ms");
    private static final Pattern FIRST_TEST = Pattern.compile("first-test-at=(\\d+)");

    private final BenchContext context;
    private final TypicalFixture fixture;

    EditRunBench(BenchContext context, TypicalFixture fixture) {
        this.context = context;
        this.fixture = fixture;
    }

    void run(ResultTable table) throws Exception {
        context.progress("6. edit-run loop: one test class in a new JVM, cold and warm");
        Path schema = context.workDirectory().resolve("edit-run-schema.sql");
        Files.writeString(schema, TypicalFixture.ddl());
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "seed-bench-edit-run-" + UUID.randomUUID());
        try {
            run(cache, false, schema);  // unpacks the binaries, so that neither way pays for it
            Timings cold = new Timings();
            List<Run> coldRuns = new ArrayList<>();
            Timings warm = new Timings();
            List<Run> warmRuns = new ArrayList<>();
            run(cache, true, schema);   // the first warm run makes the cluster and the template it keeps
            for (int i = 0; i < context.options().largeRuns(); i++) {
                Run coldRun = run(cache, false, schema);
                coldRuns.add(coldRun);
                cold.add(coldRun.nanos());
                Run warmRun = run(cache, true, schema);
                warmRuns.add(warmRun);
                warm.add(warmRun.nanos());
            }
            Run typicalCold = coldRuns.get(coldRuns.size() / 2);
            Run typicalWarm = warmRuns.get(warmRuns.size() / 2);
            table.row(COLD, cold, null, "of which initdb + server start " + typicalCold.serverMillis() + " ms, "
                    + "schema + seeding " + typicalCold.seedingMillis() + " ms (one run)");
            table.row(WARM, warm, cold, "server start " + typicalWarm.serverMillis() + " ms (no initdb), no "
                    + "seeding; target <= 1.5 s; ratio: vs cold");
        } finally {
            StartupBench.deleteTree(cache);
        }
    }

    private record Run(long nanos, long serverMillis, long seedingMillis) {
    }

    private Run run(Path cache, boolean warm, Path schema) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.currentTimeMillis();
        Process jvm = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.log.dev.seedkit=info",
                "-cp", System.getProperty("java.class.path"),
                OneClassRun.class.getName(), cache.toString(), Boolean.toString(warm),
                fixture.snapshotDirectory().toString(), schema.toString())
                .redirectErrorStream(true).start();
        long server = -1;
        long seeding = 0;
        long firstTest = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                server = match(READY, line, server);
                seeding = match(SEEDED, line, seeding);
                firstTest = match(FIRST_TEST, line, firstTest);
            }
        }
        if (!jvm.waitFor(120, TimeUnit.SECONDS) || jvm.exitValue() != 0 || firstTest < 0) {
            throw new IllegalStateException("The edit-run JVM failed:\n" + output);
        }
        return new Run(TimeUnit.MILLISECONDS.toNanos(firstTest - started), server, seeding);
    }

    private static long match(Pattern pattern, String line, long otherwise) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
    }

    /** The JVM an IDE would start: runs {@link FirstTestClass} through the JUnit Platform launcher. */
    static final class OneClassRun {
        public static void main(String[] args) {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(FirstTestClass.class))
                    .configurationParameters(Map.of(SeedkitExtension.DATABASE_PROPERTY, "embedded",
                            SeedkitExtension.CACHE_DIR_PROPERTY, args[0], SeedkitExtension.WARM_PROPERTY, args[1],
                            SeedkitExtension.SNAPSHOT_PROPERTY, args[2], SeedkitExtension.INIT_SCRIPTS_PROPERTY,
                            args[3]))
                    .build(), summary);
            System.exit(summary.getSummary().getTotalFailureCount() == 0
                    && summary.getSummary().getTestsSucceededCount() == 1 ? 0 : 1);
        }
    }

    /** The test class being edited and run again. */
    @SeedFromFixtures
    static class FirstTestClass {
        @Test
        void firstTest(DataSource database) throws Exception {
            System.out.println("first-test-at=" + System.currentTimeMillis());
            try (var connection = database.getConnection()) {
                Databases.queryValue(connection, "SELECT 1");
            }
        }
    }
}
