package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportSql.list;
import static dev.seedkit.core.importer.ImportSql.match;
import static dev.seedkit.core.importer.ImportSql.textArray;

import dev.seedkit.core.internal.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that moves staged rows into their table: the set-based INSERT ... SELECT ... ON CONFLICT of each mode,
 * the second step of NULL-then-UPDATE, and the queries that find which staged row a failed merge tripped over.
 * Rows are compared as text, so that columns of types without an equality operator (json, point) compare too.
 */
final class MergeSql {

    /** Finds a CHECK constraint's expression, to evaluate it on a stage; parameters: table, constraint name. */
    static final String CHECK_EXPRESSION = "SELECT pg_get_expr(conbin, conrelid) FROM pg_catalog.pg_constraint"
            + " WHERE conrelid = ?::regclass AND conname = ? AND contype = 'c'";

    private MergeSql() {
    }

    /**
     * Inserts the staged rows whose key is not present yet; the update count is the number inserted. Where the
     * stage {@linkplain Stage#marksInserted marks inserted rows}, it marks them, for {@link #fill}. Only the key is
     * the conflict target: a row whose key is new but whose value of another unique key a row of the table holds
     * fails (and {@link StageDiagnosis} names both), rather than being skipped as if it were present.
     */
    static String insertMissing(Stage stage) {
        TableLoad load = stage.load();
        String onConflict = load.key().isEmpty() ? " ON CONFLICT DO NOTHING"
                : " ON CONFLICT (" + list("", load.keyColumns()) + ") DO NOTHING";
        if (!Stage.marksInserted(load)) {
            return insert(stage) + onConflict;
        }
        return "WITH merged AS (" + insert(stage) + onConflict + " RETURNING " + list("", load.keyColumns())
                + ") UPDATE " + stage.name() + " s SET " + Stage.INSERTED + " = true FROM merged m WHERE "
                + match("s.", load.keyColumns(), "m.", load.keyColumns());
    }

    /**
     * UPSERT: inserts new rows, updates present ones that differ; returns one row, {inserted, updated}. With
     * NULL-first columns, which the merge leaves for {@link #fill}, "updated" counts every present row that
     * differs in any column, compared before the merge changes anything (all parts of one statement see the
     * same snapshot).
     */
    static String upsert(Stage stage) {
        TableLoad load = stage.load();
        List<String> updatable = load.updatable();
        String conflict = updatable.isEmpty() ? " ON CONFLICT DO NOTHING"
                : " ON CONFLICT (" + list("", load.keyColumns()) + ") DO UPDATE SET " + updatable.stream()
                        .map(c -> Identifiers.quote(c) + " = EXCLUDED." + Identifiers.quote(c))
                        .collect(Collectors.joining(", "))
                + " WHERE " + differs(updatable, load.name().qualified() + ".", "EXCLUDED.");
        String merged = "WITH merged AS (" + insert(stage) + conflict + " RETURNING (xmax = 0) AS inserted)";
        if (load.nulled().isEmpty()) {
            return merged + " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted)"
                    + " FROM merged";
        }
        List<String> compared = load.entry().columnNames().stream().filter(c -> !load.keyColumns().contains(c))
                .toList();
        return merged + ", changed AS (SELECT count(*) AS n FROM " + stage.name() + " s JOIN "
                + load.name().qualified() + " t ON " + match("t.", load.keyColumns(), "s.", load.keyColumns())
                + " WHERE " + differs(compared, "t.", "s.") + needed(load, " AND ")
                + ") SELECT count(*) FILTER (WHERE inserted), (SELECT n FROM changed) FROM merged";
    }

