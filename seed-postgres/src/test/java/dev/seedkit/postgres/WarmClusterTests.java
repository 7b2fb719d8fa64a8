package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmClusterTests {

    @TempDir
    static Path cache;

    /** Each test has a cache directory of its own, which the unprivileged server account must be able to reach. */
    private static Path cacheDirectory(String name) throws Exception {
        if (ServerAccount.isRoot()) {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return Files.createDirectories(cache.resolve(name));
    }

    @Test
    void theNextWarmServerStartsOnTheSameClusterAndFindsWhatTheLastOneLeft() throws Exception {
        Path cacheDir = cacheDirectory("reuse");
        String dataDirectory;
        try (PostgresServer server = warm(cacheDir)) {
            dataDirectory = query(server, "select current_setting('data_directory')");
            execute(server, "create database left_by_the_first_run");
        }
        assertThat(Path.of(dataDirectory)).startsWith(cacheDir.resolve("warm")).isDirectory();
        try (PostgresServer server = warm(cacheDir)) {
            assertThat(query(server, "select current_setting('data_directory')")).isEqualTo(dataDirectory);
            assertThat(query(server, "select count(*) from pg_database where datname = 'left_by_the_first_run'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void twoWarmServersRunningAtOnceGetClustersOfTheirOwn() throws Exception {
        Path cacheDir = cacheDirectory("two");
        try (PostgresServer first = warm(cacheDir); PostgresServer second = warm(cacheDir)) {
            assertThat(query(first, "select current_setting('data_directory')"))
                    .isNotEqualTo(query(second, "select current_setting('data_directory')"));
            execute(first, "create database only_in_the_first");
            assertThat(query(second, "select count(*) from pg_database where datname = 'only_in_the_first'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndItsClusterServesTheNextRun() throws Exception {
        Path cacheDir = cacheDirectory("killed");
        Process jvm = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledJvm.class.getName(), cacheDir.toString())
                .redirectErrorStream(true).start();
        String port = awaitLine(jvm, "port=");
        jvm.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        try (PostgresServer server = warm(cacheDir)) {
            assertThat(query(server, "select count(*) from pg_database where datname = 'made_by_the_killed_jvm'"))
                    .as("the killed JVM's cluster, reused").isEqualTo("1");
            assertThat(Integer.toString(server.port())).isNotEqualTo(port.substring("port=".length()));
        }
    }

    private static String awaitLine(Process jvm, String prefix) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The JVM to kill never started its server; its output:\n" + seen);
    }

    private static PostgresServer warm(Path cacheDir) {
        return EmbeddedPostgres.builder().cacheDirectory(cacheDir).warm(true).start();
    }

    private static String query(PostgresServer server, String sql) throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(PostgresServer server, String sql) throws Exception {
        try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The JVM that is killed: starts a warm server, makes a database, says its port and waits to be killed. */
    static final class KilledJvm {
        public static void main(String[] args) throws Exception {
            PostgresServer server = warm(Path.of(args[0]));
            execute(server, "create database made_by_the_killed_jvm");
            System.out.println("port=" + server.port());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
