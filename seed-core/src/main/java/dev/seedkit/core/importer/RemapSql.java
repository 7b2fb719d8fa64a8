package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportSql.list;
import static dev.seedkit.core.importer.ImportSql.match;
import static dev.seedkit.core.importer.ImportSql.textArray;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL of natural-key matching, all set-based: building a table's {@link KeyMap} from its stage with one join
 * against the database table, the checks on it, fresh keys, and rewriting a stage's references (and its own key)
 * from the maps with one UPDATE. Every statement reads the stage's snapshot values; maps are separate tables, so
 * the order in which stages are rewritten does not matter.
 */
final class RemapSql {

    private static final String ROW = Stage.ROW_NUMBER;

    private RemapSql() {
    }

    /**
     * The rewritten value of each column of a stage (aliased {@code s}) that references a mapped table, and the
     * joins that give them: a reference whose row is in the parent's map takes the parent's key in the database;
     * one with a NULL keeps its value. A column in two references takes the first one's.
     */
    static final class Translation {
        final Map<String, String> columns = new LinkedHashMap<>();
        final List<String> joins = new ArrayList<>();

        Translation(List<KeyMap.Reference> references, Map<TableName, KeyMap> maps, KeyMap self) {
            for (int r = 0; r < references.size(); r++) {
                KeyMap.Reference reference = references.get(r);
                String alias = "r" + r;
                joins.add(" LEFT JOIN " + maps.get(reference.parent()).name() + " " + alias + " ON "
                        + IntStream.range(0, reference.columns().size()).mapToObj(i -> alias + "."
                                + KeyMap.oldColumn(i) + " = s." + Identifiers.quote(reference.columns().get(i)))
                                .collect(Collectors.joining(" AND ")));
                for (int i = 0; i < reference.columns().size(); i++) {
                    columns.putIfAbsent(reference.columns().get(i), "CASE WHEN " + alias + "." + ROW + " IS NULL "
                            + "THEN s." + Identifiers.quote(reference.columns().get(i)) + " ELSE " + alias + "."
                            + KeyMap.newColumn(i) + " END");
                }
            }
            if (self != null) {
                joins.add(" JOIN " + self.name() + " self ON self." + ROW + " = s." + ROW);
                for (int i = 0; i < self.key().size(); i++) {
                    columns.put(self.key().get(i), "self." + KeyMap.newColumn(i));
                }
            }
        }

        /** The value of {@code column} for the database: rewritten, or the stage's own. */
        String value(String column) {
            return columns.getOrDefault(column, "s." + Identifiers.quote(column));
        }
    }

    /**
     * Creates the map of {@code map}'s table from its stage: each staged row with the database row of the same
     * natural key, if any (its references in the natural key rewritten first, through {@code translation}).
     */
    static String createMap(KeyMap map, Stage stage, Translation translation) {
        List<String> key = map.key();
        List<String> natural = map.naturalKey();
        Set<String> targetColumns = new LinkedHashSet<>(key);
        targetColumns.addAll(natural);
        StringBuilder select = new StringBuilder("SELECT s." + ROW + ", t.seedkit_hit IS NOT NULL AS "
                + KeyMap.MATCHED);
        for (int i = 0; i < key.size(); i++) {
            String column = Identifiers.quote(key.get(i));
            select.append(", s.").append(column).append(" AS ").append(KeyMap.oldColumn(i))
                    .append(", CASE WHEN t.seedkit_hit THEN t.").append(column).append(" ELSE s.").append(column)
                    .append(" END AS ").append(KeyMap.newColumn(i));
        }
        for (int i = 0; i < natural.size(); i++) {
            select.append(", ").append(translation.value(natural.get(i))).append(" AS ")
                    .append(KeyMap.naturalColumn(i));
        }
        String on = IntStream.range(0, natural.size()).mapToObj(i -> "t." + Identifiers.quote(natural.get(i))
                + " = " + translation.value(natural.get(i))).collect(Collectors.joining(" AND "));
        return "CREATE TEMP TABLE " + map.name() + " ON COMMIT DROP AS " + select + " FROM " + stage.name() + " s"
                + String.join("", translation.joins) + " LEFT JOIN (SELECT true AS seedkit_hit, "
                + list("", List.copyOf(targetColumns)) + " FROM " + map.table().qualified() + ") t ON " + on;
    }

    /** The first two rows (row numbers) of the file with the same natural key; none when each is there once. */
    static String sameNaturalKey(KeyMap map) {
        List<String> natural = IntStream.range(0, map.naturalKey().size()).mapToObj(KeyMap::naturalColumn).toList();
        return "SELECT min(" + ROW + "), max(" + ROW + ") FROM " + map.name() + " WHERE " + natural.stream()
                .map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND ")) + " GROUP BY "
                + String.join(", ", natural) + " HAVING count(DISTINCT " + ROW + ") > 1 ORDER BY 1 LIMIT 1";
    }

    /** The first row of the file that matches more than one row of the database: its number. */
    static String matchesTwice(KeyMap map) {
        return "SELECT " + ROW + " FROM " + map.name() + " GROUP BY " + ROW + " HAVING count(*) > 1 ORDER BY 1 LIMIT 1";
    }

