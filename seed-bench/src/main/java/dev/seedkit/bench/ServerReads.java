package dev.seedkit.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What PostgreSQL's cumulative statistics say one database has read: heap rows of its user tables read by
 * sequential scans and fetched through indexes ({@code pg_stat_user_tables}), index entries returned
 * ({@code pg_stat_user_indexes}), and rows returned or fetched over all tables, catalogs included
 * ({@code pg_stat_database}). Two readings around a piece of work give what it read, provided the backend that did
 * it has flushed its counters first ({@link #flushOwnCounters}).
 *
 * @param heapRows     {@code seq_tup_read + idx_tup_fetch} over the user tables
 * @param indexEntries {@code idx_tup_read} over the user indexes
 * @param scans        {@code seq_scan + idx_scan} over the user tables
 * @param allRows      {@code tup_returned + tup_fetched} of the database, catalogs included
 */
record ServerReads(long heapRows, long indexEntries, long scans, long allRows) {

    private static final String QUERY = """
            SELECT (SELECT coalesce(sum(seq_tup_read), 0) + coalesce(sum(idx_tup_fetch), 0) FROM pg_stat_user_tables),
                   (SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes),
                   (SELECT coalesce(sum(seq_scan), 0) + coalesce(sum(idx_scan), 0) FROM pg_stat_user_tables),
                   (SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database())""";

    /** The counters as they are now (a fresh snapshot of the statistics, not the transaction's cached one). */
    static ServerReads read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(QUERY)) {
                rs.next();
                return new ServerReads(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /**
     * Makes the backend behind {@code c} publish its pending counters (PostgreSQL 15+): it flushes them before it
     * answers the next statement, so they are visible to other sessions when this returns.
     */
    static void flushOwnCounters(Connection c) throws SQLException {
        Databases.queryValue(c, "SELECT pg_stat_force_next_flush()");
        Databases.queryValue(c, "SELECT 1");
    }

    ServerReads minus(ServerReads before) {
        return new ServerReads(heapRows - before.heapRows, indexEntries - before.indexEntries, scans - before.scans,
                allRows - before.allRows);
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d heap rows + %,d index entries in %,d scans of user tables; %,d rows "
                + "over all tables incl. catalogs", heapRows, indexEntries, scans, allRows);
    }
}
