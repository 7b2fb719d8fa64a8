package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Natural-key matching for one import. Before any row is written, each table with a natural key gets a
 * {@link KeyMap} built from its stage in one round trip (dependencies first, when a natural key holds a reference
 * to another such table); then, as each loaded table's turn comes, its stage is rewritten in one more round trip:
 * references to mapped tables take the keys the referenced rows have in the database, and a mapped table's own key
 * too. The rewritten stage then merges like any other ({@link TableLoader}), so matched rows are skipped (or, in
 * UPSERT, updated where they differ) and the rest inserted. Tables that neither have a natural key nor reference
 * one load exactly as without natural keys.
 */
final class KeyMaps {

    private final ImportStatements statements;
    private final TableLoader loader;
    private final boolean freshIds;
    private final Map<TableName, KeyMap> maps;
    private final Map<TableName, List<KeyMap.Reference>> references;
    private final Map<TableName, long[]> counts = new HashMap<>();
    private final Set<TableName> changed = new HashSet<>();

    private KeyMaps(ImportStatements statements, TableLoader loader, boolean freshIds, Map<TableName, KeyMap> maps,
            Map<TableName, List<KeyMap.Reference>> references) {
        this.statements = statements;
        this.loader = loader;
        this.freshIds = freshIds;
        this.maps = maps;
        this.references = references;
    }

    /** The matching for {@code natural} keys of {@code loads}; checks that every reference can be rewritten. */
    static KeyMaps plan(Map<TableName, List<String>> natural, List<TableLoad> loads, Schema schema,
            ImportStatements statements, TableLoader loader, boolean freshIds) {
        Map<TableName, KeyMap> maps = new LinkedHashMap<>();
        for (TableLoad load : loads) {
            List<String> columns = natural.get(load.name());
            if (columns != null) {
                maps.put(load.name(), new KeyMap("seedkit_map_" + (maps.size() + 1), load, columns,
                        sequence(load)));
            }
        }
        Map<TableName, List<KeyMap.Reference>> references = new HashMap<>();
        for (TableLoad load : loads) {
            references.put(load.name(), referencesOf(load, schema, maps));
        }
        return new KeyMaps(statements, loader, freshIds, NaturalKeyOrder.of(maps, references), references);
    }

    /** The sequence of a one-column key, which fresh keys continue. */
    private static Optional<String> sequence(TableLoad load) {
        if (load.keyColumns().size() != 1) {
            return Optional.empty();
        }
        return load.table().column(load.keyColumns().get(0)).flatMap(SequenceReset::sequenceOf);
    }

    /** The foreign keys of {@code load} into mapped tables that hold the parent's key, with the columns to rewrite. */
    private static List<KeyMap.Reference> referencesOf(TableLoad load, Schema schema, Map<TableName, KeyMap> maps) {
        List<KeyMap.Reference> found = new ArrayList<>();
        for (ForeignKey fk : schema.outgoing(load.name())) {
            KeyMap parent = maps.get(fk.parent());
            if (fk.virtual() || parent == null || !load.entry().columnNames().containsAll(fk.childColumns())
                    || parent.key().stream().noneMatch(fk.parentColumns()::contains)) {
                continue;
            }
            if (!fk.parentColumns().containsAll(parent.key())) {
                throw new SeedException(SeedException.Code.CONFIGURATION, "Foreign key " + fk.name() + " of "
                        + load.name() + " references " + fk.parentColumns() + " of " + fk.parent() + ", part of its "
                        + "key " + parent.key() + ", so it cannot be rewritten to the rows matched by natural key "
                        + parent.naturalKey() + ". Import " + fk.parent() + " without a natural key.");
            }
            found.add(new KeyMap.Reference(fk, fk.parent(), parent.key().stream()
                    .map(k -> fk.childColumns().get(fk.parentColumns().indexOf(k))).toList()));
        }
        return found;
    }

    /** Builds every map, in dependency order, each in one round trip with its checks. */
    void build() {
        for (KeyMap map : maps.values()) {
            build(map);
        }
    }

