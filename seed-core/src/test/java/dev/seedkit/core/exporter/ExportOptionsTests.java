package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Including and excluding tables and columns: what is allowed, what the snapshot then holds, and the message for
 * each option that does not fit the schema, which names the option, the table and the way out.
 */
@ExtendWith(TestPostgres.class)
class ExportOptionsTests {

    private static final String SHOP = "create table {s}.customers (id int primary key, name text not null,"
            + " avatar bytea, nickname text default 'anon', code text unique);"
            + " create table {s}.orders (id int primary key, customer_id int not null references {s}.customers,"
            + " referrer_id int references {s}.customers, total numeric generated always as (1.5) stored);"
            + " create table {s}.notes (id int primary key, note text);"
            + " create table {s}.coupons (id int primary key, customer_code text references {s}.customers (code))";
    private static final String DATA = "insert into {s}.customers select g, 'c' || g, '\\x00', 'nick', 'k' || g"
            + " from generate_series(1, 5) g; insert into {s}.orders values (1, 4, 5), (2, 3, null)";

    @TempDir
    Path dir;

    @Test
    void excludedColumnsAreLeftOutOfTheFileAndManifest(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "excol", SHOP).data(DATA);
        ExportReport report = f.export(f.builder().excludeColumns("excol.customers.avatar",
                "excol.customers.nickname"), dir);
        assertThat(report.manifest().table("excol", "customers").orElseThrow().columnNames())
                .containsExactly("id", "name", "code");
        assertThat(report.manifest().table("excol", "orders").orElseThrow().columnNames())
                .as("generated columns are never stored").containsExactly("id", "customer_id", "referrer_id");
        assertThat(Files.readString(dir.resolve("excol.customers.tsv"))).startsWith("id\tname\tcode\n1\tc1\tk1\n");
    }

    @Test
    void excludingTheColumnsOfANullableForeignKeySwitchesItOff(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "exfk", SHOP).data(DATA);
        f.export(f.builder().rowsPerTable(1).rowsPerTable("exfk.orders", 2).excludeColumns("exfk.orders.referrer_id"),
                dir);
        assertThat(f.loaded("customers", "id")).as("4 for order 1, 3 for order 2, but not referrer 5")
                .containsExactly("1", "3", "4");
        assertThat(f.loaded("orders", "referrer_id")).containsOnlyNulls();
    }

    @Test
    void includeTablesExportsOnlyThoseAndExcludeTablesLeavesTablesOut(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "incl", SHOP).data(DATA);
        ExportReport report = f.export(f.builder().includeTables("incl.customers", "incl.notes"), dir);
        assertThat(report.tables()).extracting(t -> t.table().name()).containsExactly("customers", "notes");
        report = f.export(f.builder().excludeTables("incl.notes"), dir);
        assertThat(report.tables()).extracting(t -> t.table().name()).containsExactly("coupons", "customers",
                "orders");
        assertThat(dir.resolve("incl.notes.tsv")).doesNotExist();
    }

    @Test
    void aNotNullForeignKeyIntoAnExcludedTableIsAnErrorNamingBoth(TestDatabase db) throws Exception {
        ExportFixture.create(db, "exparent", SHOP);
        assertFailure(db, SnapshotExporter.builder().includeSchemas("exparent")
                .excludeTables("exparent.customers", "exparent.coupons"),
                "Table exparent.orders is exported, but its foreign key orders_customer_id_fkey: "
                + "exparent.orders(customer_id) -> exparent.customers(id) references exparent.customers, which is not "
                + "exported (excludeTables or includeTables). Its columns are NOT NULL, so every exported row of "
                + "exparent.orders would be an orphan. Export exparent.customers too, or exclude exparent.orders as "
                + "well.");
    }

    @Test
    void aNullableForeignKeyIntoAnExcludedTableNeedsItsColumnsExcludedToo(TestDatabase db) throws Exception {
        ExportFixture.create(db, "exnull", "create table {s}.people (id int primary key);"
                + " create table {s}.docs (id int primary key, owner_id int references {s}.people)");
        SnapshotExporter.Builder builder = SnapshotExporter.builder().includeSchemas("exnull")
                .includeTables("exnull.docs");
        assertFailure(db, builder, "Table exnull.docs is exported, but its foreign key docs_owner_id_fkey: "
                + "exnull.docs(owner_id) -> exnull.people(id) references exnull.people, which is not exported "
                + "(excludeTables or includeTables). Export exnull.people too, or exclude the column(s) "
                + "exnull.docs.owner_id as well, so that they load as NULL.");
        try (Connection c = db.connect()) {
            assertThat(builder.excludeColumns("exnull.docs.owner_id").build().export(c, dir).tables()).hasSize(1);
        }
    }

    @Test
    void onlyNullableOrDefaultedNonKeyColumnsCanBeExcluded(TestDatabase db) throws Exception {
        ExportFixture.create(db, "excheck", SHOP);
        assertFailure(db, exporter("excheck").excludeColumns("excheck.customers.name"), "Column "
                + "excheck.customers.name cannot be excluded: it is NOT NULL and has no default, so its rows could "
                + "not be loaded without it. Exclude only nullable or defaulted columns; to hide its values, mask it "
                + "instead.");
        assertFailure(db, exporter("excheck").excludeColumns("excheck.customers.code"), "Column "
                + "excheck.customers.code cannot be excluded: foreign key coupons_customer_code_fkey: "
                + "excheck.coupons(customer_code) -> excheck.customers(code) references it. Keep it, or exclude the "
                + "referencing table or columns too.");
        assertFailure(db, exporter("excheck").excludeColumns("excheck.customers.id"), "Column excheck.customers.id "
                + "cannot be excluded: it is NOT NULL and has no default, so its rows could not be loaded without it. "
                + "Exclude only nullable or defaulted columns; to hide its values, mask it instead.");
        assertFailure(db, exporter("excheck").excludeColumns("excheck.orders.total"), "Column excheck.orders.total "
                + "cannot be excluded: it is generated, and snapshots never store generated columns. Remove it from "
                + "excludeColumns.");
        assertFailure(db, exporter("excheck").excludeColumns("excheck.orders.customer_id"), "Column "
                + "excheck.orders.customer_id of foreign key orders_customer_id_fkey: excheck.orders(customer_id) -> "
                + "excheck.customers(id) cannot be excluded: it is NOT NULL, so loading would store a value that may "
                + "reference no row. Keep the column, or exclude only nullable foreign-key columns without a default.");
    }

    @Test
    void namesThatDoNotExistAreErrorsWithCandidates(TestDatabase db) throws Exception {
        ExportFixture.create(db, "names", "create table {s}.\"Users\" (id int primary key)");
        assertFailure(db, exporter("names").rowsPerTable("names.users", 5), "The export options name table "
                + "names.users, which is not among the 1 tables read from schemas [names]; tables with a similar "
                + "name: names.\"Users\". Correct the name (bare names are folded to lower case; double-quote names "
                + "with capitals), or read its schema with includeSchemas.");
        assertFailure(db, exporter("names").excludeColumns("names.\"Users\".nope"), "Option excludeColumns names "
                + "column names.\"Users\".nope, but names.\"Users\" has no such column; its columns are "
                + "names.\"Users\".id. Bare names are folded to lower case; double-quote names with capitals.");
        assertFailure(db, exporter("names").includeTables("names.\"Users\"").excludeTables("names.\"Users\""),
                "Table names.\"Users\" is both in includeTables and in excludeTables; keep it in one of them.");
        assertFailure(db, exporter("names").excludeTables("names.\"Users\"").where("names.\"Users\"", "true"),
                "Option where names table names.\"Users\", which is not exported (excludeTables or includeTables); "
                + "drop the option, or export the table.");
    }

    @Test
    void malformedOptionsFailWhenGiven() {
        assertThatThrownBy(() -> SnapshotExporter.builder().rowsPerTable(0)).isInstanceOf(SeedException.class)
                .hasMessage("rowsPerTable is 0; give at least 1 row per table.");
        assertThatThrownBy(() -> SnapshotExporter.builder().rowsPerTable("public.users", -1))
                .hasMessage("rowsPerTable gives public.users -1 rows; give at least 1, or leave the table out with "
                        + "excludeTables.");
        assertThatThrownBy(() -> SnapshotExporter.builder().mask("public.users.email", Masking.sql(" ")))
                .hasMessage("Column public.users.email is masked with Masking.sql( ), an empty SQL expression; give "
                        + "one such as 'user-' || md5({column}) || '@example.com'.");
        assertThatThrownBy(() -> SnapshotExporter.builder().rowsPerTable("users", 3))
                .hasMessage("rowsPerTable 'users' is not a name of the form schema.table, e.g. public.users or "
                        + "sales.\"Order Items\": found 1 part(s). Bare names are folded to lower case; quote names "
                        + "with capitals, dots or spaces.");
        assertThatThrownBy(() -> SnapshotExporter.builder().mask("public.users", Masking.EMAIL))
                .hasMessageStartingWith("mask 'public.users' is not a name of the form schema.table.column");
        assertThatThrownBy(() -> SnapshotExporter.builder().virtualForeignKeys("nonsense"))
                .isInstanceOf(SeedException.class);
    }

    @Test
    void aFilterWithAnSqlErrorNamesTheTableAndTheFilter(TestDatabase db) throws Exception {
        ExportFixture.create(db, "badfilter", SHOP);
        SeedException e = failure(db, exporter("badfilter").where("badfilter.orders", "no_such_column = 1"));
        assertThat(e.code()).isEqualTo(Code.CONFIGURATION);
        assertThat(e.getMessage()).startsWith("The export failed while choosing the first rows of badfilter.orders "
                + "with the filter \"no_such_column = 1\": ERROR: column \"no_such_column\" does not exist")
                .contains(". Correct the filter of badfilter.orders (where). (SQL: ");
    }

    @Test
    void aVirtualForeignKeyBetweenIncomparableTypesSaysSo(TestDatabase db) throws Exception {
        ExportFixture.create(db, "vtypes", SHOP).data(DATA);
        SeedException e = failure(db, exporter("vtypes")
                .virtualForeignKeys("vtypes.notes(note) -> vtypes.customers(id)"));
        assertThat(e.getMessage()).startsWith("The export failed while choosing the first rows of vtypes.notes: ERROR: "
                + "operator does not exist: text = integer").contains("a virtual foreign key compares columns of "
                        + "different types; declare it between columns of comparable types.");
    }

    @Test
    void aFilterThatLeavesATableWithRowsEmptyIsAnError(TestDatabase db) throws Exception {
        ExportFixture empty = ExportFixture.create(db, "nomatch", SHOP).data(DATA);
        assertThat(empty.export(empty.builder().where("nomatch.notes", "false"), dir).rows())
                .as("a filter on an empty table is fine").isEqualTo(7);
        ExportFixture.create(db, "nomatch2", SHOP).data(DATA).data("insert into {s}.notes values (1, 'n')");
        assertFailure(db, exporter("nomatch2").where("nomatch2.notes", "note = 'x'"), "The filter of nomatch2.notes "
                + "(where \"note = 'x'\") matches none of its rows, and no exported row references one, so the table "
                + "would come out empty although it has rows. Change the filter, or exclude the table.");
    }

    @Test
    void aConnectionInsideATransactionIsRefused(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> exporter("public").build().export(c, dir))
                    .hasMessageStartingWith("The export needs a connection in auto-commit mode");
        }
    }

    private static SnapshotExporter.Builder exporter(String schema) {
        return SnapshotExporter.builder().includeSchemas(schema);
    }

    /** Exports and expects a CONFIGURATION error with exactly {@code message}. */
    private void assertFailure(TestDatabase db, SnapshotExporter.Builder builder, String message) throws Exception {
        assertThat(failure(db, builder)).hasMessage(message).extracting(SeedException::code)
                .isEqualTo(Code.CONFIGURATION);
    }

    /** The error of an export that must fail, and must not leave its target directory behind. */
    private SeedException failure(TestDatabase db, SnapshotExporter.Builder builder) throws Exception {
        try (Connection c = db.connect()) {
            SeedException e = catchThrowableOfType(SeedException.class,
                    () -> builder.build().export(c, dir.resolve("failed")));
            assertThat(e).as("the export's failure").isNotNull();
            assertThat(dir.resolve("failed")).doesNotExist();
            return e;
        }
    }
}
