package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.queryValue;
import static dev.seedkit.junit.EngineRuns.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs four classes with twenty test methods in each isolation mode, one after another and in parallel, and then
 * counts what the run left on the server: databases it created and connections it opened must all be gone. On
 * JUnit versions before 5.13, which close only {@code CloseableResource}s at the end of a scope, this is what
 * breaks first (clones never dropped, pools never closed, rolled-back transactions never returned).
 */
@ExtendWith(TestPostgres.class)
class NothingLeftBehindTests {

    /** Methods of the test cases, across all classes; the count is asserted below. */
    private static final int METHODS = 20;
    /** How long the server may take to end the backends of connections that were closed. */
    private static final long BACKEND_EXIT_MILLIS = 10_000;
    private static final String PARALLELISM = "junit.jupiter.execution.parallel.config.fixed.parallelism";

    @ParameterizedTest(name = "{0}, parallel: {1}")
    @CsvSource({
            "CLONE_PER_CLASS, false", "CLONE_PER_METHOD, false", "ROLLBACK_PER_METHOD, false", "SHARED, false",
            "CLONE_PER_CLASS, true", "CLONE_PER_METHOD, true", "ROLLBACK_PER_METHOD, true", "SHARED, true"})
    void aRunLeavesNoDatabaseAndNoConnectionBehind(Isolation isolation, boolean parallel, PostgresServer server)
            throws Exception {
        Footprint before = Footprint.of(server);
        EngineRuns runs = EngineRuns.on(server).with(SeedkitExtension.ISOLATION_PROPERTY, isolation.name());
        if (parallel) {
            // two threads: methods that hold two connections then fit the four-connection pool of a SHARED clone
            runs.inParallel().with(PARALLELISM, "2");
        }

        runs.run(FirstTestCase.class, SecondTestCase.class, ThirdTestCase.class, NestingTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(METHODS).succeeded(METHODS));

        Footprint after = Footprint.settled(server, before);
        assertThat(after.databasesNotIn(before)).as("databases the run created and left").isEmpty();
        assertThat(after.connectionsNotIn(before)).as("connections the run opened and left").isEmpty();
    }

    @Test
    void countsTheDatabasesAndConnectionsARunLeaves(PostgresServer server) throws Exception {
        Footprint before = Footprint.of(server);
        EngineRuns.execute(server, "CREATE DATABASE seedkit_left_behind");
        try (Connection left = server.connect("seedkit_left_behind")) {
            assertThat(left.isValid(1)).isTrue();
            Footprint after = Footprint.of(server);

            assertThat(after.databasesNotIn(before)).containsExactly("seedkit_left_behind");
            assertThat(after.connectionsNotIn(before)).hasSize(1);
        } finally {
            DatabaseAdmin.drop(server, "seedkit_left_behind");
        }
    }

    /** The databases on the server and the client connections of this user, other than the checker's own. */
    private record Footprint(Set<String> databases, Set<Integer> connections) {

        static Footprint of(PostgresServer server) throws SQLException {
            try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
                return new Footprint(strings(s, "select datname from pg_database"), pids(s));
            }
        }

        /** The footprint once connections closed before it have ended, or after a few seconds if some stay. */
        static Footprint settled(PostgresServer server, Footprint before) throws Exception {
            long deadline = System.currentTimeMillis() + BACKEND_EXIT_MILLIS;
            Footprint now = of(server);
            while (!now.connectionsNotIn(before).isEmpty() && System.currentTimeMillis() < deadline) {
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

        private static Set<String> strings(Statement s, String sql) throws SQLException {
            Set<String> values = new HashSet<>();
            try (ResultSet rows = s.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }

        private static Set<Integer> pids(Statement s) throws SQLException {
            Set<Integer> pids = new HashSet<>();
            try (ResultSet rows = s.executeQuery("select pid from pg_stat_activity where backend_type = "
                    + "'client backend' and usename = current_user and pid <> pg_backend_pid()")) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        }
    }

    /**
     * Five methods that use everything a test can be given: an injected connection, the data source (more than
     * one connection at a time) and the database's details; each writes a row, so every isolation mode has
     * something to undo or drop.
     */
    abstract static class BusyMethods {
        private static final AtomicInteger nextOrder = new AtomicInteger(1_000);

        @Test
        void writesThroughTheInjectedConnection(Connection connection) throws SQLException {
            update(connection, "insert into orders values (" + nextOrder.incrementAndGet() + ", 1, 'a')");
        }

        @Test
        void writesThroughTheDataSource(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                update(connection, "insert into orders values (" + nextOrder.incrementAndGet() + ", 2, 'b')");
            }
        }

        @Test
        void holdsTwoConnectionsAtOnce(DataSource dataSource) throws SQLException {
            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                assertThat(queryValue(first, "select count(*) > 0 from customers")).isEqualTo("t");
                assertThat(queryValue(second, "select count(*) > 0 from orders")).isEqualTo("t");
            }
        }

        @Test
        void connectsWithTheDetails(SeededDatabase database) throws SQLException {
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(queryValue(connection, "select current_database()")).isEqualTo(database.databaseName());
            }
        }

        @Test
        void usesConnectionAndDataSourceTogether(Connection connection, DataSource dataSource) throws SQLException {
            update(connection, "insert into orders values (" + nextOrder.incrementAndGet() + ", 1, 'c')");
            assertThat(queryValue(dataSource, "select count(*) > 0 from orders")).isEqualTo("t");
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class FirstTestCase extends BusyMethods {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class SecondTestCase extends BusyMethods {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class ThirdTestCase extends BusyMethods {
    }

    /** Its methods are in a {@code @Nested} class, which shares this class's database. */
    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql")
    static class NestingTestCase {
        @Nested
        class Inner extends BusyMethods {
        }
    }
}
