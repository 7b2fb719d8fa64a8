package dev.seedkit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeedkitExtension;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Part of section 10: a suite of {@value #CLASSES} test classes run through the real extension on the 500-table
 * template, each class doing {@value #WORK_MILLIS} ms of its own work in one test method, with {@link
 * Isolation#CLONE_PER_CLASS} (copies made on the test's path, {@code readyClones=0}, and made ahead, the built-in)
 * against the same suite with {@link Isolation#SHARED}. The classes are subclasses of {@link SuiteClass}, written and
 * compiled when the section runs (JUnit runs each class once, so a suite of 200 classes needs 200 classes).
 * Database overhead per class = (suite - SHARED suite) / classes.
 */
final class ClassSuiteBench {

    static final int CLASSES = 200;
    static final String OVERHEAD = "500-table template: " + CLASSES + " test classes (CLONE_PER_CLASS), database "
            + "overhead per class, on path / ahead";
    private static final long WORK_MILLIS = 50;
    private static final String PACKAGE = ClassSuiteBench.class.getPackageName();

    private final BenchContext context;

    ClassSuiteBench(BenchContext context) {
        this.context = context;
    }

    void run(ResultTable table, Path snapshot, Path schema) throws Exception {
        List<Class<?>> classes = compileClasses();
        if (classes.isEmpty()) {
            table.value(OVERHEAD, "not measured", "this Java has no compiler (run the benchmark on a JDK)");
            return;
        }
        long shared = suite(classes, snapshot, schema, Isolation.SHARED, 0);
        long onPath = suite(classes, snapshot, schema, Isolation.CLONE_PER_CLASS, 0);
        long ahead = suite(classes, snapshot, schema, Isolation.CLONE_PER_CLASS,
                SeedkitExtension.DEFAULT_READY_CLONES);
        table.value(OVERHEAD, ResultTable.duration(Math.max(0, (onPath - shared) / CLASSES)) + " / "
                        + ResultTable.duration(Math.max(0, (ahead - shared) / CLASSES)),
                "target <= 30 ms; suites " + ResultTable.duration(onPath) + " / " + ResultTable.duration(ahead)
                        + " / SHARED " + ResultTable.duration(shared));
    }

    private long suite(List<Class<?>> classes, Path snapshot, Path schema, Isolation isolation, int readyClones) {
        context.progress("10. %d classes: %s, readyClones=%d", classes.size(), isolation, readyClones);
        long started = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(classes.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .configurationParameter(SeedkitExtension.SNAPSHOT_PROPERTY, snapshot.toString())
                .configurationParameter(SeedkitExtension.INIT_SCRIPTS_PROPERTY, schema.toString())
                .configurationParameter(SeedkitExtension.ISOLATION_PROPERTY, isolation.name())
                .configurationParameter(SeedkitExtension.READY_CLONES_PROPERTY, Integer.toString(readyClones))
                .configurationParameter(SeedkitExtension.JDBC_URL_PROPERTY, context.server().jdbcUrl())
                .configurationParameter(SeedkitExtension.JDBC_USER_PROPERTY, context.server().username())
                .configurationParameter(SeedkitExtension.JDBC_PASSWORD_PROPERTY, context.server().password())
                .execute();
        long suite = System.nanoTime() - started;
        if (results.testEvents().succeeded().count() != classes.size()) {
            throw new IllegalStateException("The " + classes.size() + "-class suite failed: " + results.allEvents()
                    .failed().stream().map(e -> e.getPayload().map(Object::toString).orElse("?")).toList());
        }
        return suite;
    }

    /**
     * {@value #CLASSES} subclasses of {@link SuiteClass}, compiled now and defined in this class's package and class
     * loader; empty when there is no compiler.
     */
    private List<Class<?>> compileClasses() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            return List.of();
        }
        Path sources = Files.createDirectories(context.workDirectory().resolve("class-suite/src"));
        Path output = Files.createDirectories(context.workDirectory().resolve("class-suite/classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-cp",
                System.getProperty("java.class.path"), "-proc:none"));
        for (int i = 0; i < CLASSES; i++) {
            Path source = sources.resolve(name(i) + ".java");
            Files.writeString(source, "package " + PACKAGE + ";\nclass " + name(i) + " extends "
                    + SuiteClass.class.getCanonicalName() + " {\n}\n");
            arguments.add(source.toString());
        }
        if (compiler.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("Could not compile the suite's classes in " + sources);
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<Class<?>> classes = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            byte[] bytes = Files.readAllBytes(output.resolve(PACKAGE.replace('.', '/')).resolve(name(i) + ".class"));
            try {
                classes.add(lookup.defineClass(bytes));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Could not define " + name(i), e);
            }
        }
        return classes;
    }

    private static String name(int i) {
        return String.format("SuiteClass%03d", i);
    }

    /** What each of the suite's classes is: one test that uses its database and then works for 50 ms. */
    @SeedFromFixtures
    static class SuiteClass {

        @Test
        void worksOnItsDatabase(DataSource database) throws Exception {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select 1")) {
                rows.next();
            }
            Thread.sleep(WORK_MILLIS);
        }
    }
}
