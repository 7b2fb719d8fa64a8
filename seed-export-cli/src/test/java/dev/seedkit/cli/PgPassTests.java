package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTests {

    private static final PgPass.Target TARGET = new PgPass.Target("db.example", 5432, "shop", "app");

    @TempDir
    Path dir;

    @Test
    void matchesHostPortDatabaseAndUserWithWildcards() {
        assertThat(PgPass.match("db.example:5432:shop:app:s3cret", TARGET)).contains("s3cret");
        assertThat(PgPass.match("*:*:*:app:any", TARGET)).contains("any");
        assertThat(PgPass.match("db.example:*:shop:*:wild", TARGET)).contains("wild");
        assertThat(PgPass.match("db.example:5433:shop:app:other-port", TARGET)).isEmpty();
        assertThat(PgPass.match("db.example:5432:shop:admin:other-user", TARGET)).isEmpty();
        assertThat(PgPass.match("db.example:5432:shop:app", TARGET)).as("too few fields").isEmpty();
    }

    @Test
    void readsEscapedColonsAndBackslashesAndKeepsColonsInThePassword() {
        PgPass.Target ipv6 = new PgPass.Target("::1", 5432, "shop", "app");

        assertThat(PgPass.match("\\:\\:1:5432:shop:app:pw", ipv6)).contains("pw");
        assertThat(PgPass.match("*:*:*:app:a\\:b\\\\c", TARGET)).contains("a:b\\c");
        assertThat(PgPass.match("*:*:*:app:a:b", TARGET)).contains("a:b");
    }

    @Test
    void skipsCommentsAndTakesTheFirstMatchingLine() throws Exception {
        Path file = passwordFile("pgpass", "# *:*:*:*:commented\n\nother:*:*:*:wrong-host\n"
                + "*:*:shop:app:first\n*:*:*:*:second\n");

        assertThat(lookup(Map.of("PGPASSFILE", file.toString()))).contains("first");
    }

    @Test
    void usesPgpassFileRelativeToTheWorkingDirectory() throws Exception {
        passwordFile("custom.pgpass", "*:*:*:*:from-variable\n");

        assertThat(lookup(Map.of("PGPASSFILE", "custom.pgpass"))).contains("from-variable");
    }

    @Test
    void defaultsToDotPgpassInTheHomeDirectory() throws Exception {
        passwordFile(".pgpass", "*:*:*:app:from-home\n");

        assertThat(lookup(Map.of())).contains("from-home");
        assertThat(PgPass.of(Environment.of(Map.of(), dir, dir)).file()).isEqualTo(dir.resolve(".pgpass"));
    }

    @Test
    void ignoresAFileOthersCanReadWithAWarning() throws Exception {
        Path file = passwordFile(".pgpass", "*:*:*:*:exposed\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> warnings = new ArrayList<>();

        Optional<String> password = PgPass.of(Environment.of(Map.of(), dir, dir)).lookup(TARGET, warnings);

        assertThat(password).isEmpty();
        assertThat(warnings).containsExactly("password file " + file + " has group or world access and is ignored; "
                + "permissions should be u=rw (0600) or less (chmod 600 " + file + ")");
    }

    @Test
    void aMissingFileIsNoPassword() {
        assertThat(lookup(Map.of("PGPASSFILE", "absent"))).isEmpty();
    }

    private Optional<String> lookup(Map<String, String> variables) {
        List<String> warnings = new ArrayList<>();
        Optional<String> password = PgPass.of(Environment.of(variables, dir, dir)).lookup(TARGET, warnings);
        assertThat(warnings).isEmpty();
        return password;
    }

    private Path passwordFile(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
