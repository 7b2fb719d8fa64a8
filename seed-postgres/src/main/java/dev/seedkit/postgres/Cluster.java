package dev.seedkit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or reuses the data directory ("cluster") an {@link EmbeddedPostgresServer} starts on: a throwaway one in
 * the server's scratch directory, or one kept across runs. Runs {@code initdb} from the unpacked binaries of the
 * platform, as the account the server runs as.
 */
final class Cluster {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    private final PostgresPlatform platform;
    private final Path home;
    private final Path instance;
    private final ServerAccount account;

    Cluster(PostgresPlatform platform, Path home, Path instance, ServerAccount account) {
        this.platform = platform;
        this.home = home;
        this.instance = instance;
        this.account = account;
    }

    /** Absolute path of a server program, e.g. {@code .../bin/postgres} or {@code ...\bin\postgres.exe}. */
    String program(String name) {
        return home.resolve(platform.executable(name)).toString();
    }

    /** A new cluster inside the instance directory, deleted with it when the server stops. */
    Path throwaway() throws IOException {
        Path data = instance.resolve("data");
        PostgresBinaries.createPrivateDirectory(data);
        account.own(data);
        initdb(data);
        return data;
    }

    /** The cluster kept in {@code data}: reused if it is there, otherwise created; never deleted by the server. */
    Path kept(Path data) throws IOException {
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
            PostgresBinaries.createPrivateDirectory(data);
        }
        account.own(data);
        account.checkCanUse(data);
        log.info("Creating a PostgreSQL cluster to keep in {}", data);
        initdb(data);
        return data;
    }

    private void initdb(Path data) throws IOException {
        List<String> command = List.of(program("initdb"), "-D", data.toString(), "-A", "trust", "-U", SUPERUSER,
                "-E", "UTF8", "--locale=C", "--no-sync");
        Path logFile = instance.resolve("initdb.log");
        Process initdb = new ProcessBuilder(account.command(command)).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new PostgresServerException("initdb failed for " + data + ":\n"
                        + EmbeddedPostgresServer.tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServerException("Interrupted while running initdb", e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
