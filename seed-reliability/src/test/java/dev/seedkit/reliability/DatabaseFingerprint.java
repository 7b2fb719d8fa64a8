package dev.seedkit.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a database holds, computed with SQL, to compare before and after a failed command: the user schemas, per
 * table its row count and the MD5 of its rows in a fixed order, and per sequence {@code last_value} and
 * {@code is_called}. Two equal fingerprints mean nothing was added, removed, changed or moved, sequences included.
 *
 * @param schemas   the user schemas, sorted
 * @param tables    {@code schema.table} to {@code rows:md5}, for every ordinary table (partitions on their own)
 * @param sequences {@code schema.sequence} to {@code last_value/is_called}
 */
record DatabaseFingerprint(List<String> schemas, SortedMap<String, String> tables,
        SortedMap<String, String> sequences) {

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    /** The fingerprint of the database {@code connection} is connected to. */
    static DatabaseFingerprint of(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        query(connection, "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMAS
                + " ORDER BY 1", rs -> schemas.add(rs.getString(1)));
        SortedMap<String, String> tables = new TreeMap<>();
        for (String table : relations(connection, "r")) {
            query(connection, "SELECT count(*) || ':' || md5(COALESCE(string_agg(x, E'\\n' ORDER BY x COLLATE \"C\"),"
                    + " '')) FROM (SELECT t::text AS x FROM ONLY " + table + " t) q",
                    rs -> tables.put(table, rs.getString(1)));
        }
        SortedMap<String, String> sequences = new TreeMap<>();
        for (String sequence : relations(connection, "S")) {
            query(connection, "SELECT last_value || '/' || is_called FROM " + sequence,
                    rs -> sequences.put(sequence, rs.getString(1)));
        }
        return new DatabaseFingerprint(List.copyOf(schemas), tables, sequences);
    }

    /** The quoted names of the user relations of {@code kind} ({@code r} tables, {@code S} sequences). */
    private static List<String> relations(Connection connection, String kind) throws SQLException {
        List<String> names = new ArrayList<>();
        query(connection, "SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = '" + kind + "' AND " + USER_SCHEMAS + " ORDER BY 1",
                rs -> names.add(rs.getString(1)));
        return names;
    }

    private static void query(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
