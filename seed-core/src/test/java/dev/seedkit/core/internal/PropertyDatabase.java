package dev.seedkit.core.internal;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.ParameterResolutionContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.ResolveParameterHook;
import net.jqwik.api.lifecycle.Store;

/**
 * Gives jqwik properties a {@link Connection} to a fresh database, since jqwik does not run JUnit Jupiter
 * extensions such as {@code TestPostgres}. The server (chosen like {@code TestPostgres} chooses it, through
 * {@link PostgresServers#fromEnvironment()}) and the database live in a run-wide jqwik store, which closes them
 * when the jqwik run ends. Use it with {@code @AddLifecycleHook(PropertyDatabase.class)}.
 */
public final class PropertyDatabase implements ResolveParameterHook, BeforeContainerHook {

    /** Applies to every property of the class that adds the hook. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    /** Registers the database in a store of the container, so that all its properties share it. */
    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        Store.getOrCreate(PropertyDatabase.class, Lifespan.RUN, Database::create);
    }

    @Override
    public Optional<ParameterSupplier> resolve(ParameterResolutionContext parameter, LifecycleContext context) {
        if (!parameter.typeUsage().isOfType(Connection.class)) {
            return Optional.empty();
        }
        return Optional.of(anyTry -> Store.<Database>get(PropertyDatabase.class).get().connection);
    }

    /** A server, a database on it and one open connection, closed together when jqwik resets the store. */
    private static final class Database implements Store.CloseOnReset {
        private final PostgresServer server;
        private final String name;
        private final Connection connection;

        private Database(PostgresServer server, String name, Connection connection) {
            this.server = server;
            this.name = name;
            this.connection = connection;
        }

        static Database create() {
            PostgresServer server = PostgresServers.fromEnvironment();
            String name = "seedkit_p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = server.connect(server.defaultDatabase()); Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\" TEMPLATE template0 ENCODING 'UTF8'"
                        + " LC_COLLATE 'C' LC_CTYPE 'C'");
                Connection connection = server.connect(name);
                SnapshotSession.apply(connection);
                return new Database(server, name, connection);
            } catch (SQLException | RuntimeException e) {
                server.close();
                throw new IllegalStateException("Could not create a database for properties on "
                        + server.description() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (PostgresServer closing = server) {
                connection.close();
                try (Connection admin = server.connect(server.defaultDatabase());
                        Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                }
            }
        }
    }
}
