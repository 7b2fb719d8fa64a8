package dev.seedkit.core.importer;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.internal.TableFileSizes;
import dev.seedkit.core.schema.TableName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL the import sends around its merges: preparing the transaction, recording applied snapshots, emptying
 * tables, staging files and probing keys, marking the rows a table subset needs. Merges themselves are in
 * {@link MergeSql}. Every identifier is quoted; values never become SQL literals (they travel by COPY or as
 * parameters).
 */
final class ImportSql {

    /** Advisory lock key shared by every Seedkit importer: "seedkit" as a number. */
    static final long LOCK_KEY = 0x5EED_0000_0000_0001L;

    private ImportSql() {
    }

    /**
     * Sets the lock timeout, waits for the import lock (released when the transaction ends), and creates the
     * {@code seedkit} schema and its record table where they are missing. Checking first means that a role may
     * import without CREATE on the database once the schema exists (CREATE SCHEMA IF NOT EXISTS would need it
     * anyway).
     */
    static String prepare(Duration lockTimeout) {
        return "SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'; SELECT pg_advisory_xact_lock("
                + LOCK_KEY + "); DO $seedkit$ BEGIN"
                + " IF to_regnamespace('seedkit') IS NULL THEN CREATE SCHEMA seedkit; END IF;"
                + " IF to_regclass('seedkit.applied_snapshots') IS NULL THEN CREATE TABLE seedkit.applied_snapshots ("
                + " snapshot_id text NOT NULL, fixture_version text NOT NULL, mode text NOT NULL,"
                + " tables text[] NOT NULL, rows_inserted bigint NOT NULL,"
                + " applied_at timestamptz NOT NULL DEFAULT now()); END IF; END $seedkit$";
    }

    static final String APPLIED = "SELECT 1 FROM seedkit.applied_snapshots WHERE snapshot_id = ? AND mode = ?"
            + " AND tables = ?";

    static final String RECORD = "INSERT INTO seedkit.applied_snapshots (snapshot_id, fixture_version, mode, tables,"
            + " rows_inserted) VALUES (?, ?, ?, ?, ?)";

    /** Foreign-key triggers off for this transaction; the savepoint lets a role that may not do so go on. */
    static final String TRIGGERS_OFF = "SAVEPOINT seedkit_replica; SET LOCAL session_replication_role = replica;"
            + " RELEASE SAVEPOINT seedkit_replica";

    static final String TRIGGERS_STAY_ON = "ROLLBACK TO SAVEPOINT seedkit_replica; RELEASE SAVEPOINT seedkit_replica";

    /** Checks now what was deferred to the commit, so that nothing can fail after the sequences moved. */
    static final String CHECK_DEFERRED = "SET CONSTRAINTS ALL IMMEDIATE";

    static String deferConstraints(List<String> quotedNames) {
        return "SET CONSTRAINTS " + String.join(", ", quotedNames) + " DEFERRED";
    }

    /**
     * Whether a row of {@link TableFileSizes#SQL} shows a table without rows: its files hold no page at all. A
     * table with inheritance children is left to {@link #emptyTables}, which counts their rows as its own.
     */
    static boolean withoutPages(ResultSet sizes) throws SQLException {
        return TableFileSizes.heapBytes(sizes) == 0 && !TableFileSizes.hasInheritanceChildren(sizes);
    }