    private void build(KeyMap map) {
        TableLoad load = map.load();
        Stage stage = loader.staged(load);
        List<KeyMap.Reference> inKey = references.get(load.name()).stream()
                .filter(r -> r.foreignKey().childColumns().stream().anyMatch(map.naturalKey()::contains)).toList();
        List<String> sql = new ArrayList<>(List.of(RemapSql.createMap(map, stage,
                new RemapSql.Translation(inKey, maps, null)), ImportSql.anyDuplicateKey(stage.name(), map.key()),
                RemapSql.sameNaturalKey(map)));
        boolean ambiguous = load.table().keys().stream().map(UniqueKey::columns)
                .noneMatch(map.naturalKey()::containsAll);
        if (ambiguous) {
            sql.add(RemapSql.matchesTwice(map));
        }
        sql.add(map.sequence().isPresent() ? RemapSql.freshKeys(map, freshIds) : RemapSql.firstTakenKey(map));
        sql.add(RemapSql.counts(map, stage));
        sql.add(RemapSql.anyKeyChanged(map));
        Found found = new Found();
        List<ImportStatements.RowReader> readers = new ArrayList<>(List.of(rs -> found.duplicateKey = true,
                rs -> found.sameNaturalKey = new long[] {rs.getLong(1), rs.getLong(2)}));
        if (ambiguous) {
            readers.add(rs -> found.matchesTwice = rs.getLong(1));
        }
        if (map.sequence().isEmpty()) {
            readers.add(rs -> found.taken = new Found.Taken(rs.getLong(1), (String[]) rs.getArray(2).getArray(),
                    (String[]) rs.getArray(3).getArray()));
        }
        readers.add(rs -> counts.put(load.name(), new long[] {rs.getLong(1), rs.getLong(2)}));
        readers.add(rs -> changed.add(load.name()));
        statements.query(String.join("; ", sql), matching(map), readers.toArray(ImportStatements.RowReader[]::new));
        new NaturalKeyErrors(statements, map, stage).requireNone(found);
    }

    /**
     * Stages {@code load}'s file if it is not staged yet, then rewrites its references to mapped tables and its own
     * key; the loader then merges that stage. Only keys that change are rewritten: a table whose references all go
     * to tables whose rows keep their keys (and whose own rows keep theirs) loads as without natural keys.
     */
    void rewrite(TableLoad load) {
        List<KeyMap.Reference> refs = references.get(load.name()).stream()
                .filter(r -> changed.contains(r.parent())).toList();
        KeyMap self = changed.contains(load.name()) ? maps.get(load.name()) : null;
        if (refs.isEmpty() && self == null) {
            return;
        }
        Stage stage = loader.staged(load);
        String rewrite = RemapSql.rewrite(stage, new RemapSql.Translation(refs, maps, self));
        if (refs.isEmpty()) {
            statements.execute(rewrite, rewriting(load));
            return;
        }
        long[] unmapped = {-1, 0};
        statements.query(RemapSql.unmappedReferences(stage, refs, maps) + "; " + rewrite, rewriting(load), rs -> {
            unmapped[0] = rs.getInt(1);
            unmapped[1] = rs.getLong(2) + 1;
        });
        if (unmapped[0] >= 0) {
            KeyMap.Reference reference = refs.get((int) unmapped[0]);
            throw new NaturalKeyErrors(statements, maps.get(reference.parent()), stage)
                    .unmappedReference(reference, unmapped[1]);
        }
    }

    /** {@code report} with the table's matched and remapped rows, if it has a natural key. */
    ImportReport.TableReport counted(ImportReport.TableReport report, TableLoad load) {
        long[] matched = counts.get(load.name());
        return matched == null ? report : report.withMatches(matched[0], matched[1]);
    }

    private static Purpose matching(KeyMap map) {
        return Purpose.on(map.load(), Kind.LOAD, "matching the rows of " + map.load().entry().file() + " to the rows "
                + "of " + map.table() + " by natural key " + map.naturalKey(), "SELECT on " + map.table()
                + " and TEMPORARY on the database");
    }

    private static Purpose rewriting(TableLoad load) {
        return Purpose.on(load, Kind.LOAD, "rewriting the references of " + load.entry().file() + " to rows matched "
                + "by natural key", "TEMPORARY on the database");
    }

    /** What the checks of a map found; null where they found nothing. */
    static final class Found {
        boolean duplicateKey;
        long[] sameNaturalKey;
        long matchesTwice = -1;
        Taken taken;

        /** An unmatched staged row, its key, and the natural key of the database row holding that key. */
        record Taken(long row, String[] key, String[] holderNaturalKey) {
            List<String> keyValues() {
                return Arrays.asList(key);
            }
        }
    }
}
