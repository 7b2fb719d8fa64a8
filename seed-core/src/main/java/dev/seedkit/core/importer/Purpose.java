package dev.seedkit.core.importer;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.List;
import java.util.Optional;

/**
 * What a statement of the import is for, so that its failure can say so: e.g. "merging the staged rows into
 * t.items", the kind of step (which decides how a database error is explained), the tables it touches (named in
 * lock timeouts, matched against constraint errors), and the privileges it needs.
 *
 * @param kind  the kind of step
 * @param doing what the statement does, completing "while ..."
 * @param loads the tables the statement works on; empty for statements on none
 * @param needs the privileges the importing role needs for it, e.g. "INSERT on t.items"; empty if none worth naming
 */
record Purpose(Kind kind, String doing, List<TableLoad> loads, String needs) {

    /** The kinds of step, in the order an import takes them. */
    enum Kind {
        /** Session settings, the import lock, creating {@code seedkit.applied_snapshots}. */
        PREPARE,
        /** Reading or writing {@code seedkit.applied_snapshots}. */
        RECORD,
        /** Emptying, staging, probing, merging: statements on a table's rows. */
        LOAD,
        /** Streaming a snapshot file into a table or stage with COPY: a value the type rejects is the file's. */
        COPY,
        /** Checking what was loaded: orphans, deferred foreign keys, verification. */
        CHECK,
        /** Moving sequences past the loaded keys. */
        SEQUENCES,
        /** Committing the import's transaction. */
        COMMIT
    }

    Purpose {
        loads = List.copyOf(loads);
    }

    static Purpose of(Kind kind, String doing, String needs) {
        return new Purpose(kind, doing, List.of(), needs);
    }

    static Purpose on(TableLoad load, Kind kind, String doing, String needs) {
        return new Purpose(kind, doing, List.of(load), needs);
    }

    /** The one table this statement is about, if it is about one. */
    Optional<TableLoad> load() {
        return loads.size() == 1 ? Optional.of(loads.get(0)) : Optional.empty();
    }

    /** The snapshot file this statement reads or loads from, if it is about one table. */
    Optional<SnapshotManifest.Table> file() {
        return load().map(TableLoad::entry);
    }

    List<TableName> tables() {
        return loads.stream().map(TableLoad::name).toList();
    }

    /** The table called {@code schema.table} among {@link #loads()}; any single one when the schema is unknown. */
    Optional<TableLoad> load(String schema, String table) {
        List<TableLoad> matches = loads.stream().filter(l -> l.name().name().equals(table)
                && (schema == null || l.name().schema().equals(schema))).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
