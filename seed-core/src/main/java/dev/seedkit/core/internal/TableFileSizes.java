package dev.seedkit.core.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many bytes tables' rows take in their files, for many tables in one catalog query, without reading a row:
 * the export takes a table that cannot hold more rows than its limit as whole and reads small tables in batches;
 * the import tells an empty table from the catalog. A partitioned table's files are its partitions'.
 */
public final class TableFileSizes {

    /**
     * The query: its one parameter is a {@code text[]} of quoted, schema-qualified table names; one row per table
     * that exists, read with {@link #number}, {@link #heapBytes}, {@link #toastBytes}, {@link #hasInheritanceChildren}.
     */
    public static final String SQL = "SELECT t.i, sum(pg_catalog.pg_relation_size(c.oid)), sum(CASE WHEN"
            + " c.reltoastrelid = 0 THEN 0 ELSE pg_catalog.pg_relation_size(c.reltoastrelid) END),"
            + " bool_or(c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhparent = c.oid))"
            + " FROM pg_catalog.unnest(?::text[]) WITH ORDINALITY AS t(name, i)"
            + " CROSS JOIN LATERAL (SELECT p.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass(t.name))"
            + " p WHERE p.isleaf UNION ALL SELECT pg_catalog.to_regclass(t.name)) leaf(relid)"
            + " JOIN pg_catalog.pg_class c ON c.oid = leaf.relid GROUP BY t.i";

    private TableFileSizes() {
    }

    /** The table's position in the parameter, from 0. */
    public static int number(ResultSet rs) throws SQLException {
        return rs.getInt(1) - 1;
    }

    /** The bytes of the table's heap (its partitions' heaps for a partitioned table). */
    public static long heapBytes(ResultSet rs) throws SQLException {
        return rs.getLong(2);
    }

    /** The bytes of the table's TOAST (its partitions'). */
    public static long toastBytes(ResultSet rs) throws SQLException {
        return rs.getLong(3);
    }

    /**
     * Whether the table has inheritance children (not partitions), whose rows a query of the table includes but
     * its own files do not.
     */
    public static boolean hasInheritanceChildren(ResultSet rs) throws SQLException {
        return rs.getBoolean(4);
    }
}
