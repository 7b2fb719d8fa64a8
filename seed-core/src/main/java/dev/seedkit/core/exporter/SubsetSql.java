package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.internal.Identifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SQL the export sends: choosing a table's first rows, finding the parents of chosen rows, and writing the
 * chosen rows with COPY. Chosen rows are named by {@link RowId} and inlined as {@code ctid} arrays (COPY takes no
 * parameters, and the transaction is read-only, so there is nowhere else to keep them); the database compares the
 * keys itself, with its own operators, so key types never pass through Java. Every identifier is quoted.
 */
final class SubsetSql {

    private SubsetSql() {
    }

    /**
     * The first rows of {@code table}: matching its filter, and for each foreign key in {@code strict}, with a NULL
     * in it or pointing at a row chosen in its parent ({@code chosen}); in the table's order, at most its limit.
     */
    static String firstRows(TableScope table, List<ForeignKey> strict, Map<ForeignKey, ParentRows> chosen) {
        String self = table.name().qualified() + ".";
        List<String> conditions = new ArrayList<>();
        table.filter().ifPresent(filter -> conditions.add("(\n" + filter + "\n)"));
        for (ForeignKey fk : strict) {
            conditions.add(pointsAtChosen(table, fk, chosen.get(fk)));
        }
        return "SELECT " + self + "tableoid, " + self + "ctid FROM " + table.from("")
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + orderBy(table)
                + " LIMIT " + table.limit();
    }

    /**
     * {@code fk} of a row of {@code table} is NULL somewhere (only tested for nullable columns) or points at one of
     * {@code parent}'s chosen rows. A single-column key is compared with {@code = ANY (ARRAY(...))} rather than
     * {@code IN (...)}: the same rows, but PostgreSQL can then answer it from an index on the foreign-key column
     * instead of walking the table in key order until enough rows match, which on a large table with few matches
     * reads most of it.
     */
    private static String pointsAtChosen(TableScope table, ForeignKey fk, ParentRows parent) {
        String self = table.name().qualified() + ".";
        List<String> anyNull = fk.childColumns().stream()
                .filter(c -> table.table().column(c).map(column -> column.nullable()).orElse(true))
                .map(c -> self + Identifiers.quote(c) + " IS NULL").toList();
        String parents = "SELECT " + list("p.", fk.parentColumns()) + " FROM " + parent.table().from("p") + " WHERE "
                + rowsIn("p.", parent.table(), parent.rows());
        String points = fk.childColumns().size() == 1
                ? self + Identifiers.quote(fk.childColumns().get(0)) + " = ANY (ARRAY(" + parents + "))"
                : row(self, fk.childColumns()) + " IN (" + parents + ")";
        return anyNull.isEmpty() ? "(" + points + ")" : "(" + String.join(" OR ", anyNull) + " OR " + points + ")";
    }

    /** Whether {@code table} has any row at all. */
    static String anyRow(TableScope table) {
        return "SELECT EXISTS (SELECT 1 FROM " + table.from("") + ")";
    }

    /**
     * One branch of a closure round: the rows of {@code parent} (number {@code parentIndex}) that {@code fk}
     * references from the rows {@code fresh} of {@code child}. Returns {@code table number, tableoid, ctid, false}.
     */
    static String parentsOf(int parentIndex, ForeignKey fk, TableScope child, TableScope parent,
            Collection<RowId> fresh) {
        return "SELECT " + parentIndex + ", p.tableoid, p.ctid, false FROM " + parent.from("p") + " WHERE "
                + row("p.", fk.parentColumns()) + " IN (SELECT " + list("c.", fk.childColumns()) + " FROM "
                + child.from("c") + " WHERE " + rowsIn("c.", child, fresh) + ")";
    }