    /**
     * Gives fresh keys, after the largest of the table's keys, the sequence's last value and the file's keys, to
     * the unmatched rows: all of them with {@code all}, otherwise those whose key the table holds. No
     * {@code nextval}: the keys are computed inside the transaction, and the sequence moves past them only when
     * the import commits.
     */
    static String freshKeys(KeyMap map, boolean all) {
        String key = Identifiers.quote(map.key().get(0));
        String table = map.table().qualified();
        String old = KeyMap.oldColumn(0);
        String taken = all ? "" : " AND EXISTS (SELECT 1 FROM " + table + " t WHERE t." + key + " = m." + old + ")";
        String sequence = "'" + map.sequence().orElseThrow().replace("'", "''") + "'::regclass";
        return "WITH need AS (SELECT m." + ROW + ", row_number() OVER (ORDER BY m." + ROW + ") AS n FROM "
                + map.name() + " m WHERE NOT m." + KeyMap.MATCHED + taken + "), base AS (SELECT GREATEST("
                + "pg_sequence_last_value(" + sequence + "), (SELECT max(" + key + ") FROM " + table + "), (SELECT max("
                + old + ") FROM " + map.name() + " WHERE NOT " + KeyMap.MATCHED + "), 0) AS b) UPDATE " + map.name()
                + " m SET " + KeyMap.newColumn(0) + " = base.b + need.n FROM need, base WHERE m." + ROW + " = need."
                + ROW;
    }

    /**
     * The first unmatched row whose key a row of the table holds (for tables that cannot have fresh keys): its
     * number, its key and that row's natural key.
     */
    static String firstTakenKey(KeyMap map) {
        List<String> old = IntStream.range(0, map.key().size()).mapToObj(KeyMap::oldColumn).toList();
        return "SELECT m." + ROW + ", ARRAY[" + old.stream().map(c -> "m." + c + "::text")
                .collect(Collectors.joining(", ")) + "], " + textArray("t.", map.naturalKey()) + " FROM "
                + map.name() + " m JOIN " + map.table().qualified() + " t ON " + match("t.", map.key(), "m.", old)
                + " WHERE NOT m." + KeyMap.MATCHED + " ORDER BY 1 LIMIT 1";
    }

    /** Rows matched, and rows whose key changed, among the rows the import loads. */
    static String counts(KeyMap map, Stage stage) {
        String old = IntStream.range(0, map.key().size()).mapToObj(i -> "m." + KeyMap.oldColumn(i))
                .collect(Collectors.joining(", "));
        String fresh = IntStream.range(0, map.key().size()).mapToObj(i -> "m." + KeyMap.newColumn(i))
                .collect(Collectors.joining(", "));
        String needed = stage.load().onlyNeeded() ? " JOIN " + stage.name() + " s ON s." + ROW + " = m." + ROW
                + " AND s." + Stage.NEEDED : "";
        return "SELECT count(*) FILTER (WHERE m." + KeyMap.MATCHED + "), count(*) FILTER (WHERE ROW(" + old
                + ") IS DISTINCT FROM ROW(" + fresh + ")) FROM " + map.name() + " m" + needed;
    }

    /** One row if some row of the file gets another key in the database (matched to another, or fresh). */
    static String anyKeyChanged(KeyMap map) {
        return "SELECT 1 FROM " + map.name() + " WHERE ROW(" + IntStream.range(0, map.key().size())
                .mapToObj(KeyMap::oldColumn).collect(Collectors.joining(", ")) + ") IS DISTINCT FROM ROW("
                + IntStream.range(0, map.key().size()).mapToObj(KeyMap::newColumn).collect(Collectors.joining(", "))
                + ") LIMIT 1";
    }

    /**
     * For each reference (by index) whose value in some staged row (to be loaded) is not a key of the parent's
     * file: the reference's index and the first such row's number. None when every reference can be rewritten.
     */
    static String unmappedReferences(Stage stage, List<KeyMap.Reference> references, Map<TableName, KeyMap> maps) {
        String needed = stage.load().onlyNeeded() ? " AND s." + Stage.NEEDED : "";
        return "SELECT * FROM (" + IntStream.range(0, references.size()).mapToObj(r -> {
            KeyMap.Reference reference = references.get(r);
            String present = reference.foreignKey().childColumns().stream()
                    .map(c -> "s." + Identifiers.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            String match = IntStream.range(0, reference.columns().size()).mapToObj(i -> "p." + KeyMap.oldColumn(i)
                    + " = s." + Identifiers.quote(reference.columns().get(i))).collect(Collectors.joining(" AND "));
            return "(SELECT " + r + ", s." + ROW + " FROM " + stage.name() + " s WHERE " + present + needed
                    + " AND NOT EXISTS (SELECT 1 FROM " + maps.get(reference.parent()).name() + " p WHERE " + match
                    + ") ORDER BY 2 LIMIT 1)";
        }).collect(Collectors.joining(" UNION ALL ")) + ") u ORDER BY 2 LIMIT 1";
    }

    /**
     * Rewrites the stage in one UPDATE: every reference to a mapped table, and the stage's own key when its table
     * has a map, from the stage's snapshot values (the FROM list reads them as they were before the UPDATE).
     */
    static String rewrite(Stage stage, Translation translation) {
        List<String> columns = stage.load().entry().columnNames().stream()
                .filter(translation.columns::containsKey).toList();
        String set = columns.stream().map(c -> Identifiers.quote(c) + " = x." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> translation.value(c) + " AS " + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        return "UPDATE " + stage.name() + " u SET " + set + " FROM (SELECT s." + ROW + ", " + values + " FROM "
                + stage.name() + " s" + String.join("", translation.joins) + ") x WHERE u." + ROW + " = x." + ROW
                + " AND ROW(" + list("u.", columns) + ") IS DISTINCT FROM ROW(" + list("x.", columns) + ")";
    }
}
