package dev.seedkit.spring;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.seedkit.junit.SeedkitExtension;
import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs Spring test classes in-process with the Jupiter engine, classes in the order given, Seedkit on the test
 * JVM's server ({@code seedkit.database=url}); and counts what a run leaves on that server.
 */
final class EngineRuns {

    private EngineRuns() {
    }

    static EngineExecutionResults run(PostgresServer server, Class<?>... testClasses) {
        return run(server, Map.of(), testClasses);
    }

    /** Runs with more configuration parameters. */
    static EngineExecutionResults run(PostgresServer server, Map<String, String> parameters,
            Class<?>... testClasses) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(testClasses).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .configurationParameter(SeedkitExtension.DATABASE_PROPERTY, "url")
                .configurationParameter(SeedkitExtension.JDBC_URL_PROPERTY, server.jdbcUrl())
                .configurationParameter(SeedkitExtension.JDBC_USER_PROPERTY, server.username())
                .configurationParameter(SeedkitExtension.JDBC_PASSWORD_PROPERTY, server.password())
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
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

    /** The Seedkit databases on a server and the client connections of its user, other than the counter's own. */
    record Footprint(Set<String> databases, Set<Integer> connections) {

        private static final long BACKEND_EXIT_MILLIS = 10_000;

        static Footprint of(PostgresServer server) throws SQLException {
            try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
                return new Footprint(values(s, "select datname from pg_database where datname like 'seedkit%'"),
                        values(s, "select pid from pg_stat_activity where backend_type = 'client backend' and "
                                + "usename = current_user and pid <> pg_backend_pid()").stream()
                                .map(Integer::valueOf).collect(java.util.stream.Collectors.toSet()));
            }
        }

        /** The footprint once connections closed before it have ended, or after a few seconds if some stay. */
        static Footprint settled(PostgresServer server, Footprint before) throws Exception {
            long deadline = System.currentTimeMillis() + BACKEND_EXIT_MILLIS;
            Footprint now = of(server);
            while ((!now.connectionsNotIn(before).isEmpty() || !now.databasesNotIn(before).isEmpty())
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                now = of(server);
            }
            return now;
        }

        Set<String> databasesNotIn(Footprint earlier) {
            Set<String> created = new HashSet<>(databases);
            created.removeAll(earlier.databases);
            return created;
        }

        Set<Integer> connectionsNotIn(Footprint earlier) {
            Set<Integer> opened = new HashSet<>(connections);
            opened.removeAll(earlier.connections);
            return opened;
        }

        private static Set<String> values(Statement s, String sql) throws SQLException {
            Set<String> values = new HashSet<>();
            try (ResultSet rows = s.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
