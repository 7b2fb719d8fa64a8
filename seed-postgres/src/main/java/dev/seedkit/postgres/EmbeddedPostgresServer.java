package dev.seedkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster started by {@link EmbeddedPostgres}: owns its process and a scratch directory (logs, and the data
 * directory unless a kept one was given), which it deletes when it stops.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final PostgresPlatform platform;
    private final Path home;
    private final Path instance;
    private final Path data;
    private final ServerAccount account;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;
    private final WarmSlot slot;
    private String version = "";
    private boolean closed;

    private EmbeddedPostgresServer(PostgresPlatform platform, Path home, Path instance, Path data,
                                   ServerAccount account, Process process, int port, WarmSlot slot) {
        this.platform = platform;
        this.slot = slot;
        this.home = home;
        this.instance = instance;
        this.data = data;
        this.account = account;
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "seedkit-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server on a new throwaway cluster, or, with {@code keptData}, on the cluster kept there (created by
     * {@code initdb} first if the directory holds none), or, with {@code warm}, on a {@link WarmSlot warm cluster}
     * of the cache directory.
     */
    static PostgresServer start(PostgresPlatform platform, Path cache, Path keptData, boolean warm,
                                ServerAccount account, Map<String, String> settings, int port, Duration timeout) {
        long started = System.nanoTime();
        Path home = PostgresBinaries.install(cache, platform);
        Path instance = createInstanceDirectory(cache);
        WarmSlot slot = null;
        try {
            Cluster cluster = new Cluster(platform, home, instance, account);
            slot = keptData == null && warm ? warmSlot(cache, home, cluster, account) : null;
            Path data = slot != null ? cluster.kept(slot.data())
                    : keptData == null ? cluster.throwaway() : cluster.kept(keptData);
            int chosenPort = port != 0 ? port : freePort();
            List<String> postgres = postgresCommand(cluster.program("postgres"), data, chosenPort, settings);
            Process process = new ProcessBuilder(account.command(postgres))
                    .redirectErrorStream(true)
                    .redirectOutput(instance.resolve("postgres.log").toFile())
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(platform, home, instance, data, account,
                    process, chosenPort, slot);
            slot = null;
            server.awaitReady(timeout);
            log.info("Embedded PostgreSQL {} ready on 127.0.0.1:{} in {} ms, running as {}, data in {}",
                    server.version, chosenPort, (System.nanoTime() - started) / 1_000_000, account.describe(), data);
            return server;
        } catch (IOException e) {
            PostgresBinaries.deleteTree(instance);
            throw new PostgresServerException("Could not start embedded PostgreSQL in " + instance + ": " + e, e);
        } catch (RuntimeException e) {
            PostgresBinaries.deleteTree(instance);
            throw e;
        } finally {
            if (slot != null) {
                slot.close();
            }
        }
    }

    /** A warm cluster's slot, its orphaned server stopped; null (a throwaway cluster) when every slot is taken. */
    private static WarmSlot warmSlot(Path cache, Path home, Cluster cluster, ServerAccount account)
            throws IOException {
        Optional<WarmSlot> slot = WarmSlot.take(cache, home);
        if (slot.isEmpty()) {
            log.info("All {} warm PostgreSQL clusters in {} are in use by other JVMs: starting on a throwaway one",
                    WarmSlot.SLOTS, cache.resolve("warm"));
            return null;
        }
        slot.get().stopOrphan(cluster, account);
        return slot.get();
    }

    private static Path createInstanceDirectory(Path cache) {
        try {
            Path instance = Files.createTempDirectory(cache, "instance-");
            PostgresBinaries.createWorldReadable(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory under " + cache, e);
        }
    }

    private static List<String> postgresCommand(String postgres, Path data, int port, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(postgres, "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
        settings.forEach((name, value) -> {
            command.add("-c");
            command.add(name + "=" + value);
        });
        return command;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = tail(instance.resolve("postgres.log"));
                stop();
                throw new PostgresServerException("Embedded PostgreSQL exited during start-up (exit code "
                        + process.exitValue() + "):\n" + log);
            }
            try (Connection c = connect(defaultDatabase()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
                return;
            } catch (SQLException e) {
                last = e;
                sleep(25);
            }
        }
        String log = tail(instance.resolve("postgres.log"));
        stop();
        throw new PostgresServerException("Embedded PostgreSQL did not accept connections within " + timeout
                + " (last error: " + (last == null ? "none" : last.getMessage()) + "):\n" + log);
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return Cluster.SUPERUSER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String defaultDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL " + version + " on " + host() + ":" + port;
    }

    @Override
    public String toString() {
        return description();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    /**
     * Fast shutdown through pg_ctl (it signals the postmaster, whichever account runs it; a kept cluster is left
     * consistent), then deletes the scratch directory, which holds the data directory unless it is a kept one.
     */
    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        if (process.isAlive()) {
            try {
                List<String> command = List.of(home.resolve(platform.executable("pg_ctl")).toString(), "stop", "-D",
                        data.toString(), "-m", "fast", "-w", "-t", "10");
                new ProcessBuilder(account.command(command)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(15, TimeUnit.SECONDS);
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        PostgresBinaries.deleteTree(instance);
        if (slot != null) {
            slot.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServerException("Interrupted while waiting for embedded PostgreSQL", e);
        }
    }
}
