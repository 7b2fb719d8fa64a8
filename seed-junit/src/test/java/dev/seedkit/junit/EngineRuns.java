package dev.seedkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@code *TestCase} classes in-process with the Jupiter engine, against the test JVM's PostgreSQL server (as
 * {@code seedkit.database=url}), so every run reuses one server instead of starting its own. Each run has its own
 * root store, as a separate JVM would.
 */
final class EngineRuns {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private EngineRuns(PostgresServer server) {
        parameters.put(SeedkitExtension.DATABASE_PROPERTY, "url");
        parameters.put(SeedkitExtension.JDBC_URL_PROPERTY, server.jdbcUrl());
        parameters.put(SeedkitExtension.JDBC_USER_PROPERTY, server.username());
        parameters.put(SeedkitExtension.JDBC_PASSWORD_PROPERTY, server.password());
    }

    static EngineRuns on(PostgresServer server) {
        return new EngineRuns(server);
    }

    /** Adds (or overrides) a configuration parameter. */
    EngineRuns with(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** Runs the test classes with JUnit's parallel execution on: classes and methods concurrently. */
    EngineRuns inParallel() {
        return with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    }

    /** Runs classes in the order of their {@code @Order} annotations. */
    EngineRuns inOrder() {
        return with("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
    }

    EngineExecutionResults run(Class<?>... testClasses) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .configurationParameters(parameters)
                .execute();
    }

    /** Messages of every failed container and test, in the order they failed. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .flatMap(payload -> payload.flatMap(p -> p instanceof TestExecutionResult r ? r.getThrowable()
                        : Optional.empty()).stream())
                .map(Throwable::getMessage)
                .toList();
    }

    /** Names of databases on {@code server} that match a LIKE pattern. */
    static List<String> databases(PostgresServer server, String likePattern) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select datname from pg_database where datname like '" + likePattern
                     + "' order by datname")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** The comment on database {@code name}, or null. */
    static String comment(PostgresServer server, String name) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select shobj_description(oid, 'pg_database') from pg_database "
                     + "where datname = '" + name + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs SQL on the server's maintenance database. */
    static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single value of a one-row, one-column query on {@code dataSource}. */
    static String queryValue(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return queryValue(c, sql);
        }
    }

    static String queryValue(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void update(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
