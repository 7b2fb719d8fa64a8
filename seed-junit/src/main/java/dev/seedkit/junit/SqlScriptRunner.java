package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs SQL scripts statement by statement on one connection in auto-commit mode, as {@code psql} does, so that
 * statements which refuse transactions ({@code CREATE INDEX CONCURRENTLY}) work. A failure names the script, the
 * line its statement starts on, and PostgreSQL's error.
 */
final class SqlScriptRunner {

    private static final int QUOTED_STATEMENT_LENGTH = 80;

    private SqlScriptRunner() {
    }

    /** Runs {@code script}, read from {@code location}, against {@code dataSource}. */
    static void run(DataSource dataSource, String location, String script) {
        try (Connection connection = dataSource.getConnection(); Statement jdbc = connection.createStatement()) {
            for (SqlScript.Statement statement : SqlScript.split(script)) {
                execute(jdbc, location, statement);
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not run init script " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static void execute(Statement jdbc, String location, SqlScript.Statement statement) {
        try {
            jdbc.execute(statement.sql());
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Init script " + location + " failed at line "
                    + statement.line() + ": " + firstLine(e.getMessage()) + " [statement: "
                    + abbreviate(statement.sql()) + "]", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTED_STATEMENT_LENGTH ? oneLine
                : oneLine.substring(0, QUOTED_STATEMENT_LENGTH - 3) + "...";
    }
}
