package dev.seedkit.postgres.testing;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test support shared by every module's tests: one real PostgreSQL server per test JVM (embedded by default,
 * or whatever {@link PostgresServers#fromEnvironment()} is told to use, e.g. {@code SEEDKIT_JDBC_URL}), and a
 * fresh {@link TestDatabase} per test class, injected as a parameter.
 *
 * <pre>{@code
 * @ExtendWith(TestPostgres.class)
 * class SomethingTests {
 *     @Test void works(TestDatabase db) throws Exception { db.execute("create table t(id int)"); ... }
 * }
 * }</pre>
 *
 * <p>The server lives in JUnit's root store and is closed at the end of the run; each database lives in its test
 * class's store and is dropped when the class finishes.
 */
public final class TestPostgres implements ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestPostgres.class);
    /** The databases {@link #newDatabase} created, by server, to drop at the end of the run. */
    private static final Map<PostgresServer, Set<String>> CREATED = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestDatabase.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == PostgresServer.class) {
            return server(context);
        }
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow()
                : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("database",
                key -> createDatabase(server(context)), TestDatabase.class);
    }

    /** The run-wide server, started on first use. */
    public static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            PostgresServer server = PostgresServers.fromEnvironment();
            log.info("Tests run against {}", server.description());
            return new ServerResource(server);
        }, ServerResource.class).server;
    }

    /**
     * Creates an empty database named {@code prefix} and a random suffix, for tests that need more than their
     * class's {@link TestDatabase}; it is dropped when the run ends (with the server, on a server given by URL).
     */
    public static String newDatabase(PostgresServer server, String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        CREATED.computeIfAbsent(server, key -> ConcurrentHashMap.newKeySet()).add(name);
        return name;
    }

    private static TestDatabase createDatabase(PostgresServer server) {
        String name = "seedkit_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'"
                    + " LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not create test database " + name + " on "
                    + server.description() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(server, name);
    }

    /** Closes the server when JUnit closes the root store. */
    private static final class ServerResource implements AutoCloseable {
        private final PostgresServer server;

        ServerResource(PostgresServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            try {
                dropCreated();
            } finally {
                server.close();
            }
        }

        private void dropCreated() {
            Set<String> names = CREATED.remove(server);
            if (names == null || names.isEmpty()) {
                return;
            }
            try (Connection c = server.connect(server.defaultDatabase()); Statement s = c.createStatement()) {
                for (String name : names) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                log.warn("Could not drop the test databases {} on {}: {}", names, server.description(),
                        e.getMessage());
            }
        }
    }
}
