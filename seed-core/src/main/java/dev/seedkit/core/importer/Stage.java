package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Identifiers;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A temporary table holding one snapshot file's rows, typed like the target table, dropped at commit. Rows go
 * through a stage when they must be merged with rows already present, filtered (ancestors of a table subset), or
 * loaded with some columns NULL first (foreign-key cycles).
 *
 * @param name    the temporary table's (quoted) name
 * @param entry   the snapshot table whose rows it holds
 * @param rows    how many rows it holds
 */
record Stage(String name, SnapshotManifest.Table entry, long rows) {

    /** Column marking the rows of a subset's ancestor tables that some loaded row needs. */
    static final String NEEDED = "seedkit_needed";

    /** Column of a key stage holding each row's number in its file (from 1). */
    static final String ROW_NUMBER = "seedkit_row";

    static String nameFor(int number) {
        return Identifiers.quote("seedkit_stage_" + number);
    }

    /** The stage's columns, quoted, in file order, optionally prefixed (e.g. {@code s.}). */
    String columns(String prefix) {
        return quoted(entry.columnNames(), prefix);
    }

    static String quoted(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c)).collect(Collectors.joining(", "));
    }
}
