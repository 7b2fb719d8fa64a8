package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference of section 11: {@code pg_dump --data-only} of a whole database into a plain SQL file, and
 * {@code psql} restoring such a file into an empty copy of the schema with foreign-key triggers off
 * ({@code session_replication_role = replica}, a superuser's privilege), in one transaction. pg_dump refuses a
 * server of a newer major version than its own; {@link #check} says so before anything is measured.
 */
final class PgDump {

    private final String pgDump;
    private final String psql;
    private final PostgresServer server;

    PgDump(String pgDump, String psql, PostgresServer server) {
        this.pgDump = pgDump;
        this.psql = psql;
        this.server = server;
    }

    /**
     * Null when pg_dump can dump {@code database}; otherwise why not (its first line of output, e.g. the server
     * version mismatch), for the result table.
     */
    String check(String database) {
        try {
            run(List.of(pgDump, "--schema-only", "--table=pg_catalog.pg_class", "-f", "/dev/null", "-d", database),
                    Map.of());
            return null;
        } catch (IllegalStateException | IOException e) {
            return e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** {@code pg_dump --data-only} of {@code database} into {@code file}. */
    void dumpData(String database, Path file) throws IOException, InterruptedException {
        run(List.of(pgDump, "--data-only", "--no-sync", "-f", file.toString(), "-d", database), Map.of());
    }

    /** {@code psql -1 -f file} into {@code database}, with {@code session_replication_role = replica}. */
    void restoreTriggersOff(String database, Path file) throws IOException, InterruptedException {
        run(List.of(psql, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), "-d", database),
                Map.of("PGOPTIONS", "-c session_replication_role=replica"));
    }

    private void run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-h", server.host(), "-p", Integer.toString(server.port()), "-U", server.username()));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (!server.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " " + command.get(1) + " failed (exit code "
                    + process.exitValue() + "):\n" + output.strip());
        }
    }
}
