package dev.seedkit.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.internal.TableFileSizes;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import tells empty tables from the catalog first (a table without a page holds no row), and must never call
 * a table empty that holds rows: not a partitioned one whose rows are in its partitions, nor one whose inheritance
 * children hold rows, which {@link ImportSql#emptyTables} counts as its own.
 */
@ExtendWith(TestPostgres.class)
class EmptyTablesTests {

    @Test
    void onlyTablesWithoutAnyPageAreEmptyByTheCatalog(TestDatabase db) throws Exception {
        db.execute("create schema e;"
                + " create table e.fresh (id int primary key);"
                + " create table e.filled (id int primary key); insert into e.filled values (1);"
                + " create table e.emptied (id int primary key); insert into e.emptied values (1);"
                + " delete from e.emptied;"
                + " create table e.parts (id int) partition by range (id);"
                + " create table e.parts_low partition of e.parts for values from (0) to (10);"
                + " create table e.parts_filled (id int) partition by range (id);"
                + " create table e.parts_filled_low partition of e.parts_filled for values from (0) to (10);"
                + " insert into e.parts_filled values (1);"
                + " create table e.parent (id int); create table e.child () inherits (e.parent);"
                + " insert into e.child values (1);"
                + " create table e.childless_parent (id int); create table e.empty_child () inherits"
                + " (e.childless_parent)");
        List<String> tables = List.of("e.fresh", "e.filled", "e.emptied", "e.parts", "e.parts_filled", "e.parent",
                "e.childless_parent");
        assertThat(withoutPages(db, tables)).as("empty by the catalog")
                .containsExactly("e.fresh", "e.parts");
        assertThat(db.query(ImportSql.emptyTables(List.of(TableName.of("e", "emptied"),
                TableName.of("e", "parent"),
                TableName.of("e", "childless_parent")))))
                .as("empty when read: e.emptied and e.childless_parent").containsExactlyInAnyOrder(List.of("0"),
                        List.of("2"));
    }

    private static List<String> withoutPages(TestDatabase db, List<String> tables) throws Exception {
        List<String> empty = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(TableFileSizes.SQL)) {
            s.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (ImportSql.withoutPages(rs)) {
                        empty.add(tables.get(TableFileSizes.number(rs)));
                    }
                }
            }
        }
        empty.sort(Comparator.comparing(tables::indexOf));
        return empty;
    }
}
