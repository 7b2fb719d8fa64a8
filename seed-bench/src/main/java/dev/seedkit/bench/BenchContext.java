package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every section of a benchmark run shares: the options, the server's databases, a scratch directory, where
 * progress goes, and the row counts found in the target databases after each import (to prove every measured load
 * loaded what it should).
 */
record BenchContext(BenchOptions options, Databases databases, Path workDirectory, PrintStream progress,
                    Map<String, Long> verifiedRows) {

    PostgresServer server() {
        return databases.server();
    }

    void progress(String format, Object... args) {
        progress.printf("[seed-bench] " + format + "%n", args);
        progress.flush();
    }

    /**
     * Counts the rows of {@code tables} in {@code database}, records them under {@code label}, and fails unless they
     * are {@code expected} (and the same as in earlier runs).
     */
    void verifyRows(String label, String database, List<String> tables, long expected) throws Exception {
        long found = databases.countRows(database, tables);
        if (found != expected) {
            throw new IllegalStateException(label + ": expected " + expected + " rows in " + database + ", found "
                    + found);
        }
        Long earlier = verifiedRows.putIfAbsent(label, found);
        if (earlier != null && !Objects.equals(earlier, found)) {
            throw new IllegalStateException(label + ": " + found + " rows in this run, " + earlier + " before");
        }
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
