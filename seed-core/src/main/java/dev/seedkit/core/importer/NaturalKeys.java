package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The natural key of each loaded table an import matches rows by: declared in the snapshot's manifest, then by
 * {@link SnapshotImporter.Builder#naturalKey}, which wins (and with no columns switches the manifest's off). Each
 * is checked against the database and the file before anything is written; a key never is guessed, but a
 * mistaken one is answered with the table's unique keys to choose from. A natural key equal to the key rows are
 * matched by anyway changes nothing and is dropped.
 */
final class NaturalKeys {

    private NaturalKeys() {
    }

    /** The natural keys of the loaded tables, by table; empty when none is declared (the plain path). */
    static Map<TableName, List<String>> resolve(SnapshotImporter options, SnapshotManifest manifest,
            List<TableLoad> loads) {
        Map<TableName, TableLoad> loaded = new LinkedHashMap<>();
        loads.forEach(load -> loaded.put(load.name(), load));
        Map<TableName, List<String>> declared = new LinkedHashMap<>();
        for (SnapshotManifest.Table entry : manifest.tables()) {
            if (!entry.naturalKey().isEmpty()) {
                declared.put(TableName.of(entry.schema(), entry.name()), entry.naturalKey());
            }
        }
        options.naturalKeys().forEach((table, columns) -> declared.put(inSnapshot(table, manifest, options), columns));
        Map<TableName, List<String>> keys = new LinkedHashMap<>();
        declared.forEach((table, columns) -> {
            TableLoad load = loaded.get(table);
            if (load != null && !columns.isEmpty() && !sameColumns(columns, load.keyColumns())) {
                keys.put(table, check(load, columns, options.names()));
            }
        });
        return keys;
    }

    private static TableName inSnapshot(String table, SnapshotManifest manifest, SnapshotImporter options) {
        try {
            return TableSelection.resolve(table, manifest);
        } catch (SeedException e) {
            throw new SeedException(e.code(), "Cannot match rows by the natural key declared with "
                    + options.names().of(ImportOption.NATURAL_KEY, declaration(table,
                            options.naturalKeys().get(table))) + ": " + e.getMessage(), e);
        }
    }

    /** Every column in the table and in its file, and a key to write matched rows by. */
    private static List<String> check(TableLoad load, List<String> columns, ImportOption.Names names) {
        Table table = load.table();
        List<String> missing = columns.stream().filter(c -> table.column(c).isEmpty()
                || !load.entry().columnNames().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "The natural key " + columns + " of "
                    + load.name() + " names " + (missing.size() == 1 ? "column " : "columns ")
                    + String.join(", ", missing) + ", which " + load.name() + " does not have in both the database "
                    + "and the snapshot file " + load.entry().file() + ". " + offer(load, names));
        }
        if (load.key().isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Table " + load.name() + " has a natural "
                    + "key " + columns + " but no primary or unique key to write matched rows by, so its rows "
                    + "cannot be matched. Give the table a primary key, or drop its natural key.");
        }
        return List.copyOf(columns);
    }

    /** The table's unique keys (other than its key) as declarations to choose from, never chosen for the user. */
    static String offer(TableLoad load, ImportOption.Names names) {
        List<String> offers = new ArrayList<>();
        for (UniqueKey key : load.table().keys()) {
            if (key.kind() != UniqueKey.Kind.PRIMARY_KEY && load.entry().columnNames().containsAll(key.columns())) {
                offers.add(names.of(ImportOption.NATURAL_KEY, declaration(load.name().toString(), key.columns()))
                        + " (" + key.name() + ")");
            }
        }
        return offers.isEmpty() ? "The table has no unique key besides its primary key to offer; name columns "
                + "that identify a row in both databases, from " + load.entry().columnNames() + "."
                : "Its unique keys: " + String.join("; ", offers) + ".";
    }

    static List<String> declaration(String table, List<String> columns) {
        List<String> arguments = new ArrayList<>(List.of(table));
        arguments.addAll(columns);
        return arguments;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && Set.copyOf(a).equals(Set.copyOf(b));
    }
}
