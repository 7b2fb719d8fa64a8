package dev.seedkit.core.importer;

import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * After a lock timeout (and the import's rollback): which other sessions hold a lock on what the import waited
 * for, read from {@code pg_locks} and {@code pg_stat_activity}, so that the error can name them. A role without
 * {@code pg_read_all_stats} sees other roles' sessions without state and query; the pid is always there.
 */
final class LockHolders {

    private LockHolders() {
    }

    /** One sentence naming the holding sessions, or saying why they are not known. */
    static String describe(Connection connection, Purpose purpose) {
        List<String> holders = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query(purpose))) {
            while (rs.next()) {
                holders.add("pid " + rs.getInt(1) + " (application '" + rs.getString(2) + "', user "
                        + rs.getString(3) + ", " + rs.getString(4) + optional(", transaction started ", rs.getString(5))
                        + optional(", last query started ", rs.getString(6)) + ", holding " + rs.getString(7)
                        + optional(" on ", rs.getString(8)) + ")");
            }
        } catch (SQLException e) {
            return "The sessions holding it could not be read (" + e.getMessage() + ").";
        } finally {
            rollBackQuietly(connection);
        }
        return holders.isEmpty() ? "No other session holds it any more."
                : "Held by " + String.join("; ", holders) + ".";
    }

    private static String query(Purpose purpose) {
        String lock = purpose.kind() == Kind.PREPARE
                ? "l.locktype = 'advisory' AND l.classid = " + (ImportSql.LOCK_KEY >>> 32) + "::bigint::oid"
                        + " AND l.objid = " + (ImportSql.LOCK_KEY & 0xFFFF_FFFFL) + "::bigint::oid AND l.objsubid = 1"
                : "l.locktype = 'relation' AND l.relation = ANY (ARRAY[" + purpose.tables().stream()
                        .map(LockHolders::regclass).collect(Collectors.joining(", ")) + "]::regclass[])";
        return "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, '?'),"
                + " coalesce(a.state, 'state not visible'), a.xact_start::text, a.query_start::text, l.mode,"
                + " l.relation::regclass::text FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a"
                + " ON a.pid = l.pid WHERE l.granted AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid"
                + " FROM pg_catalog.pg_database WHERE datname = current_database()) AND " + lock
                + " ORDER BY a.pid, 8";
    }

    private static String optional(String lead, String value) {
        return value == null ? "" : lead + value;
    }

    private static String regclass(TableName table) {
        return "'" + table.qualified().replace("'", "''") + "'::regclass";
    }

    private static void rollBackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the query ran in a transaction of its own, which holds nothing
        }
    }
}