    /** The indexes (into {@code tables}) of the tables that hold no rows, in one query. */
    static String emptyTables(List<TableName> tables) {
        return IntStream.range(0, tables.size()).mapToObj(i -> "SELECT " + i + " WHERE NOT EXISTS (SELECT 1 FROM "
                + tables.get(i).qualified() + ")").collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * For each foreign key (by index): how many rows of its child reference a row of its parent. REPLACE asks this
     * about references from tables it does not replace into tables it does.
     */
    static String referencingRows(List<ForeignKey> foreignKeys) {
        return IntStream.range(0, foreignKeys.size()).mapToObj(i -> {
            ForeignKey fk = foreignKeys.get(i);
            return "SELECT " + i + ", count(*) FROM " + fk.child().qualified() + " c WHERE EXISTS (SELECT 1 FROM "
                    + fk.parent().qualified() + " p WHERE " + match("c.", fk.childColumns(), "p.", fk.parentColumns())
                    + ")";
        }).collect(Collectors.joining(" UNION ALL "));
    }

    /** Empties tables: TRUNCATE where every referencing table goes too, DELETE (children first) for the rest. */
    static String empty(Collection<TableName> truncated, List<TableName> deletedChildrenFirst) {
        String deletes = deletedChildrenFirst.stream().map(t -> "DELETE FROM " + t.qualified())
                .collect(Collectors.joining("; "));
        String truncate = truncated.isEmpty() ? "" : "TRUNCATE " + truncated.stream().map(TableName::qualified)
                .collect(Collectors.joining(", "));
        return deletes.isEmpty() ? truncate : truncate.isEmpty() ? deletes : deletes + "; " + truncate;
    }

    /**
     * A new temporary table {@code stage}, dropped at commit, with the file's row number and columns, typed like
     * the table; with {@code needed}, also the flag marking the rows a table subset needs, set for every row
     * ({@code true}) or for none; and where {@link Stage#marksInserted}, the flag for the rows the merge inserts.
     */
    static String createStage(String stage, TableLoad load, Optional<Boolean> needed) {
        List<String> flags = new ArrayList<>();
        needed.ifPresent(all -> flags.add("ADD COLUMN " + Stage.NEEDED + " boolean NOT NULL DEFAULT " + all));
        if (Stage.marksInserted(load)) {
            flags.add("ADD COLUMN " + Stage.INSERTED + " boolean NOT NULL DEFAULT false");
        }
        return "CREATE TEMP TABLE " + stage + " ON COMMIT DROP AS SELECT 0::bigint AS " + Stage.ROW_NUMBER
                + columnsAfterRowNumber(load.entry().columnNames()) + " FROM " + load.name().qualified()
                + " WITH NO DATA" + (flags.isEmpty() ? "" : "; ALTER TABLE " + stage + " " + String.join(", ", flags));
    }

    /** COPY of numbered lines into a stage (or key stage) with these columns after the row number. */
    static String copyNumbered(String stage, List<String> columns) {
        return "COPY " + stage + " (" + Stage.ROW_NUMBER + columnsAfterRowNumber(columns) + ") FROM STDIN";
    }

    /** A key stage: the file's row number and the key's columns, typed like the table's. */
    static String createKeyStage(String stage, TableLoad load) {
        return "CREATE TEMP TABLE " + stage + " ON COMMIT DROP AS SELECT 0::bigint AS " + Stage.ROW_NUMBER
                + columnsAfterRowNumber(load.keyColumns()) + " FROM " + load.name().qualified() + " WITH NO DATA";
    }

    /**
     * One row if {@code stage} holds some key twice, none if every key is there once (keys with a NULL are never
     * equal). Only counts per key, the cheapest complete check; {@link #firstDuplicateKey} then says where.
     */
    static String anyDuplicateKey(String stage, List<String> key) {
        return "SELECT 1 FROM " + stage + " WHERE " + notNull(key) + " GROUP BY " + list("", key)
                + " HAVING count(*) > 1 LIMIT 1";
    }

    /**
     * The first key that {@code stage} holds twice, in file order: its first and last row number and its values
     * as text. Returns no row when every key is there once.
     */
    static String firstDuplicateKey(String stage, List<String> key) {
        return "SELECT min(" + Stage.ROW_NUMBER + "), max(" + Stage.ROW_NUMBER + "), " + textArray("", key)
                + " FROM " + stage + " WHERE " + notNull(key) + " GROUP BY " + list("", key)
                + " HAVING count(*) > 1 ORDER BY 1 LIMIT 1";
    }

    private static String notNull(List<String> key) {
        return key.stream().map(c -> Identifiers.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
    }

    /** The row numbers of a key stage whose key the table lacks; no ANALYZE: a fresh table is sized by its pages. */
    static String missingKeys(String keyStage, TableLoad load) {
        return "SELECT k." + Stage.ROW_NUMBER + " FROM " + keyStage + " k WHERE NOT EXISTS (SELECT 1 FROM "
                + load.name().qualified() + " t WHERE " + match("t.", load.keyColumns(), "k.", load.keyColumns())
                + ")";
    }

    static String drop(String stage) {
        return "DROP TABLE " + stage;
    }

    /** Marks the rows of {@code parent}'s stage that a needed row of {@code child}'s stage references through fk. */
    static String markNeeded(ForeignKey fk, String parentStage, String childStage) {
        return "UPDATE " + parentStage + " p SET " + Stage.NEEDED + " = true WHERE NOT p." + Stage.NEEDED
                + " AND EXISTS (SELECT 1 FROM " + childStage + " c WHERE c." + Stage.NEEDED + " AND "
                + match("c.", fk.childColumns(), "p.", fk.parentColumns()) + ")";
    }

    static String countNeeded(String stage) {
        return "SELECT count(*) FROM " + stage + " WHERE " + Stage.NEEDED;
    }

    /** {@code a.x = b.y AND ...} for matching column lists. */
    static String match(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        return IntStream.range(0, leftColumns.size()).mapToObj(i -> left + Identifiers.quote(leftColumns.get(i))
                + " = " + right + Identifiers.quote(rightColumns.get(i))).collect(Collectors.joining(" AND "));
    }

    /** {@code prefix"a", prefix"b"}. */
    static String list(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c)).collect(Collectors.joining(", "));
    }

    /**
     * The columns' values as PostgreSQL prints them (the type's output function, as in COPY and in error details),
     * as a {@code text[]} (NULL stays NULL).
     */
    static String textArray(String prefix, List<String> columns) {
        return "ARRAY[" + columns.stream().map(c -> prefix + Identifiers.quote(c))
                .map(c -> "CASE WHEN " + c + " IS NOT NULL THEN format('%s', " + c + ") END")
                .collect(Collectors.joining(", ")) + "]::text[]";
    }

    private static String columnsAfterRowNumber(List<String> columns) {
        return columns.isEmpty() ? "" : ", " + list("", columns);
    }
}
