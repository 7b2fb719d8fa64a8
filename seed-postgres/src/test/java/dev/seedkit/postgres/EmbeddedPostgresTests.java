package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTests {

    @TempDir
    static Path cache; // binaries are unpacked once for the class, as they are once per machine in real use

    @Test
    void startsAServerThatAnswersQueriesAndRemovesItsDataWhenClosed() throws Exception {
        Path dataDirectory;
        try (PostgresServer server = EmbeddedPostgres.builder().cacheDirectory(cache).start()) {
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.description()).startsWith("embedded PostgreSQL 18.");
            try (Connection c = server.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('data_directory'), current_setting('fsync'),"
                         + " pg_encoding_to_char(encoding) from pg_database where datname = 'postgres'")) {
                rs.next();
                dataDirectory = Path.of(rs.getString(1));
                assertThat(rs.getString(2)).isEqualTo("off");
                assertThat(rs.getString(3)).isEqualTo("UTF8");
            }
            assertThat(dataDirectory).startsWith(cache).isDirectory();
            assertThat(Files.getOwner(dataDirectory).getName())
                    .as("PostgreSQL refuses root, so as root the data must belong to the unprivileged account")
                    .isEqualTo(expectedOwner());
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void aKeptDataDirectoryIsInitialisedOnceSurvivesCloseAndServesTheNextServer() throws Exception {
        Path kept = cache.resolve("kept/cluster");
        try (PostgresServer server = EmbeddedPostgres.builder().cacheDirectory(cache).dataDirectory(kept).start()) {
            assertThat(query(server, "select current_setting('data_directory')")).isEqualTo(kept.toString());
            execute(server, "create table survivor(note text); insert into survivor values ('kept')");
        }
        assertThat(kept.resolve("PG_VERSION")).isRegularFile();
        assertThat(Files.getOwner(kept).getName()).isEqualTo(expectedOwner());
        try (PostgresServer server = EmbeddedPostgres.builder().cacheDirectory(cache).dataDirectory(kept).start()) {
            assertThat(query(server, "select note from survivor")).isEqualTo("kept");
        }
        assertThat(kept.resolve("PG_VERSION")).isRegularFile();
    }

    @Test
    void aKeptDataDirectoryThatHoldsSomethingElseIsRefusedAndLeftAlone() throws Exception {
        Path other = Files.createDirectories(cache.resolve("not-a-cluster"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().cacheDirectory(cache).dataDirectory(other).start())
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("not empty and holds no cluster");
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aKeptDataDirectoryTheServerAccountCannotReachIsRefusedWithTheReasonWhenRunningAsRoot() throws Exception {
        assumeTrue(ServerAccount.isRoot(), "only meaningful when the JVM is root");
        Path privateParent = Files.createDirectories(cache.resolve("root-only"));
        Files.setPosixFilePermissions(privateParent, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> EmbeddedPostgres.builder().cacheDirectory(cache)
                .dataDirectory(privateParent.resolve("cluster")).start())
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("cannot be reached by 'nobody'")
                .hasMessageContaining("every parent directory must be searchable");
    }

    @Test
    void twoServersRunSideBySideOnDifferentPorts() throws Exception {
        try (PostgresServer first = EmbeddedPostgres.builder().cacheDirectory(cache).start();
             PostgresServer second = EmbeddedPostgres.builder().cacheDirectory(cache).start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            try (Connection c = first.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("create database only_on_first");
            }
            try (Connection c = second.connect("postgres"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = 'only_on_first'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aServerSettingThatPostgresRejectsFailsTheStartWithTheServerLog() {
        assertThatThrownBy(() -> EmbeddedPostgres.builder().cacheDirectory(cache)
                .serverSetting("no_such_setting", "1").start())
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("no_such_setting");
    }

    @Test
    void anUnknownUnprivilegedAccountIsNamedInTheErrorWhenRunningAsRoot() {
        assumeTrue(ServerAccount.isRoot(), "only meaningful when the JVM is root");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().cacheDirectory(cache)
                .unprivilegedUser("no-such-user-here").start())
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("no-such-user-here")
                .hasMessageContaining("seedkit.embedded.user");
    }

    private static String expectedOwner() {
        return ServerAccount.isRoot() ? EmbeddedPostgres.DEFAULT_USER : System.getProperty("user.name");
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
}
