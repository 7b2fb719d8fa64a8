package dev.seedkit.core.exporter;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.ForeignKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL the export sends. Chosen rows live on the server, in one temporary table ({@value #CHOSEN}) of row
 * identities: the exported table's number, the {@code tableoid} and {@code ctid} of the row (stable inside the
 * export's REPEATABLE READ snapshot), how it came in ({@code via}: {@value #BY_LIMIT} for the table's limit, else
 * the number of the foreign key that pulled it in) and in which closure round. Selection and closure are set-based
 * joins against it, and COPY joins the table with it, so no statement carries a list of rows and none grows with
 * the rows chosen; the planner sees the temporary table's statistics (it is analysed) and picks TID scans for few
 * rows and hash joins for many. A table whose every row is chosen ("whole") is never copied into it: it is read
 * as it is. Key values are compared by the database only, with its own operators. Every identifier is quoted.
 */
final class SubsetSql {

    /** The temporary table of chosen rows. */
    static final String CHOSEN = "pg_temp.seedkit_chosen";

    /** {@code via} of rows a table's limit chose. */
    static final int BY_LIMIT = -1;

    private SubsetSql() {
    }

    /** Creates the temporary table; it is dropped when the export's transaction ends. */
    static String createChosen() {
        return "CREATE TEMPORARY TABLE seedkit_chosen (tbl integer NOT NULL, row_table pg_catalog.oid NOT NULL,"
                + " row_ctid pg_catalog.tid NOT NULL, via integer NOT NULL, round integer NOT NULL,"
                + " PRIMARY KEY (row_table, row_ctid)) ON COMMIT DROP";
    }

    static String analyzeChosen() {
        return "ANALYZE " + CHOSEN;
    }

    /**
     * How many rows of each table in {@code tables} there are, counting at most one more than its limit: a
     * table with no more rows than its limit is exported whole. Returns {@code table number, rows}.
     */
    static String boundedCounts(ExportScope scope, List<TableScope> tables) {
        return tables.stream().map(t -> "SELECT " + scope.index(t.name()) + ", (SELECT count(*) FROM (SELECT 1 FROM "
                + t.from("") + " LIMIT " + ((long) t.limit() + 1) + ") s)").collect(Collectors.joining(" UNION ALL "));
    }

    /**
     * Chooses rows of {@code table} by its limit: matching its filter, not chosen yet, and for each foreign key in
     * {@code strict}, with a NULL in it or pointing at a chosen row of its parent; in the table's order, at most
     * {@code limit}. An INSERT into {@value #CHOSEN}; its row count is the rows chosen.
     */
    static String chooseFirstRows(ExportScope scope, TableScope table, List<ForeignKey> strict, long limit) {
        return choose(scope, table, strict.stream().map(fk -> pointsAtChosen(scope, table, fk)).toList(), limit);
    }

    /**
     * Chooses rows of {@code table}, a member of {@code cycle}, that close with one row more per reference: like
     * {@link #chooseFirstRows} for the foreign keys in {@code strict}, and for each of the table's foreign keys
     * inside the cycle, a NULL, a chosen parent, or a parent whose own references inside the cycle are NULL, point
     * at chosen rows or point back at this row. So a row that can only come in together with its parent (an
     * instructor and the user who is that instructor, each referencing the other) is chosen with the parent, and
     * the closure pulls in that one parent rather than a chain.
     */
    static String chooseClosableRows(ExportScope scope, TableScope table, List<ForeignKey> strict,
            ExportScope.Cycle cycle, long limit) {
        List<String> conditions = new ArrayList<>();
        strict.forEach(fk -> conditions.add(pointsAtChosen(scope, table, fk)));
        table.outgoing().stream().filter(cycle.foreignKeys()::contains)
                .forEach(fk -> conditions.add(pointsAtClosable(scope, table, fk, cycle)));
        return choose(scope, table, conditions, limit);
    }

    private static String choose(ExportScope scope, TableScope table, List<String> references, long limit) {
        String self = table.name().qualified() + ".";
        List<String> conditions = new ArrayList<>();
        table.filter().ifPresent(filter -> conditions.add("(\n" + filter + "\n)"));
        conditions.addAll(references);
        conditions.add("NOT EXISTS (SELECT 1 FROM " + CHOSEN + " k WHERE k.row_table = " + self + "tableoid AND "
                + "k.row_ctid = " + self + "ctid)");
        return "INSERT INTO " + CHOSEN + " (tbl, row_table, row_ctid, via, round) SELECT " + scope.index(table.name())
                + ", " + self + "tableoid, " + self + "ctid, " + BY_LIMIT + ", 0 FROM " + table.from("") + " WHERE "
                + String.join(" AND ", conditions) + orderBy(table) + " LIMIT " + limit;
    }

    /**
     * {@code fk} of a row of {@code table} is NULL somewhere (only tested for nullable columns) or points at a
     * chosen row of its parent: an EXISTS that the planner answers from the parent's key index and the chosen
     * rows' primary key.
     */
    private static String pointsAtChosen(ExportScope scope, TableScope table, ForeignKey fk) {
        String self = table.name().qualified() + ".";
        List<String> anyNull = nullIn(table, fk, self);
        String points = "EXISTS (SELECT 1 FROM " + chosenRows(scope, scope.table(fk.parent()), "p") + " WHERE "
                + row(self, fk.childColumns()) + " = " + row("p.", fk.parentColumns()) + ")";
        return anyNull.isEmpty() ? "(" + points + ")" : "(" + String.join(" OR ", anyNull) + " OR " + points + ")";
    }

    /**
     * {@code fk} of a row of {@code table} is NULL, points at a chosen row, or points at a parent row whose own
     * references inside {@code cycle} are NULL, point at chosen rows or point back at this row.
     */
    private static String pointsAtClosable(ExportScope scope, TableScope table, ForeignKey fk,
            ExportScope.Cycle cycle) {
        String self = table.name().qualified() + ".";
        TableScope parent = scope.table(fk.parent());
        List<String> parentCloses = new ArrayList<>();
        for (ForeignKey next : parent.outgoing()) {
            if (!cycle.foreignKeys().contains(next)) {
                continue;
            }
            List<String> ways = new ArrayList<>(nullIn(parent, next, "p."));
            ways.add("EXISTS (SELECT 1 FROM " + chosenRows(scope, scope.table(next.parent()), "q") + " WHERE "
                    + row("p.", next.childColumns()) + " = " + row("q.", next.parentColumns()) + ")");
            if (next.parent().equals(table.name())) {
                ways.add(row("p.", next.childColumns()) + " = " + row(self, next.parentColumns()));
            }
            parentCloses.add("(" + String.join(" OR ", ways) + ")");
        }
        String closable = "EXISTS (SELECT 1 FROM " + parent.from("p") + " WHERE " + row(self, fk.childColumns())
                + " = " + row("p.", fk.parentColumns())
                + parentCloses.stream().map(c -> " AND " + c).collect(Collectors.joining()) + ")";
        return "(" + pointsAtChosen(scope, table, fk) + " OR " + closable + ")";
    }

    /** {@code prefix.column IS NULL} for each nullable column of {@code fk} in {@code table}. */
    private static List<String> nullIn(TableScope table, ForeignKey fk, String prefix) {
        return fk.childColumns().stream()
                .filter(c -> table.table().column(c).map(column -> column.nullable()).orElse(true))
                .map(c -> prefix + Identifiers.quote(c) + " IS NULL").toList();
    }

    /** Whether {@code table} has any row at all. */
    static String anyRow(TableScope table) {
        return "SELECT EXISTS (SELECT 1 FROM " + table.from("") + ")";
    }

    /**
     * One step of a closure round: the rows of {@code fk}'s parent that the rows of its child added in round
     * {@code round} (or, for a whole child, all its rows) reference and that are not chosen yet, added with
     * {@code round + 1}. Set-based: a semi-join from the child's new rows to the parent's key.
     */
    static String pullParents(ExportScope scope, ForeignKey fk, int round) {
        TableScope child = scope.table(fk.child());
        TableScope parent = scope.table(fk.parent());
        String fresh = scope.whole(child) ? child.from("c")
                : child.from("c") + " JOIN " + CHOSEN + " ck ON ck.row_table = c.tableoid AND ck.row_ctid = c.ctid"
                        + " AND ck.tbl = " + scope.index(child.name()) + " AND ck.round = " + round;
        return "INSERT INTO " + CHOSEN + " (tbl, row_table, row_ctid, via, round) SELECT " + scope.index(parent.name())
                + ", p.tableoid, p.ctid, " + scope.foreignKeyIndex(fk) + ", " + (round + 1) + " FROM "
                + parent.from("p") + " WHERE " + row("p.", fk.parentColumns()) + " IN (SELECT "
                + list("c.", fk.childColumns()) + " FROM " + fresh + ") ON CONFLICT DO NOTHING";
    }

    /**
     * One step of a closure round for a foreign-key cycle: from the cycle's rows added in round {@code round}, every
     * row they reach through the cycle's foreign keys that is not chosen yet, however long the chain, in one
     * recursive query, added with {@code round + 1}. Each step joins a reached row back by its ctid (a TID scan)
     * and follows each foreign key of its table; rows chosen already end the walk (their references are followed
     * anyway), and UNION ends it on cycles in the data.
     */
    static String pullCycleParents(ExportScope scope, ExportScope.Cycle cycle, int round) {
        String tables = cycle.tables().stream().map(t -> String.valueOf(scope.index(t.name())))
                .collect(Collectors.joining(", "));
        String steps = cycle.foreignKeys().stream().map(fk -> cycleStep(scope, fk))
                .collect(Collectors.joining(" UNION ALL "));
        return "INSERT INTO " + CHOSEN + " (tbl, row_table, row_ctid, via, round) SELECT tbl, row_table, row_ctid, "
                + "via, " + (round + 1) + " FROM (WITH RECURSIVE up(tbl, row_table, row_ctid, via) AS (SELECT k.tbl, "
                + "k.row_table, k.row_ctid, " + BY_LIMIT + " FROM " + CHOSEN + " k WHERE k.round = " + round
                + " AND k.tbl IN (" + tables + ") UNION SELECT n.tbl, n.row_table, n.row_ctid, n.via FROM up CROSS "
                + "JOIN LATERAL (" + steps + ") n) SELECT * FROM up WHERE via <> " + BY_LIMIT + ") r ON CONFLICT DO "
                + "NOTHING";
    }

    /** From a reached row of {@code fk}'s child to its parent row, unless that is chosen already. */
    private static String cycleStep(ExportScope scope, ForeignKey fk) {
        TableScope parent = scope.table(fk.parent());
        return "SELECT " + scope.index(fk.parent()) + " AS tbl, p.tableoid AS row_table, p.ctid AS row_ctid, "
                + scope.foreignKeyIndex(fk) + " AS via FROM " + scope.table(fk.child()).from("c") + " JOIN "
                + parent.from("p") + " ON " + row("p.", fk.parentColumns()) + " = " + row("c.", fk.childColumns())
                + " WHERE up.tbl = " + scope.index(fk.child()) + " AND c.tableoid = up.row_table AND c.ctid = "
                + "up.row_ctid AND NOT EXISTS (SELECT 1 FROM " + CHOSEN + " x WHERE x.row_table = p.tableoid AND "
                + "x.row_ctid = p.ctid)";
    }

    /** How many rows each table has chosen, per way in: {@code table number, via, rows}. */
    static String provenance() {
        return "SELECT tbl, via, count(*) FROM " + CHOSEN + " GROUP BY tbl, via ORDER BY tbl, via";
    }

    /**
     * {@code FROM} items for the chosen rows of {@code table}, aliased {@code alias}: the table itself when it is
     * whole, else the table joined with its rows in {@value #CHOSEN}.
     */
    static String chosenRows(ExportScope scope, TableScope table, String alias) {
        if (scope.whole(table)) {
            return table.from(alias);
        }
        String k = alias + "_k";
        return table.from(alias) + " JOIN " + CHOSEN + " " + k + " ON " + k + ".row_table = " + alias + ".tableoid AND "
                + k + ".row_ctid = " + alias + ".ctid AND " + k + ".tbl = " + scope.index(table.name());
    }

    /** A WHERE condition holding for the chosen rows of {@code table}, read unaliased. */
    private static String isChosen(ExportScope scope, TableScope table) {
        if (scope.whole(table)) {
            return "true";
        }
        String self = table.name().qualified() + ".";
        return "EXISTS (SELECT 1 FROM " + CHOSEN + " k WHERE k.row_table = " + self + "tableoid AND k.row_ctid = "
                + self + "ctid AND k.tbl = " + scope.index(table.name()) + ")";
    }

    /** The chosen rows of {@code table}, in file order, as COPY text. */
    static String copyOut(ExportScope scope, TableScope table) {
        return "COPY (" + select(scope, table) + ") TO STDOUT";
    }

    /** The chosen rows of {@code table}, in file order, as a query whose columns are the file's. */
    static String select(ExportScope scope, TableScope table) {
        String where = scope.whole(table) ? "" : " WHERE " + isChosen(scope, table);
        return "SELECT " + String.join(", ", table.selectList()) + " FROM " + table.from("") + where
                + orderBy(table);
    }

    /**
     * How many groups of the chosen rows share one value of {@code keyColumns} as the file would store them
     * (masked), and how many rows those groups hold; rows with a NULL in the key never clash, as in a unique key.
     */
    static String sharedKeyValues(ExportScope scope, TableScope table, List<String> keyColumns) {
        List<String> names = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            names.add("k" + i);
            selected.add(table.selectExpression(keyColumns.get(i)) + " AS k" + i);
        }
        return "SELECT count(*), COALESCE(sum(n), 0) FROM (SELECT count(*) AS n FROM (SELECT "
                + String.join(", ", selected) + " FROM " + table.from("") + " WHERE " + isChosen(scope, table)
                + ") s WHERE " + names.stream().map(n -> n + " IS NOT NULL").collect(Collectors.joining(" AND "))
                + " GROUP BY " + String.join(", ", names) + " HAVING count(*) > 1) d";
    }

    /**
     * {@code ORDER BY} the table's order; nothing for a table without stored columns, whose rows are all the same
     * empty line.
     */
    private static String orderBy(TableScope table) {
        return table.orderBy().isEmpty() ? "" : " ORDER BY " + String.join(", ", table.orderBy());
    }

    private static String row(String prefix, List<String> columns) {
        return "(" + list(prefix, columns) + ")";
    }

    private static String list(String prefix, List<String> columns) {
        return columns.stream().map(c -> prefix + Identifiers.quote(c)).collect(Collectors.joining(", "));
    }
}
