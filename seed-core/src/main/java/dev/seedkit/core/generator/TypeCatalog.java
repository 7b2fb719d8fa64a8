package dev.seedkit.core.generator;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog facts the generator needs beyond the {@link dev.seedkit.core.schema.Schema}: enum labels, domains
 * (base type, checks, NOT NULL), the CHECK constraints of the tables, and the unique indexes the schema graph leaves
 * out (partial ones, and those on expressions such as {@code lower(email)}). Read in four queries with
 * {@code search_path} set to {@code pg_catalog}, so type names match {@link Column#type()}.
 */
final class TypeCatalog {

    /** A CHECK constraint of a table. */
    record Check(String name, String definition) {
    }

    /** A unique index the schema graph does not list: partial, or on expressions; {@code columns} it involves. */
    record ExtraUnique(String name, List<String> columns, boolean partial) {
    }

    private static final String ENUMS = "select pg_catalog.format_type(t.oid, null), e.enumlabel"
            + " from pg_catalog.pg_enum e join pg_catalog.pg_type t on t.oid = e.enumtypid"
            + " order by 1, e.enumsortorder";
    private static final String DOMAINS = "select pg_catalog.format_type(t.oid, null),"
            + " pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull,"
            + " array(select pg_catalog.pg_get_constraintdef(c.oid) from pg_catalog.pg_constraint c"
            + "  where c.contypid = t.oid and c.contype = 'c' order by c.conname)::text[]"
            + " from pg_catalog.pg_type t where t.typtype = 'd'";
    private static final String CHECKS = "select n.nspname, c.relname, con.conname,"
            + " pg_catalog.pg_get_constraintdef(con.oid) from pg_catalog.pg_constraint con"
            + " join pg_catalog.pg_class c on c.oid = con.conrelid"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where con.contype = 'c' and n.nspname = any(?) order by 1, 2, 3";
    private static final String EXTRA_UNIQUE = "select n.nspname, c.relname, ic.relname, i.indpred is not null,"
            + " array(select case when k.num <> 0 then a.attname"
            + "  else pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) end"
            + "  from pg_catalog.unnest(i.indkey::pg_catalog.int2[]) with ordinality k(num, ord)"
            + "  left join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num"
            + "  where k.ord <= i.indnkeyatts order by k.ord)::text[]"
            + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indrelid"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
            + " where i.indisunique and (i.indpred is not null or i.indexprs is not null) and n.nspname = any(?)"
            + " order by 1, 2, 3";

    private final Map<String, List<String>> enumLabels = new HashMap<>();
    private final Map<String, String[]> domains = new HashMap<>();
    private final Map<TableName, List<Check>> checks = new HashMap<>();
    private final Map<TableName, List<ExtraUnique>> extraUnique = new HashMap<>();
    private final Map<String, ColumnType> resolved = new HashMap<>();

    private TypeCatalog() {
    }

    /** Reads the facts for the tables of {@code schemas}. */
    static TypeCatalog read(Connection connection, Collection<String> schemas) {
        TypeCatalog catalog = new TypeCatalog();
        try {
            String searchPath = single(connection, "select pg_catalog.current_setting('search_path')");
            single(connection, "select pg_catalog.set_config('search_path', 'pg_catalog', false)");
            try {
                catalog.readAll(connection, connection.createArrayOf("text", schemas.toArray()));
            } finally {
                try (PreparedStatement s = connection.prepareStatement(
                        "select pg_catalog.set_config('search_path', ?, false)")) {
                    s.setString(1, searchPath);
                    s.execute();
                }
            }
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read enum labels, domains, check "
                    + "constraints and unique indexes from pg_catalog: " + e.getMessage(), e);
        }
        return catalog;
    }

    private void readAll(Connection connection, Array schemas) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(ENUMS)) {
            while (rs.next()) {
                enumLabels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(DOMAINS)) {
            while (rs.next()) {
                List<String> parts = new ArrayList<>(List.of(rs.getString(2), Boolean.toString(rs.getBoolean(3))));
                parts.addAll(Arrays.asList((String[]) rs.getArray(4).getArray()));
                domains.put(rs.getString(1), parts.toArray(String[]::new));
            }
        }
        query(connection, CHECKS, schemas, rs -> checks.computeIfAbsent(TableName.of(rs.getString(1),
                rs.getString(2)), k -> new ArrayList<>()).add(new Check(rs.getString(3), rs.getString(4))));
        query(connection, EXTRA_UNIQUE, schemas, rs -> extraUnique.computeIfAbsent(TableName.of(rs.getString(1),
                rs.getString(2)), k -> new ArrayList<>()).add(new ExtraUnique(rs.getString(3),
                Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getBoolean(4))));
    }

    private static void query(Connection connection, String sql, Array schemas, RowReader reader)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, schemas);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The type of {@code column}, with enum labels, domain checks and array element types filled in. */
    ColumnType typeOf(Column column) {
        return switch (column.typeKind()) {
            case ARRAY -> ColumnType.array(column.type(), resolve(column.elementType().orElse("text")));
            default -> resolve(column.type());
        };
    }

    private ColumnType resolve(String typeText) {
        ColumnType known = resolved.get(typeText);
        if (known != null) {
            return known;
        }
        ColumnType type;
        if (enumLabels.containsKey(typeText)) {
            type = ColumnType.enumeration(typeText, enumLabels.get(typeText));
        } else if (domains.containsKey(typeText)) {
            String[] domain = domains.get(typeText);
            List<CheckParser.Facts> facts = new ArrayList<>();
            for (int i = 2; i < domain.length; i++) {
                facts.add(CheckParser.parse(domain[i]));
            }
            type = ColumnType.domain(typeText, resolve(domain[0]), facts, Boolean.parseBoolean(domain[1]));
        } else if (typeText.endsWith("[]")) {
            type = ColumnType.array(typeText, resolve(typeText.substring(0, typeText.length() - 2)));
        } else {
            type = ColumnType.scalar(typeText);
        }
        resolved.put(typeText, type);
        return type;
    }

    /** The CHECK constraints of {@code table}, by name. */
    List<Check> checks(TableName table) {
        return checks.getOrDefault(table, List.of());
    }

    /** Partial and expression unique indexes of {@code table}. */
    List<ExtraUnique> extraUnique(TableName table) {
        return extraUnique.getOrDefault(table, List.of());
    }

    /** Reads one row of a catalog query. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
