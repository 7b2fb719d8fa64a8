package dev.seedkit.core.schema;

import dev.seedkit.core.SeedException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link Schema} from PostgreSQL's {@code pg_catalog}, with one query per kind of object (schemas, tables,
 * columns, keys, foreign keys) whatever the number of tables.
 *
 * <p>By default it reads every user schema: all but {@code pg_catalog}, {@code information_schema}, the
 * {@code pg_*} schemas and {@code seedkit}, which Seedkit keeps for itself. Partitions are not tables of their own:
 * their rows load through the partitioned parent, and foreign keys declared only on partitions count as the
 * parent's. Tables that belong to an extension are left out. Needs PostgreSQL 12 or later.
 *
 * <p>While reading, the connection's {@code search_path} is set to {@code pg_catalog} (and restored afterwards)
 * so that type names and expressions come out schema-qualified, the same for every reader. Reading does not
 * commit or roll back; callers that cache the result should see {@link SchemaCache}.
 */
public final class SchemaReader {

    private static final Logger log = LoggerFactory.getLogger(SchemaReader.class);

    private final Connection connection;
    private final Map<Long, TableParts> tables = new HashMap<>();

    private SchemaReader(Connection connection) {
        this.connection = connection;
    }

    /** Reads every user schema of the database {@code connection} is connected to. */
    public static Schema read(Connection connection) {
        return read(connection, List.of());
    }

    /**
     * Reads the given schemas (names exactly as stored, e.g. {@code public}, {@code Sales}); an empty collection
     * means every user schema.
     *
     * @throws SeedException {@link SeedException.Code#CONFIGURATION} if a named schema does not exist,
     *         {@link SeedException.Code#DATABASE} if the catalog cannot be read
     */
    public static Schema read(Connection connection, Collection<String> schemaNames) {
        long start = System.nanoTime();
        try {
            String searchPath = currentSearchPath(connection);
            setSearchPath(connection, "pg_catalog");
            Schema schema;
            try {
                schema = new SchemaReader(connection).readAll(schemaNames);
            } catch (SQLException | RuntimeException e) {
                restoreSearchPath(connection, searchPath, e);
                throw e;
            }
            setSearchPath(connection, searchPath);
            log.debug("Read {} in {} ms", schema, (System.nanoTime() - start) / 1_000_000);
            return schema;
        } catch (SQLException e) {
            throw new SeedException(SeedException.Code.DATABASE, "Could not read the schema (tables, columns, keys,"
                    + " foreign keys) from pg_catalog: " + e.getMessage() + "; check that the connection works and"
                    + " that the server is PostgreSQL 12 or later", e);
        }
    }

    private Schema readAll(Collection<String> chosen) throws SQLException {
        List<String> schemaNames = schemaNames(chosen);
        Array names = connection.createArrayOf("text", schemaNames.toArray());
        readTables(names);
        readColumns(names);
        readKeys(names);
        List<ForeignKey> internal = new ArrayList<>();
        List<ForeignKey> external = new ArrayList<>();
        readForeignKeys(names, internal, external);
        List<Table> built = tables.values().stream().map(TableParts::build).collect(Collectors.toList());
        return new Schema(schemaNames, built, internal, external);
    }

