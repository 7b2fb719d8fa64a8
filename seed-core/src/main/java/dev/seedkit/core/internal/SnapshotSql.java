package dev.seedkit.core.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The COPY statements that move a table between PostgreSQL and its snapshot file, with every identifier quoted
 * ({@link Identifiers#quote}).
 *
 * <p>Both sides must run with {@link SnapshotSession#SETTINGS} so that values print and parse the same way. The
 * statements use COPY's text format without options, which is exactly what table files hold (minus the header):
 *
 * <pre>{@code
 * CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
 * copy.copyOut(SnapshotSql.copyOut("public", "users", columns, List.of(SnapshotSql.orderKey("id", false))),
 *         writer.copyOutSink());
 * copy.copyIn(SnapshotSql.copyIn("public", "users", columns), reader.dataStream());
 * }</pre>
 */
public final class SnapshotSql {

    private SnapshotSql() {
    }

    /** {@code COPY "schema"."table" ("a", "b") FROM STDIN}: loads a file's data rows. */
    public static String copyIn(String schema, String table, List<String> columns) {
        String list = columns.isEmpty() ? "" : " (" + columnList(columns) + ")";
        return "COPY " + Identifiers.quote(schema, table) + list + " FROM STDIN";
    }

    /**
     * {@code COPY (SELECT "a", "b" FROM "schema"."table" ORDER BY ...) TO STDOUT}: the rows of a table file, in
     * file order.
     *
     * @param orderBy the sort keys, usually the primary key columns, each made by {@link #orderKey}
     */
    public static String copyOut(String schema, String table, List<String> columns, List<String> orderBy) {
        String order = orderBy.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderBy);
        return "COPY (SELECT " + columnList(columns) + " FROM " + Identifiers.quote(schema, table) + order
                + ") TO STDOUT";
    }

    /**
     * One sort key for {@link #copyOut}: the quoted column, with {@code COLLATE "C"} when its type is collatable
     * (text, varchar, char, name, citext, domains over them), so that text sorts bytewise the same way on every
     * database whatever its default collation.
     */
    public static String orderKey(String column, boolean collatable) {
        return Identifiers.quote(column) + (collatable ? " COLLATE \"C\"" : "");
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
