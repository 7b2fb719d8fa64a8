package dev.seedkit.core.schema;

import dev.seedkit.postgres.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds schemas for tests: read from a test database, or assembled in memory for tests of the planning logic
 * alone (where thousands of generated graphs would take too long to create as tables).
 */
final class SchemaFixture {

    private final List<Table> tables = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();

    /** Reads the given schemas of {@code db}. */
    static Schema read(TestDatabase db, String... schemaNames) throws Exception {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, List.of(schemaNames));
        }
    }

    static SchemaFixture inMemory() {
        return new SchemaFixture();
    }

    /** A table {@code public.<name>} with an integer primary key {@code id} and the given nullable columns. */
    SchemaFixture table(String name, String... nullableColumns) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", 1, Column.TypeInfo.base("integer"), false, null, false, Column.Identity.NONE,
                null));
        for (String column : nullableColumns) {
            columns.add(new Column(column, columns.size() + 1, Column.TypeInfo.base("integer"), true, null, false,
                    Column.Identity.NONE, null));
        }
        tables.add(new Table(TableName.of("public", name), false, columns,
                List.of(new UniqueKey(name + "_pkey", UniqueKey.Kind.PRIMARY_KEY, List.of("id"), false))));
        return this;
    }

    /**
     * A foreign key {@code name} from {@code public.child(column)} to {@code public.parent(id)}; {@code flags}
     * holds any of {@code null} (the column accepts NULL), {@code deferrable}, {@code virtual}.
     */
    SchemaFixture foreignKey(String name, String child, String column, String parent, String... flags) {
        List<String> given = Arrays.asList(flags);
        ForeignKey.Flags f = new ForeignKey.Flags(given.contains("deferrable"), false, false,
                given.contains("virtual"));
        foreignKeys.add(new ForeignKey(name, TableName.of("public", child), List.of(column),
                TableName.of("public", parent), List.of("id"), f,
                given.contains("null") ? List.of(column) : List.of()));
        return this;
    }

    Schema build() {
        return new Schema(List.of("public"), tables, foreignKeys, List.of());
    }

    /** The names of the given foreign keys, for assertions. */
    static List<String> names(List<ForeignKey> foreignKeys) {
        return foreignKeys.stream().map(ForeignKey::name).collect(Collectors.toList());
    }

    /** {@code public.<name>} for each name. */
    static List<TableName> publicTables(String... names) {
        return Arrays.stream(names).map(n -> TableName.of("public", n)).collect(Collectors.toList());
    }
}
