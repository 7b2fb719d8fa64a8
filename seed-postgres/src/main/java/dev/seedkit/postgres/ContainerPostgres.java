package dev.seedkit.postgres;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;

/**
 * PostgreSQL in a Docker container started through Testcontainers. Only this class touches Testcontainers, so the
 * dependency stays optional: it is loaded when a container is asked for, after {@link #available()} said yes.
 * The container's port is published on 127.0.0.1 only.
 */
final class ContainerPostgres implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(ContainerPostgres.class);
    private static final int POSTGRES_PORT = 5432;

    /** Label on containers started for reuse, to find them: {@code docker ps --filter label=dev.seedkit.reuse}. */
    static final String REUSE_LABEL = "dev.seedkit.reuse";

    private final PostgreSQLContainer container;
    private final String image;
    private final boolean reused;
    private final String host;
    private final int port;

    private ContainerPostgres(PostgreSQLContainer container, String image, boolean reused) {
        this.container = container;
        this.image = image;
        this.reused = reused;
        this.host = container.getHost();
        this.port = container.getMappedPort(POSTGRES_PORT); // kept: the container answers no more after close()
    }

    /** Whether Testcontainers is on the classpath and finds a Docker engine. */
    static boolean available() {
        return testcontainersOnClasspath() && DockerClientFactory.instance().isDockerAvailable();
    }

    static boolean testcontainersOnClasspath() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerPostgres.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Starts a container of {@code image}; with {@code reuse}, finds the one an earlier run left running instead
     * (Testcontainers' reuse, which the user enables: {@code testcontainers.reuse.enable=true} in
     * {@code ~/.testcontainers.properties} or {@code TESTCONTAINERS_REUSE_ENABLE=true}) and leaves it running.
     */
    static PostgresServer start(String image, boolean reuse) {
        if (!testcontainersOnClasspath()) {
            throw new PostgresServerException("A PostgreSQL container was asked for, but Testcontainers is not on the "
                    + "classpath. Add org.testcontainers:testcontainers-postgresql as a test dependency.");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new PostgresServerException("A PostgreSQL container was asked for, but Testcontainers finds no "
                    + "Docker engine. Start Docker (or set DOCKER_HOST), or use the embedded server instead.");
        }
        long started = System.nanoTime();
        boolean reused = reuse && reuseEnabled();
        DockerImageName name = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        PostgreSQLContainer container = new PostgreSQLContainer(name)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(new PortBinding(
                        Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(POSTGRES_PORT))));
        if (reused) {
            container.withReuse(true).withLabel(REUSE_LABEL, "true");
        }
        container.start();
        ContainerPostgres server = new ContainerPostgres(container, image, reused);
        log.info("PostgreSQL container {} ready on {}:{} in {} ms{}", image, server.host(), server.port(),
                (System.nanoTime() - started) / 1_000_000, reused ? " (reusable: left running for later runs)" : "");
        return server;
    }

    private static boolean reuseEnabled() {
        if (TestcontainersConfiguration.getInstance().environmentSupportsReuse()) {
            return true;
        }
        log.warn("Container reuse was asked for, but Testcontainers' reuse is not enabled on this machine: set "
                + "testcontainers.reuse.enable=true in ~/.testcontainers.properties (or the environment variable "
                + "TESTCONTAINERS_REUSE_ENABLE=true). Starting a container for this run only.");
        return false;
    }


    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String defaultDatabase() {
        return container.getDatabaseName();
    }

    @Override
    public String description() {
        return "PostgreSQL container " + image + " on " + host() + ":" + port();
    }

    @Override
    public String toString() {
        return description();
    }

    /** Stops the container, unless it is reused: then it is left running for the next run to find. */
    @Override
    public void close() {
        if (reused) {
            log.info("Leaving reusable PostgreSQL container {} running for later runs; remove it with "
                    + "docker rm -f $(docker ps -q --filter label={})", container.getContainerId(), REUSE_LABEL);
            return;
        }
        container.stop();
    }
}
