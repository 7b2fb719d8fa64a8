package dev.seedkit.cli;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.postgresql.Driver;

/**
 * The database a command works on: its JDBC URL, role and password, resolved from options, environment and the
 * settings file, and a way to connect. The password comes from, in order: the variable named by
 * {@code --password-env}, the URL itself, {@code SEEDKIT_PASSWORD}, {@code PGPASSWORD}, the password file, and
 * finally a prompt, only on a terminal and only once the server has asked for a password. Every password found is
 * registered with the {@link Redaction}, so no message can show it.
 */
final class Database {

    private static final List<String> PASSWORD_VARIABLES = List.of("SEEDKIT_PASSWORD", "PGPASSWORD");

    /** Opens a JDBC connection; {@link DriverManager} outside tests. */
    interface Connector {
        Connection open(String url, Properties properties) throws SQLException;
    }

    private final Connector connector;
    private final String url;
    private final Properties parsed;
    private final String user;
    private final Environment environment;
    private final Redaction redaction;
    private final String passwordOption;
    private String password;

    private Database(Connector connector, String url, Properties parsed, String user, Environment environment,
            Redaction redaction, String passwordOption) {
        this.connector = connector;
        this.url = url;
        this.parsed = parsed;
        this.user = user;
        this.environment = environment;
        this.redaction = redaction;
        this.passwordOption = passwordOption;
    }

    /**
     * Where a database's settings come from: the settings-file keys and environment variables of its URL and role,
     * and the key of the variable naming its password. Most commands work on one database ({@link #MAIN});
     * {@code refresh} also imports into a second one ({@link #TARGET}).
     */
    record Keys(String url, String urlVariable, String user, String userVariable, String passwordEnv) {
        static final Keys MAIN = new Keys("url", "SEEDKIT_URL", "user", "SEEDKIT_USER", "password-env");
        static final Keys TARGET = new Keys("target-url", "SEEDKIT_TARGET_URL", "target-user", "SEEDKIT_TARGET_USER",
                "target-password-env");
    }

    /** The configured database, or empty when no URL is set anywhere. */
    static Optional<Database> resolve(ConnectionOptions options, Settings settings, Redaction redaction,
            Consumer<String> warnings) {
        return resolve(options, Keys.MAIN, settings, redaction, warnings, DriverManager::getConnection);
    }

    /** Like {@link #resolve(ConnectionOptions, Settings, Redaction, Consumer)} with the settings of {@code keys}. */
    static Optional<Database> resolve(ConnectionOptions options, Keys keys, Settings settings, Redaction redaction,
            Consumer<String> warnings) {
        return resolve(options, keys, settings, redaction, warnings, DriverManager::getConnection);
    }

    static Optional<Database> resolve(ConnectionOptions options, Settings settings, Redaction redaction,
            Consumer<String> warnings, Connector connector) {
        return resolve(options, Keys.MAIN, settings, redaction, warnings, connector);
    }

