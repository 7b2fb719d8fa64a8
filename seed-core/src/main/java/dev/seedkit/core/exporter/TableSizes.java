package dev.seedkit.core.exporter;

import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.schema.TableName;
import java.util.HashMap;
import java.util.Map;

/**
 * What the catalog tells of the exported tables' files, read in one query before any row is: the bytes of each
 * table's heap and of its TOAST (a partitioned table's are its partitions'). The selection takes a table whose heap
 * cannot hold more rows than its limit as whole without counting it; the writing reads small tables in batches.
 */
final class TableSizes {

    /** The least bytes a row takes in a heap: a tuple header of 23 bytes aligned to 24, and a 4-byte line pointer. */
    static final long LEAST_ROW_BYTES = 28;

    private static final String SQL = "SELECT t.i, sum(pg_catalog.pg_relation_size(c.oid)), sum(CASE WHEN"
            + " c.reltoastrelid = 0 THEN 0 ELSE pg_catalog.pg_relation_size(c.reltoastrelid) END)"
            + " FROM pg_catalog.unnest(?::text[]) WITH ORDINALITY AS t(name, i)"
            + " CROSS JOIN LATERAL (SELECT p.relid FROM pg_catalog.pg_partition_tree(pg_catalog.to_regclass(t.name))"
            + " p WHERE p.isleaf UNION ALL SELECT pg_catalog.to_regclass(t.name)) leaf(relid)"
            + " JOIN pg_catalog.pg_class c ON c.oid = leaf.relid GROUP BY t.i";

    private final Map<TableName, long[]> bytes = new HashMap<>();

    private TableSizes() {
    }

    static TableSizes read(ExportScope scope, ExportQueries queries) {
        TableSizes sizes = new TableSizes();
        var tables = scope.tables().stream().map(TableScope::name).toList();
        if (!tables.isEmpty()) {
            queries.catalogQuery(SQL, tables.stream().map(TableName::qualified).toList(),
                    Purpose.database("reading the sizes of the tables' files"), rs -> sizes.bytes.put(
                            tables.get(rs.getInt(1) - 1), new long[] {rs.getLong(2), rs.getLong(3)}));
        }
        return sizes;
    }

    /**
     * The most rows {@code table} can hold: its heap's bytes by {@link #LEAST_ROW_BYTES}. The heap holds every page
     * a row visible to the export's snapshot is on, so this bounds the rows without reading them; unknown: no bound.
     */
    long mostRows(TableName table) {
        long[] sizes = bytes.get(table);
        return sizes == null ? Long.MAX_VALUE : sizes[0] / LEAST_ROW_BYTES;
    }

    /** The bytes {@code table}'s rows take on disk, heap and TOAST; unknown: {@link Long#MAX_VALUE}. */
    long bytes(TableName table) {
        long[] sizes = bytes.get(table);
        return sizes == null ? Long.MAX_VALUE : sizes[0] + sizes[1];
    }
}
