package dev.seedkit.core.exporter;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.ExportQueries.Purpose;
import dev.seedkit.core.schema.UniqueKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks, before any file is written, that masked columns leave every unique key of the chosen rows unique. A
 * masking that gives two rows the same value (a constant {@code sql:} expression, one that keeps only a prefix)
 * would write a snapshot that no database with that key can import, so the export is refused instead, naming the
 * table, the column, the key and the option to change. One query per unique key that holds a masked column.
 */
final class MaskedKeys {

    private final ExportScope scope;
    private final SubsetSelector selection;
    private final ExportQueries queries;

    MaskedKeys(ExportScope scope, SubsetSelector selection, ExportQueries queries) {
        this.scope = scope;
        this.selection = selection;
        this.queries = queries;
    }

    /** @throws SeedException {@link SeedException.Code#CONFIGURATION} for the first key the maskings break */
    void requireDistinct() {
        for (TableScope table : scope.tables()) {
            for (UniqueKey key : table.table().keys()) {
                List<String> masked = key.columns().stream().filter(table.masks()::containsKey).toList();
                boolean stored = key.columns().stream().allMatch(c -> table.storedColumns().stream()
                        .anyMatch(s -> s.name().equals(c)));
                if (!masked.isEmpty() && stored && (!selection.rows(table.name()).counted()
                        || selection.rows(table.name()).size() > 1)) {
                    check(table, key, masked);
                }
            }
        }
    }

    private void check(TableScope table, UniqueKey key, List<String> masked) {
        long[] shared = new long[2];
        queries.query(SubsetSql.sharedKeyValues(scope, table, key.columns()),
                Purpose.database("checking that the maskings keep unique key " + key.name() + " of " + table.name()
                        + " unique"), rs -> {
                    shared[0] = rs.getLong(1);
                    shared[1] = rs.getLong(2);
                });
        if (shared[0] > 0) {
            throw new SeedException(SeedException.Code.CONFIGURATION, message(table, key, masked, shared[1]));
        }
    }

    private String message(TableScope table, UniqueKey key, List<String> masked, long rows) {
        String maskings = masked.stream().map(c -> new ColumnRef(table.name(), c) + " with "
                + table.masks().get(c).describe(scope.names())).collect(Collectors.joining(" and "));
        return "Masking " + maskings + " makes " + rows + " of the " + selection.rows(table.name()).size()
                + " exported rows of " + table.name() + " share their value of unique key " + key.name() + " "
                + key.columns() + ", so the snapshot could never be imported; nothing was written. Change the "
                + "masking (" + scope.name(ExportOption.MASK) + ") to one that keeps values distinct: "
                + scope.name(ExportOption.MASKING_EMAIL) + ", " + scope.name(ExportOption.MASKING_NAME) + " or "
                + scope.name(ExportOption.MASKING_TEXT) + " (pseudonyms keyed with the masking secret), or "
                + scope.name(ExportOption.MASKING_SQL) + " with an expression of {column} that differs per row.";
    }
}
