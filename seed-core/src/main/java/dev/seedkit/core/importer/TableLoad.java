package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the importer decides about one table before loading it, decided once: the database table and its
 * snapshot file, the key rows are matched by, how rows already present are treated, which foreign-key cycle
 * columns go in as NULL first, and whether only the rows a table subset needs are loaded.
 *
 * @param table       the database table
 * @param entry       its snapshot file
 * @param key         the key rows are matched by (see {@link #conflictKey}); empty if the table has none
 * @param mode        {@link ImportMode#UPSERT} to update rows already present, otherwise they are left alone (REPLACE
 *                    has emptied the tables it replaces before anything is loaded)
 * @param nulled      columns inserted as NULL and filled in once the whole cycle is in (NULL-then-UPDATE)
 * @param onlyNeeded  whether the table's stage marks the rows to load (a table subset and its ancestors)
 * @param foreignKeys the table's own foreign keys, to name in errors
 */
record TableLoad(Table table, SnapshotManifest.Table entry, Optional<UniqueKey> key, ImportMode mode,
        Set<String> nulled, boolean onlyNeeded, List<ForeignKey> foreignKeys) {

    TableLoad {
        nulled = Set.copyOf(nulled);
        foreignKeys = List.copyOf(foreignKeys);
    }

    TableName name() {
        return table.name();
    }

    /** The primary key, else a unique key usable by ON CONFLICT, whose columns are all in the file. */
    static Optional<UniqueKey> conflictKey(Table table, SnapshotManifest.Table entry) {
        return table.keys().stream()
                .filter(k -> k.conflictTarget() && entry.columnNames().containsAll(k.columns()))
                .min(Comparator.comparingInt(k -> k.kind().ordinal()));
    }

    /** The key's columns; empty when the table has no key. */
    List<String> keyColumns() {
        return key.map(UniqueKey::columns).orElse(List.of());
    }

    /** The file's columns an UPSERT sets on a row already present: neither key nor NULL-first columns. */
    List<String> updatable() {
        return entry.columnNames().stream()
                .filter(c -> key.isPresent() && !key.get().columns().contains(c) && !nulled.contains(c)).toList();
    }

    /** Whether the file fills a {@code GENERATED ALWAYS AS IDENTITY} column, which needs OVERRIDING SYSTEM VALUE. */
    boolean fillsAlwaysIdentity() {
        return table.columns().stream().anyMatch(c -> c.identity() == Column.Identity.ALWAYS
                && entry.columnNames().contains(c.name()));
    }

    /** The foreign key of this table named {@code constraint}, if any. */
    Optional<ForeignKey> foreignKey(String constraint) {
        return foreignKeys.stream().filter(fk -> !fk.virtual() && fk.name().equals(constraint)).findFirst();
    }

    @Override
    public String toString() {
        return table.name().toString();
    }
}
