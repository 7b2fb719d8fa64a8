package dev.seedkit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GeneratorConfig;
import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeedkitExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Section 10: how long a test waits for its seeded database when the JUnit extension hands it over, measured
 * through the real extension (JUnit's test kit runs {@link HandOffSuite}). Each test method gets its own copy of
 * the template ({@link Isolation#CLONE_PER_METHOD}, the same path {@code CLONE_PER_CLASS} takes once per class),
 * opens a connection, runs a query and then does 50 ms of its own work. Per method, the hand-off is the time from
 * the end of the previous method to the first query's answer in this one: dropping the previous copy, handing over
 * the next, connecting. Three ways, side by side: copies made on the test's path ({@code seedkit.readyClones=0},
 * as before the pool), copies made ahead (the built-in), and {@link Isolation#SHARED} (no copy at all, the floor);
 * the suite's database overhead per method is (suite - SHARED suite) / methods. Two templates: the 30 x 100
 * typical fixture and a 500-table schema ({@link WideSchema}) with 40 generated rows per table.
 */
final class HandOffBench {

    static final String TYPICAL = "30 x 100 template";
    static final String WIDE = "500-table template";
    static final String ON_PATH = ": hand-off p50, copies made on the test's path (readyClones=0)";
    static final String AHEAD = ": hand-off p50, copies made ahead (readyClones=2, built-in)";
    static final String SHARED = ": hand-off p50, SHARED (no copy: the floor)";
    static final String OVERHEAD = ": database overhead per method, on path / ahead";
    private static final long WORK_MILLIS = 50;

    private final BenchContext context;
    private final TypicalFixture fixture;

    HandOffBench(BenchContext context, TypicalFixture fixture) {
        this.context = context;
        this.fixture = fixture;
    }

    void run(ResultTable table) throws Exception {
        int methods = context.options().quick() ? 12 : 50;
        table.section("10. Hand-off: a seeded database per test through the JUnit extension (CLONE_PER_METHOD, "
                + methods + " methods, each doing " + WORK_MILLIS + " ms of work)");
        measure(table, TYPICAL, typicalTemplate(), methods);
        if (!context.options().quick()) {
            Template wide = wideTemplate();
            measure(table, WIDE, wide, methods);
            new ClassSuiteBench(context).run(table, wide.snapshot(), wide.schema());
        }
    }

    private void measure(ResultTable table, String name, Template template, int methods) throws Exception {
        HandOffSuite.methods = methods;
        Run shared = suite(template, Isolation.SHARED, 0);
        Run onPath = suite(template, Isolation.CLONE_PER_METHOD, 0);
        Run ahead = suite(template, Isolation.CLONE_PER_METHOD, SeedkitExtension.DEFAULT_READY_CLONES);
        table.row(name + ON_PATH, onPath.gaps(), null,
                "p95 " + ResultTable.duration(onPath.p95()));
        table.row(name + AHEAD, ahead.gaps(), null,
                "p95 " + ResultTable.duration(ahead.p95()) + "; target p50 <= 15 ms, p95 <= 50 ms");
        table.row(name + SHARED, shared.gaps(), null,
                "p95 " + ResultTable.duration(shared.p95()));
        table.value(name + OVERHEAD,
                ResultTable.duration(onPath.overheadOver(shared, methods)) + " / "
                        + ResultTable.duration(ahead.overheadOver(shared, methods)),
                "(suite - SHARED suite) / " + methods + "; suites " + ResultTable.duration(onPath.suiteNanos())
                        + " / " + ResultTable.duration(ahead.suiteNanos()) + " / SHARED "
                        + ResultTable.duration(shared.suiteNanos()));
    }

    /** A snapshot and the SQL that creates its schema. */
    private record Template(Path snapshot, Path schema) {
    }

    private record Run(Timings gaps, long p95, long suiteNanos) {
        long overheadOver(Run floor, int methods) {
            return Math.max(0, (suiteNanos - floor.suiteNanos) / methods);
        }
    }

    private Run suite(Template template, Isolation isolation, int readyClones) {
        HandOffSuite.gaps.clear();
        HandOffSuite.lastEnd = 0;
        context.progress("10. hand-off: %s, readyClones=%d, %d methods", isolation, readyClones,
                HandOffSuite.methods);
        long started = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(HandOffSuite.class))
                .configurationParameter(SeedkitExtension.SNAPSHOT_PROPERTY, template.snapshot().toString())
                .configurationParameter(SeedkitExtension.INIT_SCRIPTS_PROPERTY, template.schema().toString())
                .configurationParameter(SeedkitExtension.ISOLATION_PROPERTY, isolation.name())
                .configurationParameter(SeedkitExtension.READY_CLONES_PROPERTY, Integer.toString(readyClones))
                .configurationParameter(SeedkitExtension.JDBC_URL_PROPERTY, context.server().jdbcUrl())
                .configurationParameter(SeedkitExtension.JDBC_USER_PROPERTY, context.server().username())
                .configurationParameter(SeedkitExtension.JDBC_PASSWORD_PROPERTY, context.server().password())
                .execute();
        long suite = System.nanoTime() - started;
        long failed = results.testEvents().failed().count() + results.containerEvents().failed().count();
        if (failed > 0 || results.testEvents().succeeded().count() != HandOffSuite.methods) {
            throw new IllegalStateException("The hand-off suite failed: " + results.allEvents().failed().stream()
                    .map(e -> e.getPayload().map(Object::toString).orElse("?")).toList());
        }
        Timings gaps = new Timings();
        HandOffSuite.gaps.forEach(gaps::add);
        List<Long> sorted = HandOffSuite.gaps.stream().sorted().toList();
        long p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        return new Run(gaps, p95, suite);
    }

    private Template typicalTemplate() throws Exception {
        Path schema = context.workDirectory().resolve("handoff-typical.sql");
        Files.writeString(schema, TypicalFixture.ddl());
        return new Template(fixture.snapshotDirectory(), schema);
    }

    private Template wideTemplate() throws Exception {
        String ddl = WideSchema.standard("wide").ddl();
        Databases databases = context.databases();
        String source = databases.createWithSchema("handoff_wide_source", ddl);
        Path snapshot = context.workDirectory().resolve("handoff-wide-snapshot");
        try (Connection c = context.server().connect(source)) {
            DataGenerator.builder(GeneratorConfig.parse("seed: 1\ndefaults:\n  rows: 40\n", "section 9"))
                    .schemas("wide").build().generate(c);
            SnapshotWriter.write(c, snapshot, "wide-500x40");
        }
        databases.drop(source);
        Path schema = context.workDirectory().resolve("handoff-wide.sql");
        Files.writeString(schema, ddl);
        return new Template(snapshot, schema);
    }

    /** The suite the test kit runs: one method, repeated; settings come from configuration parameters. */
    @SeedFromFixtures
    static class HandOffSuite {

        static volatile int methods = 50;
        static final List<Long> gaps = new CopyOnWriteArrayList<>();
        static volatile long lastEnd;

        static IntStream repetitions() {
            return IntStream.range(0, methods);
        }

        @ParameterizedTest
        @MethodSource("repetitions")
        void worksOnItsOwnDatabase(int repetition, DataSource database) throws Exception {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select 1")) {
                rows.next();
            }
            long usable = System.nanoTime();
            if (lastEnd != 0) {
                gaps.add(usable - lastEnd);
            }
            Thread.sleep(WORK_MILLIS);
            lastEnd = System.nanoTime();
        }
    }
}