    private List<String> schemaNames(Collection<String> chosen) throws SQLException {
        if (chosen.isEmpty()) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery(CatalogQueries.USER_SCHEMAS)) {
                return strings(rs);
            }
        }
        Set<String> wanted = new LinkedHashSet<>(chosen);
        List<String> existing;
        try (PreparedStatement s = connection.prepareStatement(CatalogQueries.EXISTING_SCHEMAS)) {
            s.setArray(1, connection.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                existing = strings(rs);
            }
        }
        wanted.removeAll(existing);
        if (!wanted.isEmpty()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Schema(s) " + wanted + " do not exist in"
                    + " the database; schema names are case-sensitive, check the spelling or create them first");
        }
        return existing;
    }

    private void readTables(Array names) throws SQLException {
        query(CatalogQueries.TABLES, names, rs -> tables.put(rs.getLong(1),
                new TableParts(TableName.of(rs.getString(2), rs.getString(3)), rs.getBoolean(4))));
    }

    private void readColumns(Array names) throws SQLException {
        query(CatalogQueries.COLUMNS, names, rs -> {
            TableParts table = tables.get(rs.getLong("attrelid"));
            String sequenceName = rs.getString("seq_name");
            table.columns.add(new Column(rs.getString("attname"), table.columns.size() + 1, typeInfo(rs),
                    rs.getBoolean("nullable"), rs.getString("default_expression"), rs.getBoolean("generated"),
                    identity(rs.getString("attidentity")),
                    sequenceName == null ? null : TableName.of(rs.getString("seq_schema"), sequenceName)));
        });
    }

    private void readKeys(Array names) throws SQLException {
        query(CatalogQueries.KEYS, names, rs -> tables.get(rs.getLong("indrelid")).keys.add(new UniqueKey(
                rs.getString("name"), keyKind(rs.getString("kind")), stringList(rs.getArray("columns")),
                rs.getBoolean("deferrable"))));
    }

    private void readForeignKeys(Array names, List<ForeignKey> internal, List<ForeignKey> external)
            throws SQLException {
        query(CatalogQueries.FOREIGN_KEYS, names, rs -> {
            TableParts parent = tables.get(rs.getLong("parent_oid"));
            TableName parentName = parent != null ? parent.name
                    : TableName.of(rs.getString("parent_schema"), rs.getString("parent_name"));
            ForeignKey.Flags flags = new ForeignKey.Flags(rs.getBoolean("condeferrable"),
                    rs.getBoolean("condeferred"), rs.getBoolean("match_full"), false);
            ForeignKey fk = new ForeignKey(rs.getString("conname"), tables.get(rs.getLong("child_oid")).name,
                    stringList(rs.getArray("child_columns")), parentName, stringList(rs.getArray("parent_columns")),
                    flags, stringList(rs.getArray("nullable_columns")));
            (parent != null ? internal : external).add(fk);
        });
    }

    private void query(String sql, Array schemaNames, RowReader reader) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, schemaNames);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static Column.TypeInfo typeInfo(ResultSet rs) throws SQLException {
        String element = rs.getString("element_type");
        return new Column.TypeInfo(rs.getString("type"), typeKind(rs.getString("typtype"), element != null),
                rs.getString("base_type"), element);
    }

    private static Column.TypeKind typeKind(String typtype, boolean array) {
        switch (typtype) {
            case "b": return array ? Column.TypeKind.ARRAY : Column.TypeKind.BASE;
            case "e": return Column.TypeKind.ENUM;
            case "d": return Column.TypeKind.DOMAIN;
            case "c": return Column.TypeKind.COMPOSITE;
            case "r": return Column.TypeKind.RANGE;
            case "m": return Column.TypeKind.MULTIRANGE;
            default: return Column.TypeKind.OTHER;
        }
    }

    private static Column.Identity identity(String attidentity) {
        switch (attidentity == null ? "" : attidentity) {
            case "a": return Column.Identity.ALWAYS;
            case "d": return Column.Identity.BY_DEFAULT;
            default: return Column.Identity.NONE;
        }
    }

    private static UniqueKey.Kind keyKind(String kind) {
        switch (kind) {
            case "p": return UniqueKey.Kind.PRIMARY_KEY;
            case "u": return UniqueKey.Kind.UNIQUE_CONSTRAINT;
            default: return UniqueKey.Kind.UNIQUE_INDEX;
        }
    }

    private static String currentSearchPath(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("select pg_catalog.current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void setSearchPath(Connection connection, String searchPath) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select pg_catalog.set_config('search_path', ?, false)")) {
            s.setString(1, searchPath);
            s.execute();
        }
    }

    /** Restores the search path after a failure; in an aborted transaction, the rollback will restore it. */
    private static void restoreSearchPath(Connection connection, String searchPath, Exception failure) {
        try {
            setSearchPath(connection, searchPath);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static List<String> strings(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(1));
        }
        return values;
    }

    private static List<String> stringList(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** Reads one row of a catalog query. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** A table's parts as they arrive, query by query. */
    private static final class TableParts {
        final TableName name;
        final boolean partitioned;
        final List<Column> columns = new ArrayList<>();
        final List<UniqueKey> keys = new ArrayList<>();

        TableParts(TableName name, boolean partitioned) {
            this.name = name;
            this.partitioned = partitioned;
        }

        Table build() {
            return new Table(name, partitioned, columns, keys);
        }
    }
}