    /**
     * One branch of a closure round: the rows {@code start} (per table of {@code cycle}) and every row they reach
     * through the cycle's foreign keys, in one recursive query however long the chain. Each step joins a reached
     * row back by its ctid and follows each foreign key of its table; UNION (not ALL) drops rows already reached,
     * which ends the recursion on cycles in the data. Returns {@code table number, tableoid, ctid, true}.
     */
    static String cycleRows(ExportScope scope, ExportScope.Cycle cycle, Map<TableScope, List<RowId>> start) {
        String seeds = start.entrySet().stream().map(e -> "SELECT " + scope.index(e.getKey().name())
                + ", c.tableoid, c.ctid FROM " + e.getKey().from("c") + " WHERE " + rowsIn("c.", e.getKey(),
                        e.getValue())).collect(Collectors.joining(" UNION ALL "));
        String steps = cycle.foreignKeys().stream().map(fk -> step(scope, fk))
                .collect(Collectors.joining(" UNION ALL "));
        return "SELECT r.tbl, r.row_table, r.row_ctid, true FROM (WITH RECURSIVE up(tbl, row_table, row_ctid) AS (("
                + seeds + ") UNION SELECT n.tbl, n.row_table, n.row_ctid FROM up CROSS JOIN LATERAL (" + steps
                + ") n) SELECT tbl, row_table, row_ctid FROM up) r";
    }

    /** From a reached row of {@code fk}'s child to the row of its parent. */
    private static String step(ExportScope scope, ForeignKey fk) {
        TableScope child = scope.table(fk.child());
        return "SELECT " + scope.index(fk.parent()) + " AS tbl, p.tableoid AS row_table, p.ctid AS row_ctid FROM "
                + child.from("c") + " JOIN " + scope.table(fk.parent()).from("p") + " ON "
                + row("p.", fk.parentColumns()) + " = " + row("c.", fk.childColumns()) + " WHERE up.tbl = "
                + scope.index(fk.child()) + " AND c.tableoid = up.row_table AND c.ctid = up.row_ctid";
    }

    /** The rows of {@code table} named by {@code rows}, in file order, as COPY text. */
    static String copyOut(TableScope table, Collection<RowId> rows) {
        return "COPY (SELECT " + String.join(", ", table.selectList()) + " FROM " + table.from("") + " WHERE "
                + rowsIn(table.name().qualified() + ".", table, rows) + orderBy(table) + ") TO STDOUT";
    }

    /**
     * How many groups of {@code rows} share one value of {@code keyColumns} as the file would store them (masked),
     * and how many rows those groups hold; rows with a NULL in the key never clash, as in a unique key.
     */
    static String sharedKeyValues(TableScope table, List<String> keyColumns, Collection<RowId> rows) {
        List<String> names = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            names.add("k" + i);
            selected.add(table.selectExpression(keyColumns.get(i)) + " AS k" + i);
        }
        return "SELECT count(*), COALESCE(sum(n), 0) FROM (SELECT count(*) AS n FROM (SELECT "
                + String.join(", ", selected) + " FROM " + table.from("") + " WHERE "
                + rowsIn(table.name().qualified() + ".", table, rows) + ") s WHERE "
                + names.stream().map(n -> n + " IS NOT NULL").collect(Collectors.joining(" AND ")) + " GROUP BY "
                + String.join(", ", names) + " HAVING count(*) > 1) d";
    }

    /**
     * A condition that holds for exactly {@code rows}: {@code ctid = ANY (...)}, which PostgreSQL answers with a TID
     * scan; for a partitioned table one such test per partition, since ctids repeat across partitions.
     */
    static String rowsIn(String prefix, TableScope table, Collection<RowId> rows) {
        if (rows.isEmpty()) {
            return "false";
        }
        if (!table.table().partitioned()) {
            return prefix + "ctid = ANY (" + ctids(rows) + ")";
        }
        Map<Long, List<RowId>> byPartition = new TreeMap<>();
        rows.forEach(r -> byPartition.computeIfAbsent(r.tableOid(), k -> new ArrayList<>()).add(r));
        return byPartition.entrySet().stream().map(e -> "(" + prefix + "tableoid = " + e.getKey()
                + "::pg_catalog.oid AND " + prefix + "ctid = ANY (" + ctids(e.getValue()) + "))")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    /**
     * {@code ORDER BY} the table's order; nothing for a table without stored columns, whose rows are all the same
     * empty line.
     */
    private static String orderBy(TableScope table) {
        return table.orderBy().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.orderBy());
    }

    private static String ctids(Collection<RowId> rows) {
        return rows.stream().map(r -> '"' + r.ctid() + '"')
                .collect(Collectors.joining(",", "'{", "}'::pg_catalog.tid[]"));
    }

    private static String row(String prefix, List<String> columns) {
        return "(" + list(prefix, columns) + ")";
    }

    private static String list(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c)).collect(Collectors.joining(", "));
    }

    /** A parent table and the rows chosen in it so far, for {@link #firstRows}. */
    record ParentRows(TableScope table, Collection<RowId> rows) {
    }
}