    static Optional<Database> resolve(ConnectionOptions options, Keys keys, Settings settings, Redaction redaction,
            Consumer<String> warnings, Connector connector) {
        Optional<String> url = Optional.ofNullable(options.url).filter(value -> !value.isBlank());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Properties parsed = Driver.parseURL(url.get(), null);
        if (parsed == null) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "'" + PostgresUrl.redact(url.get())
                    + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database, e.g. "
                    + "jdbc:postgresql://localhost:5432/demo.");
        }
        redaction.add(parsed.getProperty("password"));
        Environment environment = settings.environment();
        String user = parsed.getProperty("user", Optional.ofNullable(options.user).filter(value -> !value.isBlank())
                .orElse(environment.userName()));
        Database database = new Database(connector, url.get(), parsed, user, environment, redaction,
                "--" + keys.passwordEnv());
        database.password = database.findPassword(Optional.ofNullable(options.passwordEnv)
                .filter(value -> !value.isBlank()), warnings);
        redaction.add(database.password);
        return Optional.of(database);
    }

    /** Like {@link #resolve} for commands that cannot work without a database. */
    static Database require(ConnectionOptions options, Settings settings, Redaction redaction,
            Consumer<String> warnings, String why) {
        return resolve(options, settings, redaction, warnings).orElseThrow(() -> new SeedException(
                SeedException.Code.CONFIGURATION, "No database given: " + why + ". Pass --url "
                + "jdbc:postgresql://host:port/database, set SEEDKIT_URL, or put url=... in seedkit.properties."));
    }

    /** Opens a connection; asks for the password on a terminal if the server wants one and none was found. */
    Connection connect() {
        try {
            return open();
        } catch (SQLException e) {
            if (password == null && passwordMissing(e) && environment.terminal().isPresent()) {
                char[] typed = environment.terminal().get().readPassword("Password for " + user + " at "
                        + host() + ":" + port() + "/" + database() + ": ");
                if (typed != null) {
                    password = new String(typed);
                    redaction.add(password);
                    return connectOrFail();
                }
            }
            throw failure(e);
        }
    }

    /** Connects, runs {@code work} on the connection, and closes it. */
    <T> T use(Function<Connection, T> work) {
        try (Connection connection = connect()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not close the connection to " + display()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The URL with any password masked, for messages. */
    String display() {
        return PostgresUrl.redact(url);
    }

    String user() {
        return user;
    }

    /** Whether {@code other} is the same database on the same server (by host, port and name). */
    boolean sameAs(Database other) {
        return host().equalsIgnoreCase(other.host()) && port() == other.port() && database().equals(other.database());
    }

    private Connection connectOrFail() {
        try {
            return open();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "seedkit");
        return connector.open(url, properties);
    }

    private Optional<String> urlPassword() {
        return Optional.ofNullable(parsed.getProperty("password"));
    }

    private String findPassword(Optional<String> variableName, Consumer<String> warnings) {
        if (variableName.isPresent()) {
            return environment.variable(variableName.get()).orElseThrow(() -> new SeedException(
                    SeedException.Code.CONFIGURATION, "Environment variable " + variableName.get() + " (named by "
                    + passwordOption + ") is not set; export it, or leave " + passwordOption + " out to use "
                    + "$SEEDKIT_PASSWORD, $PGPASSWORD or ~/.pgpass."));
        }
        if (urlPassword().isPresent()) {
            return null; // the driver takes it from the URL
        }
        for (String variable : PASSWORD_VARIABLES) {
            Optional<String> value = environment.variable(variable);
            if (value.isPresent()) {
                return value.get();
            }
        }
        List<String> problems = new ArrayList<>();
        Optional<String> fromFile = PgPass.of(environment).lookup(new PgPass.Target(host(), port(), database(), user),
                problems);
        problems.forEach(warnings);
        return fromFile.orElse(null);
    }

    private String host() {
        return parsed.getProperty("PGHOST", "localhost").split(",")[0];
    }

    private int port() {
        return Integer.parseInt(parsed.getProperty("PGPORT", "5432").split(",")[0]);
    }

    private String database() {
        String database = parsed.getProperty("PGDBNAME", "");
        return database.isEmpty() ? user : database;
    }

    private static boolean passwordMissing(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return "28P01".equals(e.getSQLState()) || message.contains("no password was provided");
    }

    private SeedException failure(SQLException e) {
        String hint = password == null && urlPassword().isEmpty() && passwordMissing(e)
                ? " No password was found: set SEEDKIT_PASSWORD or PGPASSWORD, name a variable with "
                        + passwordOption + ", or add a line for it to " + PgPass.of(environment).file() + "."
                : "";
        return new SeedException(SeedException.Code.DATABASE, "Could not connect to " + display() + " as " + user
                + ": " + e.getMessage() + hint, e);
    }
}
