package dev.seedkit.bench;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.TableFileReader;
import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The practical limit: the {@code psql} client loading the snapshot's data rows with {@code \copy}, every table in
 * load order, in one session and one transaction ({@code psql -1}). The data rows (the table files minus their
 * header line) are written once to plain files.
 */
final class PsqlCopy {

    private final String psql;
    private final PostgresServer server;
    private final Path script;
    private final Path scriptTriggersOff;

    private PsqlCopy(String psql, PostgresServer server, Path script, Path scriptTriggersOff) {
        this.psql = psql;
        this.server = server;
        this.script = script;
        this.scriptTriggersOff = scriptTriggersOff;
    }

    /** The client's version line, or empty when {@code psql} cannot be run here. */
    static Optional<String> version(String psql) {
        try {
            Process process = new ProcessBuilder(psql, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(output)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Writes the data-only files of {@code snapshot} and two {@code \copy} scripts into {@code directory}: one plain,
     * one that first switches foreign-key triggers off ({@code session_replication_role = replica}).
     */
    static PsqlCopy prepare(String psql, PostgresServer server, Snapshot snapshot, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        StringBuilder script = new StringBuilder();
        for (SnapshotManifest.LoadStep step : snapshot.manifest().loadPlan()) {
            SnapshotManifest.Table table = snapshot.manifest().table(step.schema(), step.table()).orElseThrow();
            Path data = directory.resolve(table.file() + ".data");
            try (TableFileReader reader = TableFileReader.open(snapshot, table);
                    InputStream rows = reader.dataStream()) {
                Files.copy(rows, data);
            }
            script.append("\\copy ").append(Identifiers.quote(table.schema(), table.name())).append(" (")
                    .append(String.join(", ", table.columnNames().stream().map(Identifiers::quote).toList()))
                    .append(") from '").append(data.toAbsolutePath()).append("'\n");
        }
        Path plain = Files.writeString(directory.resolve("load.psql"), script);
        Path triggersOff = Files.writeString(directory.resolve("load-triggers-off.psql"),
                "SET session_replication_role = replica;\n" + script);
        return new PsqlCopy(psql, server, plain, triggersOff);
    }

    /** Runs the plain script against {@code database}; fails with psql's output if psql does not exit with 0. */
    void load(String database) throws IOException, InterruptedException {
        run(script, database);
    }

    /** Runs the script with foreign-key triggers off (a superuser's privilege), no orphan check afterwards. */
    void loadTriggersOff(String database) throws IOException, InterruptedException {
        run(scriptTriggersOff, database);
    }

    private void run(Path file, String database) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1",
                "-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.username(), "-d", database,
                "-f", file.toString())).redirectErrorStream(true);
        if (!server.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql \\copy into " + database + " failed (exit code "
                    + process.exitValue() + "):\n" + output);
        }
    }
}
