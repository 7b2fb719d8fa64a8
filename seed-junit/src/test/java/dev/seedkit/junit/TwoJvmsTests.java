package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Two test JVMs (real processes, as two Maven modules or two CI jobs sharing a database server) that need the same
 * seeded template at the same time: exactly one seeds it, the other waits and clones it.
 */
@ExtendWith(TestPostgres.class)
class TwoJvmsTests {

    @TempDir
    Path dir;

    @Test
    void twoProcessesNeedingTheSameTemplateSeedItOnceBetweenThem(PostgresServer server) throws Exception {
        List<String> templatesBefore = EngineRuns.databases(server, "seedkit_tpl_%");
        List<Process> jvms = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path output = dir.resolve("jvm-" + i + ".txt");
            outputs.add(output);
            jvms.add(new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SecondJvm.class.getName(),
                    server.jdbcUrl(), server.username(), server.password() == null ? "" : server.password())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start());
        }
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assertThat(jvms.get(i).waitFor(120, TimeUnit.SECONDS)).as("JVM %d finished", i).isTrue();
            String output = Files.readString(outputs.get(i), StandardCharsets.UTF_8);
            assertThat(jvms.get(i).exitValue()).as("JVM %d exit code; its output:%n%s", i, output).isZero();
            results.add(lastLine(output));
        }
        assertThat(results).containsExactlyInAnyOrder("tests succeeded: 1, seeded here: 1",
                "tests succeeded: 1, seeded here: 0");
        List<String> kept = new ArrayList<>(EngineRuns.databases(server, "seedkit_tpl_%"));
        kept.removeAll(templatesBefore);
        assertThat(kept).as("the one template both JVMs used, kept for later runs").hasSize(1);
        kept.forEach(name -> DatabaseAdmin.drop(server, name));
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The second JVM's entry point: runs one test class against the given server and reports what it did. */
    static final class SecondJvm {
        public static void main(String[] args) throws IOException {
            PostgresServer server = PostgresServers.external(args[0], args[1], args[2].isEmpty() ? null : args[2]);
            int seedingsBefore = TemplateDatabase.seedings();
            EngineExecutionResults results = EngineRuns.on(server)
                    .with(SeedkitExtension.KEEP_TEMPLATES_PROPERTY, "true").run(TwoJvmsTestCase.class);
            long succeeded = results.testEvents().succeeded().count();
            EngineRuns.failureMessages(results).forEach(System.out::println);
            System.out.println("tests succeeded: " + succeeded + ", seeded here: "
                    + (TemplateDatabase.seedings() - seedingsBefore));
            System.exit(succeeded == 1 ? 0 : 1);
        }
    }

    /** Seeds slowly enough that the other JVM arrives while this one still seeds. */
    @SeedTables(value = "orders", from = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            mode = ImportMode.INSERT_MISSING, initializer = TemplateReuseTests.SlowInitializer.class)
    static class TwoJvmsTestCase {
        @org.junit.jupiter.api.Test
        void seesTheSeededRows(javax.sql.DataSource db) throws Exception {
            try (var c = db.getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("select count(*) from orders")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
        }
    }
}
