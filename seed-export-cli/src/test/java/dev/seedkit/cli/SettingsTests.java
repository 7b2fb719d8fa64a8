package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where settings come from: flags, then environment variables, then the settings file, then defaults. */
@ExtendWith(TestPostgres.class)
class SettingsTests {

    @TempDir
    static Path dir;

    private static TestDatabase database;

    @BeforeAll
    static void writeSnapshots(TestDatabase db) throws Exception {
        database = db;
        db.execute(Shop.SCHEMA + Shop.DATA);
        try (Connection c = db.connect()) {
            for (String version : new String[] {"from-flag", "from-env", "from-file"}) {
                Shop.writeSnapshot(c, dir.resolve("snapshots/" + version), version);
            }
        }
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheSettingsFile() throws Exception {
        Path project = project("flag-env-file", "snapshot=../snapshots/from-file\n");
        Cli cli = new Cli(project);

        assertThat(cli.run("verify").out()).startsWith("Snapshot from-file at " + dir.resolve("snapshots/from-file"));
        cli.env("SEEDKIT_SNAPSHOT", dir.resolve("snapshots/from-env").toString());
        assertThat(cli.run("verify").out()).startsWith("Snapshot from-env at ");
        assertThat(cli.run("verify", "--snapshot", "../snapshots/from-flag").out())
                .startsWith("Snapshot from-flag at " + dir.resolve("snapshots/from-flag"));
    }

    @Test
    void theDatabaseUrlFollowsTheSameOrder() throws Exception {
        String unreachable = "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2";
        Path project = project("url-order", "snapshot=../snapshots/from-file\nurl=" + unreachable + "\n");
        Cli cli = new Cli(project).env("SEEDKIT_PASSWORD", "not-needed-here").env("SEEDKIT_USER",
                database.username());

        assertThat(cli.run("verify").exitCode()).isEqualTo(ExitCodes.DATABASE);
        cli.env("SEEDKIT_URL", database.jdbcUrl());
        assertThat(cli.run("verify").out()).contains("ok      schema of " + database.jdbcUrl());
        assertThat(cli.run("verify", "--url", unreachable).exitCode()).isEqualTo(ExitCodes.DATABASE);
    }

    @Test
    void findsTheSettingsFileNextToTheSnapshotDirectoryFirst() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("next-to/fixtures"));
        Files.writeString(fixtures.resolve(".seedkit.properties"), "expect-version=from-elsewhere\n");
        Path project = project("next-to-cwd", "expect-version=from-flag\n");
        copy(dir.resolve("snapshots/from-flag"), fixtures.resolve("demo"));

        Cli.Result result = new Cli(project).env("SEEDKIT_SNAPSHOT", fixtures.resolve("demo").toString())
                .run("verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.out()).contains("FAILED  fixture version: expected from-elsewhere");
    }

    @Test
    void aCommandPrefixedKeyBeatsThePlainOne() throws Exception {
        Path project = project("prefixed", "snapshot=../snapshots/from-file\nexpect-version=other\n"
                + "verify.expect-version=from-file\nimport.expect-version=unused\n");

        Cli.Result result = new Cli(project).run("verify");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("ok      fixture version from-file");
    }

    @Test
    void anExplicitSettingsFileResolvesItsPathsAgainstItsOwnDirectory() throws Exception {
        Path settings = Files.createDirectories(dir.resolve("elsewhere/config")).resolve("ci.properties");
        Files.writeString(settings, "snapshot=../../snapshots/from-file\n");

        Cli.Result result = new Cli(dir).run("verify", "--config", "elsewhere/config/ci.properties");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Snapshot from-file at " + dir.resolve("snapshots/from-file"));
    }

    @Test
    void negatedFlagsOverrideTheSettingsFile() throws Exception {
        Path project = project("negated", "snapshot=../snapshots/from-file\ndata=true\n");

        assertThat(new Cli(project).run("verify").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(new Cli(project).run("verify", "--no-data").exitCode()).isZero();
    }

    @Test
    void badSettingsFilesAreUsageErrorsThatNameTheProblem() throws Exception {
        Path typo = project("typo", "snapshto=x\n");
        Path secret = project("secret", "import.password=hunter2-secret\n");
        Path flag = project("flag", "snapshot=../snapshots/from-file\ndata=maybe\n");

        assertThat(new Cli(dir).run("verify", "--config", "missing.properties")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("error: Settings file " + dir.resolve("missing.properties") + " (from "
                    + "--config) does not exist");
        });
        assertThat(new Cli(typo).run("verify")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("error: Settings file " + typo.resolve("seedkit.properties")
                    + " has unknown key 'snapshto'. Known keys: allow-replica-role, data,");
        });
        assertThat(new Cli(secret).run("verify")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("holds a password ('import.password')").doesNotContain("hunter2-secret");
        });
        assertThat(new Cli(flag).run("verify")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("error: Key 'data' in settings file " + flag.resolve("seedkit.properties")
                    + " must be true or false, found 'maybe'.");
        });
    }

    @Test
    void withoutAnySnapshotSettingTheErrorSaysHowToGiveOne() {
        Cli.Result result = new Cli(dir).run("verify");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("error: No snapshot given. Pass --snapshot DIR, set SEEDKIT_SNAPSHOT, or "
                + "put snapshot=DIR in seedkit.properties.\n");
    }

    private static Path project(String name, String settings) throws Exception {
        Path project = Files.createDirectories(dir.resolve(name));
        Files.writeString(project.resolve("seedkit.properties"), settings);
        return project;
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