    /**
     * Second step of NULL-then-UPDATE: sets the NULL-first columns to the staged values, in UPSERT mode on every
     * row that differs, otherwise only on the rows the merge inserted.
     */
    static String fill(Stage stage) {
        TableLoad load = stage.load();
        List<String> nulled = nulledInFileOrder(load);
        String set = nulled.stream().map(c -> Identifiers.quote(c) + " = s." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        return "UPDATE " + load.name().qualified() + " t SET " + set + " FROM " + stage.name() + " s WHERE "
                + match("t.", load.keyColumns(), "s.", load.keyColumns()) + " AND " + differs(nulled, "t.", "s.")
                + needed(load, " AND ") + (Stage.marksInserted(load) ? " AND s." + Stage.INSERTED : "");
    }

    /** The first staged row (to be loaded) with NULL in {@code column}: {row number, key values}. */
    static String firstNull(Stage stage, String column) {
        return firstRow(stage, "s." + Identifiers.quote(column) + " IS NULL");
    }

    /** The first staged row (to be loaded) for which a CHECK {@code expression} is false: {row number, key}. */
    static String firstFailingCheck(Stage stage, String expression) {
        return firstRow(stage, "(" + expression + ") IS FALSE");
    }

    /**
     * The first staged row (to be loaded) whose values of unique key {@code unique} a row of the table with another
     * key holds: {row number, its key, the other row's key}. In INSERT_MISSING a staged row whose key is present
     * is skipped, so it cannot be the one.
     */
    static String firstHeldByAnotherRow(Stage stage, List<String> unique) {
        TableLoad load = stage.load();
        String table = load.name().qualified();
        String skipped = load.mode() == ImportMode.UPSERT ? "" : " AND NOT EXISTS (SELECT 1 FROM " + table
                + " p WHERE " + match("p.", load.keyColumns(), "s.", load.keyColumns()) + ")";
        return "SELECT s." + Stage.ROW_NUMBER + ", " + textArray("s.", load.keyColumns()) + ", "
                + textArray("t.", load.keyColumns()) + " FROM " + stage.name() + " s JOIN " + table + " t ON "
                + match("t.", unique, "s.", unique) + " WHERE ROW(" + list("t.", load.keyColumns())
                + ") IS DISTINCT FROM ROW(" + list("s.", load.keyColumns()) + ")" + skipped
                + needed(load, " AND ") + " ORDER BY 1 LIMIT 1";
    }

    /** The first two staged rows (to be loaded) holding the same values of {@code unique}: {first, second row}. */
    static String firstSharedUniqueValue(Stage stage, List<String> unique) {
        return "SELECT min(s." + Stage.ROW_NUMBER + "), max(s." + Stage.ROW_NUMBER + ") FROM " + stage.name()
                + " s WHERE " + unique.stream().map(c -> "s." + Identifiers.quote(c) + " IS NOT NULL")
                        .collect(Collectors.joining(" AND ")) + needed(stage.load(), " AND ") + " GROUP BY "
                + list("s.", unique) + " HAVING count(*) > 1 ORDER BY 1 LIMIT 1";
    }

    private static String firstRow(Stage stage, String condition) {
        return "SELECT s." + Stage.ROW_NUMBER + ", " + textArray("s.", stage.load().keyColumns()) + " FROM "
                + stage.name() + " s WHERE " + condition + needed(stage.load(), " AND ") + " ORDER BY 1 LIMIT 1";
    }

    private static String insert(Stage stage) {
        TableLoad load = stage.load();
        String select = load.entry().columnNames().stream()
                .map(c -> load.nulled().contains(c) ? "NULL" : "s." + Identifiers.quote(c))
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + load.name().qualified() + " (" + list("", load.entry().columnNames()) + ")"
                + (load.fillsAlwaysIdentity() ? " OVERRIDING SYSTEM VALUE" : "") + " SELECT " + select + " FROM "
                + stage.name() + " s" + needed(load, " WHERE ");
    }

    private static String needed(TableLoad load, String lead) {
        return load.onlyNeeded() ? lead + "s." + Stage.NEEDED : "";
    }

    private static List<String> nulledInFileOrder(TableLoad load) {
        return load.entry().columnNames().stream().filter(load.nulled()::contains).toList();
    }

    /** {@code ROW(a.x::text, ...) IS DISTINCT FROM ROW(b.x::text, ...)}. */
    private static String differs(List<String> columns, String left, String right) {
        return "ROW(" + texts(columns, left) + ") IS DISTINCT FROM ROW(" + texts(columns, right) + ")";
    }

    private static String texts(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c) + "::text").collect(Collectors.joining(", "));
    }
}
