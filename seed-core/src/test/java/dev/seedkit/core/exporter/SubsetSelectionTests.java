package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rows the exporter chooses: each table's first rows, preferring rows whose parents are already chosen, then
 * every parent they need, through every shape of foreign key; and never more than that. Every export here is
 * loaded into an empty copy of its schema and checked for orphans by {@link ExportFixture}.
 */
@ExtendWith(TestPostgres.class)
class SubsetSelectionTests {

    @TempDir
    Path dir;

    @Test
    void aSelfReferenceChainIsWalkedDownFromItsRootSoNoAncestorIsPulledIn(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "chain",
                "create table {s}.emp (id int primary key, boss_id int references {s}.emp, name text)")
                .data("insert into {s}.emp select g, case when g < 500 then g + 1 end, 'e' || g"
                        + " from generate_series(1, 500) g; insert into {s}.emp values (501, 501, 'own boss')");
        ExportReport report = f.export(3, dir);
        assertThat(f.loaded("emp", "id")).containsExactly("498", "499", "500");
        assertThat(report.table(f.table("emp")).orElseThrow())
                .extracting(ExportReport.TableReport::rowsSelectedByLimit,
                        ExportReport.TableReport::rowsPulledInAsParents)
                .containsExactly(3L, 0L);
        assertThat(report.queries()).isLessThan(25);
    }

    @Test
    void aSelfReferenceWithoutRootsTakesItsFirstRowsAndPullsTheirWholeChainThroughADataCycle(TestDatabase db)
            throws Exception {
        ExportFixture f = ExportFixture.create(db, "ring",
                "create table {s}.emp (id int primary key, boss_id int references {s}.emp)")
                .data("insert into {s}.emp select g, null from generate_series(1, 200) g;"
                        + " update {s}.emp set boss_id = case when id < 200 then id + 1 else 1 end");
        ExportReport report = f.export(3, dir);
        assertThat(f.loaded("emp", "id")).hasSize(200).startsWith("1", "2", "3").endsWith("200");
        assertThat(report.table(f.table("emp")).orElseThrow().pulledIn())
                .containsExactly(new ExportReport.PulledIn("emp_boss_id_fkey", f.table("emp"), 197));
    }

    @Test
    void twoSelfReferencesPreferRootsAndOtherwiseBothPullTheirAncestors(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "family", "create table {s}.person (id int primary key,"
                + " mother_id int references {s}.person, father_id int references {s}.person)")
                .data("insert into {s}.person values (10, null, null), (11, null, null), (12, null, null),"
                        + " (7, 10, null), (8, null, 11), (5, 7, 8), (6, null, 12), (1, 5, 6), (2, null, null),"
                        + " (20, 21, null), (21, null, null)");
        f.export(1, dir);
        assertThat(f.loaded("person", "id")).as("the first root").containsExactly("2");
        f.export(f.builder().rowsPerTable(1).where("family.person", "id = 1"), dir);
        assertThat(f.loaded("person", "id")).containsExactly("1", "5", "6", "7", "8", "10", "11", "12");
    }

    @Test
    void aTwoTableCyclePrefersRowsWhoseReferencesAreChosenAndOtherwiseClosesTheDataCycle(TestDatabase db)
            throws Exception {
        ExportFixture f = ExportFixture.create(db, "cycle", "create table {s}.a (id int primary key, b_id int);"
                + " create table {s}.b (id int primary key, a_id int references {s}.a);"
                + " alter table {s}.a add foreign key (b_id) references {s}.b")
                .data("insert into {s}.a select g, null from generate_series(1, 6) g;"
                        + " insert into {s}.b select g, g + 1 from generate_series(1, 5) g;"
                        + " update {s}.a set b_id = id where id <= 5; update {s}.b set a_id = 1 where id = 5;"
                        + " insert into {s}.b values (6, 6)");
        ExportReport report = f.export(1, dir);
        assertThat(f.loaded("a", "id")).as("a6 has no reference, b6 points at it").containsExactly("6");
        assertThat(f.loaded("b", "id")).containsExactly("6");
        assertThat(report.rowsPulledInAsParents()).isZero();
        report = f.export(f.builder().rowsPerTable(1).where("cycle.a", "id = 1"), dir);
        assertThat(f.loaded("a", "id")).containsExactly("1", "2", "3", "4", "5");
        assertThat(f.loaded("b", "id")).containsExactly("1", "2", "3", "4", "5");
        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.rowsSelectedByLimit()).as("a1, and b5, which points at it").isEqualTo(2);
    }

    @Test
    void aJunctionWhoseFirstRowsNeedParentsBeyondTheLimitTakesThemAndPullsTheParents(TestDatabase db)
            throws Exception {
        ExportFixture f = ExportFixture.create(db, "junction", "create table {s}.users (id int primary key);"
                + " create table {s}.groups (id int primary key);"
                + " create table {s}.members (user_id int references {s}.users, group_id int references {s}.groups,"
                + " primary key (user_id, group_id))")
                .data("insert into {s}.users select generate_series(1, 20); insert into {s}.groups select"
                        + " generate_series(1, 20); insert into {s}.members values (1, 9), (9, 1), (10, 10), (11, 11)");
        ExportReport report = f.export(3, dir);
        assertThat(f.loadedRows("members", "1, 2")).containsExactly("1|9", "9|1", "10|10");
        assertThat(f.loaded("users", "id")).containsExactly("1", "2", "3", "9", "10");
        assertThat(f.loaded("groups", "id")).containsExactly("1", "2", "3", "9", "10");
        assertThat(report.table(f.table("users")).orElseThrow().rowsPulledInAsParents()).isEqualTo(2);
    }

    @Test
    void aDependentTablePrefersRowsWhoseParentsAreAlreadyChosen(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "prefer", "create table {s}.users (id int primary key);"
                + " create table {s}.orders (id int primary key, user_id int not null references {s}.users)")
                .data("insert into {s}.users select generate_series(1, 20);"
                        + " insert into {s}.orders values (1, 15), (2, 2), (3, 16), (4, 1), (5, 3), (6, 3), (7, 17)");
        ExportReport report = f.export(3, dir);
        assertThat(f.loaded("orders", "id")).containsExactly("2", "4", "5");
        assertThat(f.loaded("users", "id")).containsExactly("1", "2", "3");
        assertThat(report.rowsPulledInAsParents()).isZero();
    }

    @Test
    void compositeForeignKeysPullTheirParentsButAReferenceWithANullNeedsNone(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "composite", "create table {s}.parent (a int, b text,"
                + " primary key (a, b)); create table {s}.child (id int primary key, pa int, pb text,"
                + " foreign key (pa, pb) references {s}.parent); create table {s}.full_child (id int primary key,"
                + " pa int, pb text, foreign key (pa, pb) references {s}.parent match full);"
                + " create table {s}.far_child (id int primary key, pa int, pb text, foreign key (pa, pb)"
                + " references {s}.parent)")
                .data("insert into {s}.parent select g, 'k' || g from generate_series(1, 9) g;"
                        + " insert into {s}.child values (1, 7, null), (2, null, 'k6'), (3, 1, 'k1');"
                        + " insert into {s}.full_child values (1, 5, 'k5'), (2, 4, 'k4');"
                        + " insert into {s}.far_child values (1, 9, 'k9')");
        f.export(f.builder().rowsPerTable(3).rowsPerTable("composite.parent", 1), dir);
        assertThat(f.loadedRows("child", "id")).containsExactly("1|7|null", "2|null|k6", "3|1|k1");
        assertThat(f.loadedRows("full_child", "id")).containsExactly("1|5|k5", "2|4|k4");
        assertThat(f.loadedRows("parent", "a")).containsExactly("1|k1", "4|k4", "5|k5", "9|k9");
    }

    @Test
    void aForeignKeyToAUniqueTextColumnPullsItsParentByThatColumn(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "unique_ref", "create table {s}.country (id int primary key,"
                + " code text not null unique); create table {s}.city (id int primary key,"
                + " country_code text references {s}.country (code))")
                .data("insert into {s}.country values (1, 'AT'), (2, 'BE'), (3, 'b'), (4, 'a');"
                        + " insert into {s}.city values (1, 'b'), (2, 'a'), (3, 'BE')");
        f.export(f.builder().rowsPerTable(2).rowsPerTable("unique_ref.country", 1), dir);
        assertThat(f.loaded("city", "id")).containsExactly("1", "2");
        assertThat(f.loaded("country", "code")).containsExactly("AT", "a", "b");
    }

    @Test
    void aPartitionedParentIsReadThroughItsPartitions(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "parted", "create table {s}.event (id int primary key,"
                + " note text) partition by range (id); create table {s}.event_low partition of {s}.event for values"
                + " from (0) to (100); create table {s}.event_high partition of {s}.event for values from (100) to"
                + " (1000); create table {s}.ref (id int primary key, event_id int not null references {s}.event)")
                .data("insert into {s}.event select g, 'n' || g from generate_series(1, 5) g;"
                        + " insert into {s}.event select g, 'n' || g from generate_series(100, 105) g;"
                        + " insert into {s}.ref values (1, 104), (2, 101)");
        ExportReport report = f.export(2, dir);
        assertThat(f.loaded("event", "id")).containsExactly("1", "2", "101", "104");
        assertThat(report.table(f.table("event")).orElseThrow().rowsPulledInAsParents()).isEqualTo(2);
        assertThat(report.tables()).extracting(t -> t.table().name()).containsExactly("event", "ref");
    }

    @Test
    void aForeignKeyEveryPartitionDeclaresIsFollowedOnceNotOncePerPartition(TestDatabase db) throws Exception {
        ExportReport one = exportPartitioned(db, "part1", 1);
        ExportReport twelve = exportPartitioned(db, "part12", 12);
        assertThat(twelve.rows()).isEqualTo(one.rows());
        assertThat(twelve.queries()).as("queries with 12 partitions vs 1").isEqualTo(one.queries());
        assertThat(twelve.table(TableName.of("part12", "customer")).orElseThrow().pulledIn())
                .extracting(ExportReport.PulledIn::foreignKey).containsExactly("payment_0_customer_id_fkey");
    }

    /** Payments in {@code partitions} yearly partitions, each declaring the foreign key to customers itself. */
    private ExportReport exportPartitioned(TestDatabase db, String schema, int partitions) throws Exception {
        StringBuilder ddl = new StringBuilder("create table {s}.customer (id int primary key);"
                + " create table {s}.payment (id int, year int, customer_id int not null, primary key (year, id))"
                + " partition by range (year);");
        for (int i = 0; i < partitions; i++) {
            ddl.append(" create table {s}.payment_").append(i).append(" partition of {s}.payment for values from (")
                    .append(2000 + i).append(") to (").append(2001 + i).append(");")
                    .append(" alter table {s}.payment_").append(i)
                    .append(" add foreign key (customer_id) references {s}.customer;");
        }
        ExportFixture f = ExportFixture.create(db, schema, ddl.toString())
                .data("insert into {s}.customer select generate_series(1, 50);"
                        + " insert into {s}.payment select g, 2000, 51 - g from generate_series(1, 40) g");
        return f.export(5, dir.resolve(schema));
    }

    @Test
    void foreignKeysDeclaredOnlyOnPartitionsAndCompositeKeysWithTheDateFirstAreClosedOver(TestDatabase db)
            throws Exception {
        ExportFixture f = ExportFixture.create(db, "pay", "create table {s}.customer (id int primary key);"
                + " create table {s}.payment (payment_id int, payment_date date, customer_id int not null,"
                + " primary key (payment_date, payment_id)) partition by range (payment_date);"
                + " create table {s}.payment_2024 partition of {s}.payment for values from ('2024-01-01') to"
                + " ('2025-01-01'); create table {s}.payment_2025 partition of {s}.payment for values from"
                + " ('2025-01-01') to ('2026-01-01');"
                + " alter table {s}.payment_2024 add foreign key (customer_id) references {s}.customer;"
                + " alter table {s}.payment_2025 add foreign key (customer_id) references {s}.customer;"
                + " create table {s}.refund (id int primary key, payment_date date not null, payment_id int not null,"
                + " foreign key (payment_date, payment_id) references {s}.payment)")
                .data("insert into {s}.customer select generate_series(1, 50);"
                        + " insert into {s}.payment select g, date '2024-06-01' + (g % 2) * 365, 51 - g"
                        + " from generate_series(1, 40) g;"
                        + " insert into {s}.refund select g, date '2024-06-01' + ((41 - g) % 2) * 365, 41 - g"
                        + " from generate_series(1, 10) g");
        ExportReport report = f.export(5, dir);
        assertThat(f.loaded("refund", "id")).containsExactly("1", "2", "3", "4", "5");
        assertThat(f.loaded("payment", "payment_id")).as("the first five by (date, id), and those refunded")
                .containsExactly("2", "4", "6", "8", "10", "36", "37", "38", "39", "40");
        assertThat(f.loaded("customer", "id")).hasSize(15).contains("11", "15", "41", "49");
        assertThat(report.table(f.table("customer")).orElseThrow().rowsPulledInAsParents()).isEqualTo(10);
    }

    @Test
    void aVirtualForeignKeyPullsItsParentsLikeADeclaredOne(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "virtual", "create table {s}.customers (id int primary key);"
                + " create table {s}.orders (id int primary key, customer_ref int not null)")
                .data("insert into {s}.customers select generate_series(1, 10);"
                        + " insert into {s}.orders values (1, 7), (2, 9)")
                .virtualForeignKey("{s}.orders(customer_ref) -> {s}.customers(id)");
        ExportReport report = f.export(1, dir);
        assertThat(f.loaded("customers", "id")).containsExactly("1", "7");
        assertThat(report.rowsPulledInAsParents()).isEqualTo(1);
    }

    @Test
    void perTableFiltersAndLimitsChooseTheSeedRowsAndParentsFollow(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "filtered", "create table {s}.customers (id int primary key);"
                + " create table {s}.orders (id int primary key, status text not null,"
                + " customer_id int not null references {s}.customers)")
                .data("insert into {s}.customers select generate_series(1, 50); insert into {s}.orders select g,"
                        + " case when g % 3 = 0 then 'open' else 'done' end, 51 - g from generate_series(1, 50) g");
        ExportReport report = f.export(f.builder().rowsPerTable(2).rowsPerTable("filtered.orders", 4)
                .where("filtered.orders", "status = 'open'"), dir);
        assertThat(f.loaded("orders", "id")).containsExactly("3", "6", "9", "12");
        assertThat(f.loaded("customers", "id")).containsExactly("1", "2", "39", "42", "45", "48");
        assertThat(report.table(f.table("customers")).orElseThrow())
                .extracting(ExportReport.TableReport::rowsSelectedByLimit,
                        ExportReport.TableReport::rowsPulledInAsParents)
                .containsExactly(2L, 4L);
    }

    @Test
    void onlyParentsArePulledNeverTheChildrenOfPulledRows(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "parents_only", "create table {s}.users (id int primary key);"
                + " create table {s}.posts (id int primary key, user_id int not null references {s}.users);"
                + " create table {s}.likes (id int primary key, post_id int not null references {s}.posts)")
                .data("insert into {s}.users select generate_series(1, 5); insert into {s}.posts select g, g"
                        + " from generate_series(1, 5) g; insert into {s}.likes values (1, 5), (2, 5)");
        f.export(f.builder().rowsPerTable(1).rowsPerTable("parents_only.likes", 1), dir);
        assertThat(f.loaded("likes", "id")).containsExactly("1");
        assertThat(f.loaded("posts", "id")).containsExactly("1", "5");
        assertThat(f.loaded("users", "id")).containsExactly("1", "5");
    }

    @Test
    void tablesWithoutPrimaryKeyAreOrderedByAUniqueKeyElseByAllColumns(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "keyless", "create table {s}.tagged (code text not null unique,"
                + " n int); create table {s}.log (at int, message text)")
                .data("insert into {s}.tagged values ('b', 1), ('B', 2), ('a', 3);"
                        + " insert into {s}.log values (2, 'x'), (10, 'y'), (1, 'z'), (10, 'a')");
        ExportReport report = f.export(2, dir);
        assertThat(f.loadedRows("tagged", "n")).as("bytewise: B < a < b").containsExactly("B|2", "a|3");
        assertThat(f.loadedRows("log", "at, message")).containsExactly("1|z", "10|a");
        assertThat(report.manifest().table("keyless", "tagged").orElseThrow().keyColumns()).containsExactly("code");
        assertThat(report.manifest().table("keyless", "log").orElseThrow().keyColumns()).isEmpty();
    }

    @Test
    void quotedMixedCaseNamesWork(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "Mixed", "create table {s}.\"Order Items\" (\"Id\" int primary key,"
                + " \"Parent Id\" int references {s}.\"Order Items\"); create table {s}.\"user\" (id int primary key)")
                .data("insert into {s}.\"Order Items\" values (1, null), (2, 3), (3, null); insert into {s}.\"user\""
                        + " values (1)");
        ExportReport report = f.export(f.builder().rowsPerTable("\"Mixed\".\"Order Items\"", 2), dir);
        assertThat(report.table(f.table("Order Items")).orElseThrow().rows()).as("the two roots").isEqualTo(2);
        assertThat(report.tables()).extracting(ExportReport.TableReport::file)
                .containsExactly("%4Dixed.%4Frder%20%49tems.tsv", "%4Dixed.user.tsv");
    }

    @Test
    void everyTableWithRowsGetsRowsAndEmptyTablesGetAnEmptyFile(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "guard", "create table {s}.full_table (id int primary key);"
                + " create table {s}.empty_table (id int primary key); create table {s}.no_columns ()")
                .data("insert into {s}.full_table select generate_series(1, 3);"
                        + " insert into {s}.no_columns default values; insert into {s}.no_columns default values");
        ExportReport report = f.export(100, dir);
        assertThat(report.tables()).extracting(ExportReport.TableReport::rows).containsExactly(0L, 3L, 2L);
        assertThat(Files.readString(dir.resolve("guard.no_columns.tsv"))).isEqualTo("\n\n\n");
    }

}
