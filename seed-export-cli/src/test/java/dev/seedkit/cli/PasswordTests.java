package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where the password comes from, and that it never shows in any output. */
@ExtendWith(TestPostgres.class)
class PasswordTests {

    private static final String URL = "jdbc:postgresql://db.example:5432/shop";
    private static final String SECRET = "Pa55-w0rd-never-shown";

    @TempDir
    Path dir;

    private final List<Properties> attempts = new ArrayList<>();

    @Test
    void takesThePasswordFromTheFirstSourceThatHasOne() throws Exception {
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "db.example:5432:shop:app:from-pgpass\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> variables = new HashMap<>(Map.of("PGPASSFILE", pgpass.toString()));

        assertThat(passwordUsed(variables, URL, null)).isEqualTo("from-pgpass");
        variables.put("PGPASSWORD", "from-pgpassword");
        assertThat(passwordUsed(variables, URL, null)).isEqualTo("from-pgpassword");
        variables.put("SEEDKIT_PASSWORD", "from-seedkit-password");
        assertThat(passwordUsed(variables, URL, null)).isEqualTo("from-seedkit-password");
        assertThat(passwordUsed(variables, URL + "?password=in-url", null)).as("the driver reads it from the URL")
                .isNull();
        variables.put("MY_DB_PASSWORD", "from-password-env");
        assertThat(passwordUsed(variables, URL + "?password=in-url", "MY_DB_PASSWORD")).isEqualTo("from-password-env");
    }

    @Test
    void aMissingPasswordEnvVariableIsAUsageError() {
        assertThatThrownBy(() -> passwordUsed(Map.of(), URL, "NOT_SET"))
                .isInstanceOf(SeedException.class)
                .hasMessageStartingWith("Environment variable NOT_SET (named by --password-env) is not set")
                .extracting(e -> ((SeedException) e).code()).isEqualTo(SeedException.Code.CONFIGURATION);
    }

    @Test
    void asksOnATerminalOnlyOnceTheServerWantsAPassword() {
        List<String> prompts = new ArrayList<>();
        Environment terminal = Environment.of(Map.of(), dir, dir).withTerminal(prompt -> {
            prompts.add(prompt);
            return "typed".toCharArray();
        });

        database(terminal, URL, null, this::requirePassword).connect();

        assertThat(prompts).containsExactly("Password for app at db.example:5432/shop: ");
        assertThat(attempts).extracting(p -> p.getProperty("password")).containsExactly(null, "typed");
    }

    @Test
    void withoutATerminalSaysWhereToPutThePassword() {
        Database database = database(Environment.of(Map.of(), dir, dir), URL, null, this::requirePassword);

        assertThatThrownBy(database::connect).isInstanceOf(SeedException.class)
                .hasMessage("Could not connect to " + URL + " as app: The server requested SCRAM-based "
                        + "authentication, but no password was provided. No password was found: set SEEDKIT_PASSWORD "
                        + "or PGPASSWORD, name a variable with --password-env, or add a line for it to "
                        + dir.resolve(".pgpass") + ".");
    }

    @Test
    void neverPrintsThePasswordEvenInStackTracesAndJson(TestDatabase db) {
        String missingDatabase = db.jdbcUrl().replace(db.name(), "no_such_database");
        Cli cli = new Cli(dir).env("SEEDKIT_PASSWORD", SECRET);

        List<Cli.Result> results = List.of(
                cli.run("plan", "--url", missingDatabase, "--user", db.username(), "--verbose"),
                cli.run("plan", "--url", missingDatabase, "--user", db.username(), "--json"),
                cli.run("plan", "--url", missingDatabase + "?password=" + SECRET, "--verbose"),
                cli.run("import", "--url", missingDatabase + "?user=x&password=" + SECRET, "--snapshot", "none"),
                cli.runAsMain("plan", "--url", missingDatabase + "?password=" + SECRET, "--no-such-option"),
                cli.run("plan", "--url", db.jdbcUrl() + "?password=" + SECRET, "--user", db.username(), "--json"));

        assertThat(results).allSatisfy(r -> assertThat(r.all()).doesNotContain(SECRET));
        assertThat(results.get(0).exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(results.get(0).err()).contains("no_such_database", "\tat ");
        assertThat(results.get(2).err()).contains("password=***");
        assertThat(results.get(5).exitCode()).as(results.get(5).toString()).isZero();
        assertThat(results.get(5).out()).contains("\"database\" : \"" + db.jdbcUrl() + "?password=***\"");
    }

    @Test
    void aPasswordEqualToTheUserNameIsHiddenWhereItIsAPasswordAndNowhereElse(TestDatabase db) {
        String missingDatabase = db.jdbcUrl().replace(db.name(), "no_such_database");
        Cli cli = new Cli(dir).env("PGPASSWORD", "postgres");

        List<Cli.Result> results = List.of(
                cli.run("plan", "--url", missingDatabase, "--user", "postgres", "--verbose"),
                cli.run("plan", "--url", missingDatabase + "?user=postgres&password=postgres", "--json"),
                cli.run("plan", "--url", missingDatabase + "?password=postgres", "--user", "postgres", "--verbose"));

        assertThat(results).allSatisfy(r -> {
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATABASE);
            assertThat(r.all()).contains("jdbc:postgresql://", " as postgres: ").doesNotContain("***ql")
                    .doesNotContain("password=postgres", ":postgres@", "PGPASSWORD=postgres");
        });
        assertThat(results.get(0).err()).startsWith("error: Could not connect to " + missingDatabase
                + " as postgres: FATAL: database \"no_such_database\" does not exist");
        assertThat(results.get(1).out()).contains("?user=postgres&password=***");
        assertThat(results.get(2).err()).contains("no_such_database?password=*** as postgres: ", "\tat ");
    }

    private String passwordUsed(Map<String, String> variables, String url, String passwordEnv) throws Exception {
        database(Environment.of(variables, dir, dir), url, passwordEnv, this::accept).connect();
        return attempts.get(attempts.size() - 1).getProperty("password");
    }

    private Database database(Environment environment, String url, String passwordEnv, Database.Connector connector) {
        ConnectionOptions options = new ConnectionOptions();
        options.url = url;
        options.user = "app";
        options.passwordEnv = passwordEnv;
        return Database.resolve(options, new Settings(environment, ConfigFile.none(), "plan"), new Redaction(),
                warning -> { }, connector).orElseThrow();
    }

    private Connection accept(String url, Properties properties) {
        attempts.add(properties);
        return null;
    }

    private Connection requirePassword(String url, Properties properties) throws SQLException {
        attempts.add(properties);
        if (properties.getProperty("password") == null) {
            throw new SQLException("The server requested SCRAM-based authentication, but no password was provided.",
                    "08004");
        }
        return null;
    }
}
