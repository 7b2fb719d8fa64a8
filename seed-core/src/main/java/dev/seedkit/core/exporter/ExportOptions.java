package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.VirtualForeignKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a {@link SnapshotExporter.Builder} was told, with names already parsed; checked against the schema
 * only when an export reads it (see {@link ExportScope}), with {@code names} naming the options in its messages.
 * Immutable.
 */
record ExportOptions(int defaultLimit, Map<TableName, Integer> limits, Map<TableName, String> filters,
        List<String> schemas, Set<TableName> includedTables, Set<TableName> excludedTables,
        Set<ColumnRef> excludedColumns, List<VirtualForeignKey> virtualForeignKeys, Map<ColumnRef, Masking> masks,
        String maskingSecret, String fixtureVersion, Clock clock, ExportOption.Names names) {

    ExportOptions {
        limits = Map.copyOf(limits);
        filters = Map.copyOf(filters);
        schemas = List.copyOf(schemas);
        includedTables = Set.copyOf(includedTables);
        excludedTables = Set.copyOf(excludedTables);
        excludedColumns = Set.copyOf(excludedColumns);
        virtualForeignKeys = List.copyOf(virtualForeignKeys);
        masks = Map.copyOf(masks);
    }

    /** The limit for {@code table}: its own, or the default. */
    int limit(TableName table) {
        return limits.getOrDefault(table, defaultLimit);
    }

    /** How messages name {@code option}. */
    String name(ExportOption option) {
        return names.of(option);
    }

    boolean masksWithSecret() {
        return masks.values().stream().anyMatch(Masking::usesSecret);
    }
}
