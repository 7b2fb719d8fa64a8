package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the import's SQL on its connection, logs each statement with its duration at debug, and turns a failure
 * into an {@link ImportFailure} that carries the statement's {@link Purpose}. Several statements in one string go
 * in one round trip. A statement that moves staged rows into a table can run {@linkplain #guarded guarded}: inside
 * a savepoint, so that after a row-level failure the stage can still be asked which row it was.
 */
final class ImportStatements {

    private static final Logger log = LoggerFactory.getLogger(ImportStatements.class);
    private static final int LOGGED_SQL = 2_000;
    private static final String SAVEPOINT = "seedkit_step";
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private final Connection connection;

    ImportStatements(Connection connection) {
        this.connection = connection;
    }

    /** Runs one or more statements whose results are not needed. */
    void execute(String sql, Purpose purpose) {
        send(sql, purpose, null);
    }

    /** Runs one data-changing statement; returns how many rows it changed. */
    long update(String sql, Purpose purpose) {
        return send(sql, purpose, null)[0];
    }

    /** Runs one or more data-changing statements; returns how many rows each changed, in order. */
    long[] updates(String sql, Purpose purpose) {
        return send(sql, purpose, null);
    }

    /** Runs one or more statements and hands the rows of each query, in order, to the next of {@code readers}. */
    void query(String sql, Purpose purpose, RowReader... readers) {
        send(sql, purpose, null, readers);
    }

    /** Runs {@code sql} with parameters bound by {@code binder}; hands its rows, if any, to {@code reader}. */
    void prepared(String sql, Purpose purpose, Binder binder, RowReader reader) {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            if (statement.execute()) {
                readAll(statement.getResultSet(), reader);
            }
        } catch (SQLException e) {
            throw new ImportFailure(e, purpose, RowLocation.UNKNOWN);
        } finally {
            logged(sql, start);
        }
    }

    /**
     * Runs {@code sql} inside a savepoint, in one round trip. If it fails, rolls back to the savepoint, so that the
     * transaction can still be queried, and asks {@code locator} which row failed. Returns the update counts of the
     * data-changing statements in {@code sql}, in order; query rows go to {@code readers}.
     */
    long[] guarded(String sql, Purpose purpose, Locator locator, RowReader... readers) {
        long[] counts = send("SAVEPOINT " + SAVEPOINT + "; " + sql + "; RELEASE SAVEPOINT " + SAVEPOINT, purpose,
                locator, readers);
        long[] inner = new long[Math.max(0, counts.length - 2)];
        System.arraycopy(counts, 1, inner, 0, inner.length);
        return inner;
    }

    /**
     * Streams {@code rows} into the table of a {@code COPY ... FROM STDIN}; returns the number of rows.
     * {@code rowNumbers} maps COPY's count of lines sent (from 1) to the file's data row numbers, so that an error
     * names the file's line even when only some rows were sent.
     */
    long copyIn(String sql, InputStream rows, Purpose purpose, LongUnaryOperator rowNumbers) {
        long start = System.nanoTime();
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            return copy.copyIn(sql, rows);
        } catch (SQLException e) {
            throw new ImportFailure(e, purpose, copyLine(e, rowNumbers));
        } catch (IOException e) {
            String file = purpose.file().map(SnapshotManifest.Table::file).orElse("the snapshot");
            throw new SeedException(SeedException.Code.SNAPSHOT_CORRUPT, "Import failed, nothing was imported: could "
                    + "not read " + file + " while " + purpose.doing() + ": " + e + ". Check that the snapshot's "
                    + "files are readable, then import again.", e);
        } finally {
            logged(sql, start);
        }
    }

    private long[] send(String sql, Purpose purpose, Locator locator, RowReader... readers) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            return results(statement, statement.execute(sql), readers);
        } catch (SQLException e) {
            throw new ImportFailure(e, purpose, locator == null || !rowLevel(e) ? RowLocation.UNKNOWN
                    : locate(locator, e));
        } finally {
            logged(sql, start);
        }
    }

    /** The update counts of a statement's results, in order; each query's rows go to the next reader. */
    private static long[] results(Statement statement, boolean query, RowReader... readers) throws SQLException {
        List<Long> counts = new ArrayList<>();
        int reader = 0;
        boolean isQuery = query;
        while (true) {
            if (isQuery) {
                readAll(statement.getResultSet(), reader < readers.length ? readers[reader++] : rs -> { });
            } else {
                long count = statement.getLargeUpdateCount();
                if (count == -1) {
                    break;
                }
                counts.add(count);
            }
            isQuery = statement.getMoreResults();
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    private static void readAll(ResultSet rs, RowReader reader) throws SQLException {
        try (rs) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    /** Whether a failure is about a row: a constraint violation (class 23), or a row affected twice (21000). */
    private static boolean rowLevel(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.startsWith("23") || state.equals("21000");
    }

    /** After a failed guarded statement: back to the savepoint, then the locator's answer (never its failure). */
    private RowLocation locate(Locator locator, SQLException failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return RowLocation.UNKNOWN;
        }
        try {
            return locator.locate(failure).orElse(RowLocation.UNKNOWN);
        } catch (ImportFailure e) {
            failure.addSuppressed(e.getCause());
            return RowLocation.UNKNOWN;
        }
    }

    /** The file line and column of a COPY error: COPY counts the lines it was sent, the file has a header first. */
    private static RowLocation copyLine(SQLException e, LongUnaryOperator rowNumbers) {
        Optional<String> where = Optional.of(e).filter(PSQLException.class::isInstance)
                .map(p -> ((PSQLException) p).getServerErrorMessage()).map(m -> m.getWhere());
        Matcher matcher = COPY_LINE.matcher(where.orElse(""));
        if (!matcher.find()) {
            return RowLocation.UNKNOWN;
        }
        long row = rowNumbers.applyAsLong(Long.parseLong(matcher.group(1)));
        return new RowLocation(row > 0 ? row + 1 : 0, matcher.group(2), null);
    }

    private static void logged(String sql, long start) {
        if (log.isDebugEnabled()) {
            log.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql.length() <= LOGGED_SQL ? sql
                    : sql.substring(0, LOGGED_SQL) + "... (" + sql.length() + " chars)");
        }
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Binds the parameters of a prepared statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Finds the row behind a failed guarded statement, with the transaction back at the savepoint; empty if it
     * cannot tell. May throw a {@link SeedException} for a problem that explains the failure better (a key held
     * twice by the file).
     */
    @FunctionalInterface
    interface Locator {
        Optional<RowLocation> locate(SQLException failure);
    }
}
