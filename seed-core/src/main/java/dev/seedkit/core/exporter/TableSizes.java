package dev.seedkit.core.exporter;

import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.internal.TableFileSizes;
import dev.seedkit.core.schema.TableName;
import java.util.HashMap;
import java.util.Map;

/**
 * What the catalog tells of the exported tables' files ({@link TableFileSizes}), read in one query before any row
 * is: the bytes of each table's heap and of its TOAST (a partitioned table's are its partitions'). The selection
 * takes a table whose heap cannot hold more rows than its limit as whole without counting it; the writing reads
 * small tables in batches.
 */
final class TableSizes {

    /** The least bytes a row takes in a heap: a tuple header of 23 bytes aligned to 24, and a 4-byte line pointer. */
    static final long LEAST_ROW_BYTES = 28;

    private final Map<TableName, long[]> bytes = new HashMap<>();

    private TableSizes() {
    }

    static TableSizes read(ExportScope scope, ExportQueries queries) {
        TableSizes sizes = new TableSizes();
        var tables = scope.tables().stream().map(TableScope::name).toList();
        if (!tables.isEmpty()) {
            queries.catalogQuery(TableFileSizes.SQL, tables.stream().map(TableName::qualified).toList(),
                    Purpose.database("reading the sizes of the tables' files"), rs -> sizes.bytes.put(
                            tables.get(TableFileSizes.number(rs)),
                            new long[] {TableFileSizes.heapBytes(rs), TableFileSizes.toastBytes(rs)}));
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
