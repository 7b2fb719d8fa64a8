package dev.seedkit.reliability;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.util.Optional;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.ParameterResolutionContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.ResolveParameterHook;
import net.jqwik.api.lifecycle.Store;

/**
 * Gives jqwik properties a {@link Shop} on a real server, since jqwik does not run JUnit Jupiter extensions such as
 * {@code TestPostgres}. The server is chosen as {@code TestPostgres} chooses it ({@link
 * PostgresServers#fromEnvironment()}) and lives in a run-wide jqwik store, which drops the shop's databases and
 * closes the server when the jqwik run ends. Use it with {@code @AddLifecycleHook(PropertyServer.class)}.
 */
public final class PropertyServer implements ResolveParameterHook, BeforeContainerHook {

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        Store.getOrCreate(PropertyServer.class, Lifespan.RUN, Started::start);
    }

    @Override
    public Optional<ParameterSupplier> resolve(ParameterResolutionContext parameter, LifecycleContext context) {
        if (!parameter.typeUsage().isOfType(Shop.class)) {
            return Optional.empty();
        }
        return Optional.of(anyTry -> Store.<Started>get(PropertyServer.class).get().shop);
    }

    /** The server and the shop on it, closed together when jqwik resets the store. */
    private static final class Started implements Store.CloseOnReset {
        private final PostgresServer server;
        private final Shop shop;

        private Started(PostgresServer server) {
            this.server = server;
            this.shop = new Shop(server);
        }

        static Started start() {
            return new Started(PostgresServers.fromEnvironment());
        }

        @Override
        public void close() throws Exception {
            try (PostgresServer closing = server) {
                shop.dropAll();
            }
        }
    }
}
