package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.MigrationHistory;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which snapshot tables an import loads: all of them, or the requested ones plus every ancestor they need through
 * foreign keys (whose rows are then filtered to those some loaded row references). A migration tool's history table
 * in the snapshot ({@link MigrationHistory}; older exports included them) is never loaded: the target's own history
 * describes its schema.
 *
 * @param requested tables loaded with all their rows
 * @param ancestors tables loaded only with the rows the requested tables (transitively) reference
 * @param entries   manifest entries of both, by table
 */
record TableSelection(Set<TableName> requested, Set<TableName> ancestors,
                      Map<TableName, SnapshotManifest.Table> entries) {

    static TableSelection of(SnapshotManifest manifest, Schema schema, List<String> requestedNames) {
        Map<TableName, SnapshotManifest.Table> all = new LinkedHashMap<>();
        manifest.tables().stream().filter(t -> !MigrationHistory.isHistory(t.name(), t.columnNames()))
                .forEach(t -> all.put(TableName.of(t.schema(), t.name()), t));
        if (requestedNames.isEmpty()) {
            return new TableSelection(all.keySet(), Set.of(), all);
        }
        Set<TableName> requested = new LinkedHashSet<>();
        for (String name : requestedNames) {
            requested.add(resolve(name, all));
        }
        Set<TableName> ancestors = new LinkedHashSet<>();
        Deque<TableName> queue = new ArrayDeque<>(requested);
        while (!queue.isEmpty()) {
            for (ForeignKey fk : schema.outgoing(queue.pop())) {
                TableName parent = fk.parent();
                if (all.containsKey(parent) && !requested.contains(parent) && ancestors.add(parent)) {
                    queue.add(parent);
                }
            }
        }
        Map<TableName, SnapshotManifest.Table> entries = new LinkedHashMap<>();
        all.forEach((name, entry) -> {
            if (requested.contains(name) || ancestors.contains(name)) {
                entries.put(name, entry);
            }
        });
        return new TableSelection(requested, ancestors, entries);
    }

    boolean subset() {
        return !ancestors.isEmpty() || requested.size() < entries.size();
    }

    /** Resolves {@code schema.table} or a bare table name (which must be unambiguous) against the snapshot. */
    static TableName resolve(String name, SnapshotManifest manifest) {
        Map<TableName, SnapshotManifest.Table> all = new LinkedHashMap<>();
        manifest.tables().forEach(t -> all.put(TableName.of(t.schema(), t.name()), t));
        return resolve(name, all);
    }

    private static TableName resolve(String name, Map<TableName, SnapshotManifest.Table> all) {
        List<TableName> matches = all.keySet().stream()
                .filter(t -> name.equals(t.schema() + "." + t.name()) || name.equals(t.name())).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = all.keySet().stream().map(TableName::toString).sorted().toList().toString();
        throw new SeedException(SeedException.Code.CONFIGURATION, matches.isEmpty()
                ? "Table '" + name + "' is not in the snapshot. Tables in the snapshot: " + known
                : "Table name '" + name + "' is ambiguous: it matches " + matches + ". Qualify it with its schema.");
    }
}
