package dev.seedkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster started by {@link EmbeddedPostgres}: owns its process and a scratch directory (logs, and the data
 * directory unless a kept one was given), which it deletes when it stops.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");

    private final Path home;
    private final Path instance;
    private final Path data;
    private final ServerAccount account;
    private final Process process;
    private final int port;
    private final Thread shutdownHook;
    private String version = "";
    private boolean closed;

    private EmbeddedPostgresServer(Path home, Path instance, Path data, ServerAccount account, Process process,
                                   int port) {
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
     * {@code initdb} first if the directory holds none).
     */
    static PostgresServer start(Path cache, Path keptData, ServerAccount account, Map<String, String> settings,
                                int port, Duration timeout) {
        long started = System.nanoTime();
        Path home = PostgresBinaries.install(cache);
        Path instance = createInstanceDirectory(cache);
        try {
            Path data = keptData == null ? throwawayCluster(home, instance, account)
                    : keptCluster(home, instance, keptData, account);
            int chosenPort = port != 0 ? port : freePort();
            Process process = new ProcessBuilder(account.command(postgresCommand(home, data, chosenPort, settings)))
                    .redirectErrorStream(true)
                    .redirectOutput(instance.resolve("postgres.log").toFile())
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(home, instance, data, account, process,
                    chosenPort);
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
        }
    }

    /** A new cluster inside {@code instance}, deleted with it when the server stops. */
    private static Path throwawayCluster(Path home, Path instance, ServerAccount account) throws IOException {
        Path data = instance.resolve("data");
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        account.own(data);
        initdb(home, instance, data, account);
        return data;
    }

    /** The cluster kept in {@code data}: reused if it is there, otherwise created; never deleted by the server. */
    private static Path keptCluster(Path home, Path instance, Path data, ServerAccount account) throws IOException {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            account.checkCanUse(data);
            log.info("Reusing the PostgreSQL cluster kept in {}", data);
            return data;
        }
        if (Files.isDirectory(data) && !isEmpty(data)) {
            throw new PostgresServerException("Cannot keep a PostgreSQL cluster in " + data + ": the directory is "
                    + "not empty and holds no cluster (no PG_VERSION). Give an empty or missing directory, or the "
                    + "directory of a cluster kept earlier.");
        }
        Files.createDirectories(data.getParent());
        if (!Files.exists(data)) {
            Files.createDirectory(data, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        account.own(data);
        account.checkCanUse(data);
        log.info("Creating a PostgreSQL cluster to keep in {}", data);
        initdb(home, instance, data, account);
        return data;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Path createInstanceDirectory(Path cache) {
        try {
            Path instance = Files.createTempDirectory(cache, "instance-");
            Files.setPosixFilePermissions(instance, PosixFilePermissions.fromString("rwxr-xr-x"));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory under " + cache, e);
        }
    }

    private static void initdb(Path home, Path instance, Path data, ServerAccount account) throws IOException {
        List<String> command = List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-A", "trust",
                "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync");
        Path logFile = instance.resolve("initdb.log");
        Process initdb = new ProcessBuilder(account.command(command)).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new PostgresServerException("initdb failed for " + data + ":\n" + tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServerException("Interrupted while running initdb", e);
        }
    }

    private static List<String> postgresCommand(Path home, Path data, int port, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString(),
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
        return SUPERUSER;
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
                List<String> command = List.of(home.resolve("bin/pg_ctl").toString(), "stop", "-D",
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
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
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
