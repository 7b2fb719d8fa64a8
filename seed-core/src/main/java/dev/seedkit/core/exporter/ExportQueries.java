package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the export's SQL on its connection, counts statements and rows read, logs each statement at debug, and
 * turns a failure into a {@link SeedException} that says what the export was doing.
 */
final class ExportQueries {

    private static final Logger log = LoggerFactory.getLogger(ExportQueries.class);
    private static final int LOGGED_SQL = 2_000;

    private final Connection connection;
    private int statements;
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
        run(sql, purpose, statement -> statement.execute(sql));
    }

    /** Runs {@code sql} with one string parameter, e.g. {@code set_config}. */
    void execute(String sql, String parameter, Purpose purpose) {
        statements++;
        log.debug("{}", sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.execute();
        } catch (SQLException e) {
            throw failure(e, sql, purpose);
        }
    }

    /** Runs a query with one {@code text[]} parameter and hands each row to {@code reader}. */
    void query(String sql, List<String> parameter, Purpose purpose, RowReader reader) {
        statements++;
        log.debug("{}", sql);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", parameter.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(e, sql, purpose);
        }
    }

    /** Counts statements sent on the export's connection by other code (session settings, catalog reads). */
    void countSentElsewhere(int count) {
        statements += count;
    }

    /** The rows of a query returning {@code tableoid, ctid}. */
    List<RowId> rowIds(String sql, Purpose purpose) {
        List<RowId> rows = new ArrayList<>();
        query(sql, purpose, rs -> rows.add(new RowId(rs.getLong(1), rs.getString(2))));
        return rows;
    }

    /** The rows of a closure round, which returns {@code branch, tableoid, ctid}. */
    List<BranchRow> branchRows(String sql, Purpose purpose) {
        List<BranchRow> rows = new ArrayList<>();
        query(sql, purpose, rs -> rows.add(new BranchRow(rs.getInt(1), new RowId(rs.getLong(2), rs.getString(3)))));
        return rows;
    }

    /** The single boolean a query returns. */
    boolean flag(String sql, Purpose purpose) {
        boolean[] value = new boolean[1];
        query(sql, purpose, rs -> value[0] = rs.getBoolean(1));
        return value[0];
    }

    /** Streams a {@code COPY ... TO STDOUT} into {@code out}; returns the number of rows. */
    long copyOut(String sql, OutputStream out, Purpose purpose) {
        statements++;
        log.debug("{}", abbreviated(sql));
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException e) {
            throw failure(e, sql, purpose);
        } catch (java.io.IOException e) {
            throw new SeedException(SeedException.Code.DATABASE, "The export failed while " + purpose.doing()
                    + ": " + e.getMessage() + ". Check the connection and the disk, then export again.", e);
        }
    }

    /** Runs a query and hands each row to {@code reader}; {@code rowsRead} counts them. */
    void query(String sql, Purpose purpose, RowReader reader) {
        run(sql, purpose, statement -> {
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    rowsRead++;
                    reader.read(rs);
                }
            }
            return true;
        });
    }

    /** The statements sent so far. */
    int statements() {
        return statements;
    }

    /** The rows queries returned so far. */
    long rowsRead() {
        return rowsRead;
    }

    private void run(String sql, Purpose purpose, StatementWork work) {
        statements++;
        log.debug("{}", abbreviated(sql));
        try (Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw failure(e, sql, purpose);
        }
    }

    private static SeedException failure(SQLException e, String sql, Purpose purpose) {
        return new SeedException(purpose.code(), "The export failed while " + purpose.doing() + ": "
                + e.getMessage() + ". " + purpose.hint() + " (SQL: " + abbreviated(sql) + ")", e);
    }

    private static String abbreviated(String sql) {
        return sql.length() <= LOGGED_SQL ? sql : sql.substring(0, LOGGED_SQL) + "... (" + sql.length() + " chars)";
    }

    /** One row of a closure round: which branch (foreign key) found it, and the row. */
    record BranchRow(int branch, RowId row) {
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Work with a statement. */
    @FunctionalInterface
    private interface StatementWork {
        boolean run(Statement statement) throws SQLException;
    }
}
