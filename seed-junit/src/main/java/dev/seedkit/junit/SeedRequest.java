package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import java.util.List;

/**
 * What to import into a template: the snapshot {@code location} ({@code classpath:...} or a path), the
 * {@code tables} to import with their ancestors (empty: all), the import {@code mode} (never
 * {@link ImportMode#DEFAULT}), the pinned {@code version} and {@code checksum} (empty: not pinned),
 * {@code origin}, which says where the request was declared, for messages, and the {@code naturalKeys} to match
 * rows by, as {@link SeedkitExtension#NATURAL_KEYS_PROPERTY} writes them (empty: none).
 */
record SeedRequest(String location, List<String> tables, ImportMode mode, String version, String checksum,
                   String origin, String naturalKeys) {

    SeedRequest {
        tables = List.copyOf(tables);
    }

    SeedRequest(String location, List<String> tables, ImportMode mode, String version, String checksum,
            String origin) {
        this(location, tables, mode, version, checksum, origin, "");
    }
}
