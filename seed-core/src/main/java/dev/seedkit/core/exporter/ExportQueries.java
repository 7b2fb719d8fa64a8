package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the export's SQL on its connection, counts statements and rows read, logs each statement with its
 * duration at debug, and turns a failure into a {@link SeedException} that says what the export was doing.
 */
final class ExportQueries {

    private static final Logger log = LoggerFactory.getLogger(ExportQueries.class);
    private static final int LOGGED_SQL = 2_000;
    private static final String SAVEPOINT = "seedkit_batch";

    private final Connection connection;
    private int statements;
    private int roundTrips;
    private long rowsRead;

    ExportQueries(Connection connection) {
        this.connection = connection;
    }

    /**
     * What a statement is for, to name in its error: e.g. "choosing the first rows of public.users", the code to
     * fail with, and what the user can do.
     */
    record Purpose(String doing, SeedException.Code code, String hint) {
        static Purpose database(String doing) {
            return new Purpose(doing, SeedException.Code.DATABASE, "Check that the connection works.");
        }
    }

    void execute(String sql, Purpose purpose) {
        send(sql, purpose, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    /** Runs {@code sql} with one string parameter (which is not logged), e.g. {@code set_config}. */
    void execute(String sql, String parameter, Purpose purpose) {
        send(sql, purpose, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                statement.execute();
            }
        });
    }

    /**
     * Runs a catalog query with one {@code text[]} parameter and hands each row to {@code reader}; its rows are
     * not counted as rows read.
     */
    void catalogQuery(String sql, List<String> parameter, Purpose purpose, RowReader reader) {
        send(sql, purpose, () -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", parameter.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        });
    }

    /** Runs a query and hands each row to {@code reader}. */
    void query(String sql, Purpose purpose, RowReader reader) {
        send(sql, purpose, () -> {
            try (Statement statement = connection.createStatement()) {
                read(statement.executeQuery(sql), reader);
            }
        });
    }

    /** Runs an INSERT (or other statement) and returns its row count. */
    int update(String sql, Purpose purpose) {
        int[] count = new int[1];
        send(sql, purpose, () -> {
            try (Statement statement = connection.createStatement()) {
                count[0] = statement.executeUpdate(sql);
            }
        });
        return count[0];
    }

    /**
     * Sends {@code sqls} in one round trip (a JDBC batch) and returns each one's row count; each counts as a
     * statement. A failure names the statement that failed.
     */
    int[] batch(List<String> sqls, Purpose purpose) {
        if (sqls.size() == 1) {
            return new int[] {update(sqls.get(0), purpose)};
        }
        int[] counts = new int[sqls.size()];
        statements += sqls.size() - 1;
        send(String.join(";\n", sqls), purpose, () -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : sqls) {
                    statement.addBatch(sql);
                }
                int[] done = statement.executeBatch();
                System.arraycopy(done, 0, counts, 0, counts.length);
            } catch (BatchUpdateException e) {
                throw e.getNextException() != null ? e.getNextException() : e;
            }
        });
        return counts;
    }

    /**
     * Runs the queries {@code sqls} in one round trip and hands each one's result to {@code reader}, in order.
     * Returns {@code false}, with the transaction as it was before (a savepoint is rolled back to), if the server
     * refused any of them: the caller then runs them one at a time, so that the error names its table. Results
     * arrive in text format, each value as its type's output function wrote it, as {@code COPY} would.
     */
    boolean queryAll(List<String> sqls, Purpose purpose, ResultReader reader) {
        String sql = "SAVEPOINT " + SAVEPOINT + ";\n" + String.join(";\n", sqls) + ";\nRELEASE SAVEPOINT " + SAVEPOINT;
        statements += sqls.size() + 1;
        boolean[] done = new boolean[1];
        send(sql, purpose, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                boolean result;
                try {
                    result = statement.execute(sql);
                } catch (SQLException refused) {
                    log.debug("The server refused a batch of {} queries, running them one at a time: {}",
                            sqls.size(), refused.getMessage());
                    statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                    return;
                }
                for (int index = 0; result || statement.getUpdateCount() != -1; result = statement.getMoreResults()) {
                    if (result) {
                        try (ResultSet rs = statement.getResultSet()) {
                            reader.read(index++, rs);
                        }
                    }
                }
                done[0] = true;
            }
        });
        return done[0];
    }

    /** The single boolean a query returns. */
    boolean flag(String sql, Purpose purpose) {
        boolean[] value = new boolean[1];
        query(sql, purpose, rs -> value[0] = rs.getBoolean(1));
        return value[0];
    }

    /** Streams a {@code COPY ... TO STDOUT} into {@code out}; returns the number of rows. */
    long copyOut(String sql, OutputStream out, Purpose purpose) {
        long[] rows = new long[1];
        send(sql, purpose, () -> {
            try {
                rows[0] = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
            } catch (IOException e) {
                throw new SeedException(SeedException.Code.DATABASE, "The export failed while " + purpose.doing()
                        + ": " + e.getMessage() + ". Check the connection and the disk, then export again.", e);
            }
        });
        return rows[0];
    }

    /** Counts statements sent on the export's connection by other code (session settings, catalog reads). */
    void countSentElsewhere(int count) {
        statements += count;
        roundTrips += count;
    }

    /** The statements sent so far. */
    int statements() {
        return statements;
    }

    /** The rows queries returned so far. */
    long rowsRead() {
        return rowsRead;
    }

    /** The round trips to the server so far: statements, with a batch counting once. */
    int roundTrips() {
        return roundTrips;
    }

    private void send(String sql, Purpose purpose, Work work) {
        statements++;
        roundTrips++;
        long start = System.nanoTime();
        try {
            work.run();
        } catch (SQLException e) {
            throw new SeedException(purpose.code(), "The export failed while " + purpose.doing() + ": "
                    + e.getMessage() + ". " + purpose.hint() + " (SQL: " + abbreviated(sql) + ")", e);
        } finally {
            log.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, abbreviated(sql));
        }
    }

    private void read(ResultSet rs, RowReader reader) throws SQLException {
        try (rs) {
            while (rs.next()) {
                rowsRead++;
                reader.read(rs);
            }
        }
    }

    private static String abbreviated(String sql) {
        return sql.length() <= LOGGED_SQL ? sql : sql.substring(0, LOGGED_SQL) + "... (" + sql.length() + " chars)";
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Reads the whole result of query number {@code index} of {@link #queryAll} (row data: not counted as read). */
    @FunctionalInterface
    interface ResultReader {
        void read(int index, ResultSet rs) throws SQLException;
    }

    /** JDBC work that sends one statement. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }
}
