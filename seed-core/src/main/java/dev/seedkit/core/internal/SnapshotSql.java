package dev.seedkit.core.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The COPY statements that move a table between PostgreSQL and its snapshot file, with every identifier quoted.
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

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private SnapshotSql() {
    }

    /** {@code "name"} with embedded double quotes doubled; safe for any identifier. */
    public static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."table"}. */
    public static String qualifiedName(String schema, String table) {
        return quoteIdentifier(schema) + "." + quoteIdentifier(table);
    }

    /** {@code COPY "schema"."table" ("a", "b") FROM STDIN}: loads a file's data rows. */
    public static String copyIn(String schema, String table, List<String> columns) {
        String list = columns.isEmpty() ? "" : " (" + columnList(columns) + ")";
        return "COPY " + qualifiedName(schema, table) + list + " FROM STDIN";
    }

    /**
     * {@code COPY (SELECT "a", "b" FROM "schema"."table" ORDER BY ...) TO STDOUT}: the rows of a table file, in
     * file order.
     *
     * @param orderBy the sort keys, usually the primary key columns, each made by {@link #orderKey}
     */
    public static String copyOut(String schema, String table, List<String> columns, List<String> orderBy) {
        String order = orderBy.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderBy);
        return "COPY (SELECT " + columnList(columns) + " FROM " + qualifiedName(schema, table) + order
                + ") TO STDOUT";
    }

    /**
     * One sort key for {@link #copyOut}: the quoted column, with {@code COLLATE "C"} when its type is collatable
     * (text, varchar, char, name, citext, domains over them), so that text sorts bytewise the same way on every
     * database whatever its default collation.
     */
    public static String orderKey(String column, boolean collatable) {
        return quoteIdentifier(column) + (collatable ? " COLLATE \"C\"" : "");
    }

    /** {@code schema.table} for messages, quoting a part only where it is not a plain lower-case name. */
    public static String displayName(String schema, String table) {
        return display(schema) + "." + display(table);
    }

    private static String display(String identifier) {
        return PLAIN_IDENTIFIER.matcher(identifier).matches() ? identifier : quoteIdentifier(identifier);
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(SnapshotSql::quoteIdentifier).collect(Collectors.joining(", "));
    }
}
