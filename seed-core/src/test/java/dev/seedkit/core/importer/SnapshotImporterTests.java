package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.contentHash;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(TestPostgres.class)
class SnapshotImporterTests {

    static final String SHOP = """
            create schema shop;
            create table shop.customers (id serial primary key, name text not null,
                referred_by int references shop.customers);
            create table shop.products (id int generated always as identity primary key, title text not null,
                price numeric(10,2), price_with_tax numeric generated always as (price * 1.2) stored);
            create table shop.orders (id bigserial primary key, customer_id int not null references shop.customers,
                note text);
            create table shop.order_lines (order_id bigint references shop.orders, product_id int
                references shop.products, qty int not null, primary key (order_id, product_id));
            create sequence shop.shared_seq;
            create table shop.tickets (id bigint primary key default nextval('shop.shared_seq'), subject text);
            create table shop.notes (id bigint primary key default nextval('shop.shared_seq'), body text);
            create table shop.departments (id int primary key, name text, manager_id int);
            create table shop.employees (id int primary key, department_id int not null references shop.departments,
                name text);
            alter table shop.departments add constraint departments_manager_fk foreign key (manager_id)
                references shop.employees;
            create table shop.invoices (id int primary key, shipment_id int not null);
            create table shop.shipments (id int primary key, invoice_id int not null references shop.invoices
                deferrable);
            alter table shop.invoices add constraint invoices_shipment_fk foreign key (shipment_id)
                references shop.shipments deferrable;
            create table shop.audit_log (at timestamptz, message text);
            """;

    static final String SHOP_DATA = """
            insert into shop.customers (id, name, referred_by) values (1, 'Ada', null), (2, 'Grace', 1),
                (3, 'Linus', 2), (4, 'Tab\tand\\backslash', null), (5, 'Emoji 🎉', 4);
            update shop.customers set referred_by = 3 where id = 1;
            insert into shop.products (id, title, price) overriding system value values (1, 'pen', 1.50),
                (2, 'ink', 3.00), (7, 'paper', null);
            insert into shop.orders (id, customer_id, note) values (10, 1, 'first'), (11, 3, null), (12, 5, ''),
                (13, 5, 'multi
            line');
            insert into shop.order_lines values (10, 1, 2), (10, 2, 1), (11, 7, 5), (13, 1, 1);
            select setval('shop.shared_seq', 30);
            insert into shop.tickets values (21, 'broken pen'), (22, 'late');
            insert into shop.notes values (30, 'shared sequence');
            insert into shop.departments values (1, 'R&D', null), (2, 'Sales', null);
            insert into shop.employees values (1, 1, 'Ada'), (2, 1, 'Grace'), (3, 2, 'Linus');
            update shop.departments set manager_id = 2 where id = 1;
            begin;
            set constraints all deferred;
            insert into shop.invoices values (100, 500), (101, 501);
            insert into shop.shipments values (500, 100), (501, 101);
            commit;
            insert into shop.audit_log values ('2026-01-02 03:04:05+00', 'created'), (null, 'created');
            """;

    @TempDir
    static Path dir;
    static PostgresServer server;
    static ImportScenario shop;

    @BeforeAll
    static void writeShopSnapshot(PostgresServer postgres) throws Exception {
        server = postgres;
        shop = ImportScenario.create(server, dir, SHOP, SHOP_DATA);
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void loadsEveryTableOfTheSnapshotExactlyIncludingCyclesAndSelfReferences(boolean triggersOffAllowed)
            throws Exception {
        String target = shop.newDatabase(true);
        ImportReport report;
        try (Snapshot snapshot = shop.open(); Connection c = shop.connect(target)) {
            report = SnapshotImporter.builder().triggersOffAllowed(triggersOffAllowed).build()
                    .importInto(c, snapshot);
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
        }
        assertThat(report.alreadyApplied()).isFalse();
        assertThat(report.triggersOff()).isEqualTo(triggersOffAllowed); // the embedded role is a superuser
        assertThat(report.inserted()).isEqualTo(5 + 3 + 4 + 4 + 2 + 1 + 2 + 3 + 2 + 2 + 2);
        assertThat(report.tables()).extracting(ImportReport.TableReport::table)
                .containsExactlyElementsOf(planOrder(target));
        assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.customers")).singleElement()
                .satisfies(t -> assertThat(t.inserted()).isEqualTo(5));
    }

    @Test
    void importingTheSameSnapshotAgainIsANoOpAndAForcedReimportChangesNothing() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            SnapshotImporter importer = SnapshotImporter.builder().build();
            importFrom(importer, c);
            String before = contentHash(c, "shop");
            ImportReport again = importFrom(importer, c);
            assertThat(again.alreadyApplied()).isTrue();
            assertThat(again.tables()).isEmpty();
            ImportReport forced = importFrom(SnapshotImporter.builder().force(true).build(), c);
            assertThat(forced.alreadyApplied()).isFalse();
            assertThat(forced.inserted()).isZero();
            assertThat(forced.skipped()).isEqualTo(30);
            assertThat(contentHash(c, "shop")).isEqualTo(before);
            assertThat(queryValue(c, "select count(*) from seedkit.applied_snapshots")).isEqualTo("2");
        }
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void aForcedReimportIntoTablesThatLackSomeRowsInsertsExactlyThoseAndChangesNoOtherRow(boolean triggersOffAllowed)
            throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            SnapshotImporter importer = SnapshotImporter.builder().triggersOffAllowed(triggersOffAllowed).force(true)
                    .build();
            importFrom(importer, c);
            execute(c, "delete from shop.order_lines where order_id = 13 or (order_id = 10 and product_id = 2);"
                    + "delete from shop.orders where id = 13;"
                    + "update shop.customers set name = 'kept' where id = 2");
            ImportReport report = importFrom(importer, c);
            assertThat(report.inserted()).isEqualTo(3);
            assertThat(report.updated()).isZero();
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.order_lines")).singleElement()
                    .satisfies(t -> assertThat(List.of(t.inserted(), t.skipped())).containsExactly(2L, 2L));
            assertThat(ids(c, "shop.order_lines", "order_id * 100 + product_id")).isEqualTo("1001,1002,1107,1301");
            assertThat(ids(c, "shop.orders", "id")).isEqualTo("10,11,12,13");
            assertThat(queryValue(c, "select note from shop.orders where id = 13")).isEqualTo("multi\nline");
            assertThat(queryValue(c, "select name from shop.customers where id = 2")).isEqualTo("kept");
            execute(c, "update shop.customers set name = 'Grace' where id = 2");
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
        }
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void anOrphanAmongTheRowsMissingFromAFilledTableIsRefused(boolean triggersOffAllowed) throws Exception {
        ImportScenario orphans = orphanedOrderScenario();
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            String before = contentHash(c, "shop");
            try (Snapshot snapshot = orphans.open()) {
                assertThatThrownBy(() -> SnapshotImporter.builder().triggersOffAllowed(triggersOffAllowed).build()
                        .importInto(c, snapshot))
                        .isInstanceOf(SeedException.class)
                        .hasMessageContaining("orders_customer_id_fkey")
                        .hasMessageContaining("(customer_id)=(999)");
            }
            assertThat(contentHash(c, "shop")).isEqualTo(before);
        }
    }

    @Test
    void aRoleThatMayNotSwitchTriggersOffLoadsWithThemOnAndGetsTheSameRows() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection admin = shop.connect(target)) {
            execute(admin, "do $$ begin if not exists (select from pg_roles where rolname = 'seed_plain') then"
                    + " create role seed_plain login password 'plain-secret'; end if; end $$;"
                    + "grant create, temporary on database " + target + " to seed_plain;"
                    + "grant usage on schema shop to seed_plain;"
                    + "grant select, insert, update on all tables in schema shop to seed_plain;"
                    + "grant usage, select, update on all sequences in schema shop to seed_plain");
        }
        ImportReport report;
        try (Snapshot snapshot = shop.open();
             Connection c = DriverManager.getConnection(server.jdbcUrl(target), "seed_plain",
                     "plain-secret")) {
            assertThat(queryValue(c, "select rolsuper from pg_roles where rolname = current_user")).isEqualTo("f");
            report = SnapshotImporter.builder().build().importInto(c, snapshot);
            assertThat(queryValue(c, "show session_replication_role")).isEqualTo("origin");
        }
        assertThat(report.triggersOff()).isFalse();
        assertThat(report.inserted()).isEqualTo(30);
        try (Connection c = shop.connect(target)) {
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
        }
    }

    @Test
    void upsertInsertsMissingRowsAndUpdatesOnlyTheRowsThatDiffer() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            execute(c, "update shop.customers set name = 'changed' where id = 2;"
                    + "delete from shop.order_lines where order_id = 13;"
                    + "update shop.departments set manager_id = 1 where id = 1");
            ImportReport report = importFrom(SnapshotImporter.builder().mode(ImportMode.UPSERT).build(), c);
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
            assertThat(report.updated()).as("one customer and one department changed").isEqualTo(2);
            assertThat(report.inserted()).as("one order line deleted").isEqualTo(1);
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.customers")).singleElement()
                    .satisfies(t -> assertThat(t.updated()).isEqualTo(1));
        }
    }

    @Test
    void upsertWithTriggersOnCountsRowsWhoseForeignKeyCycleColumnChanged() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            // departments.manager_id closes the departments <-> employees cycle: loaded NULL first, then updated
            execute(c, "update shop.departments set manager_id = 1 where id = 1;"
                    + "update shop.departments set manager_id = 3, name = 'Sold' where id = 2");
            ImportReport report = importFrom(SnapshotImporter.builder().mode(ImportMode.UPSERT)
                    .triggersOffAllowed(false).build(), c);
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
            assertThat(report.triggersOff()).isFalse();
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.departments")).singleElement()
                    .satisfies(t -> assertThat(List.of(t.inserted(), t.skipped(), t.updated()))
                            .containsExactly(0L, 0L, 2L));
            assertThat(report.updated()).isEqualTo(2);
        }
    }

    @Test
    void upsertWithTriggersOnCountsACycleRowItInsertsOnlyAsInserted() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            execute(c, "update shop.departments set manager_id = null where id = 1;"
                    + "delete from shop.employees where id = 2");
            ImportReport report = importFrom(SnapshotImporter.builder().mode(ImportMode.UPSERT)
                    .triggersOffAllowed(false).build(), c);
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.departments")).singleElement()
                    .satisfies(t -> assertThat(List.of(t.inserted(), t.skipped(), t.updated()))
                            .containsExactly(0L, 1L, 1L));
            assertThat(report.tables()).filteredOn(t -> t.table().equals("shop.employees")).singleElement()
                    .satisfies(t -> assertThat(List.of(t.inserted(), t.skipped(), t.updated()))
                            .containsExactly(1L, 2L, 0L));
        }
    }

    @Test
    void insertMissingWithTriggersOnLeavesTheCycleColumnOfARowAlreadyPresentAlone() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            execute(c, "update shop.departments set manager_id = null where id = 1;"
                    + "delete from shop.employees where id = 3; delete from shop.departments where id = 2");
            ImportReport report = importFrom(SnapshotImporter.builder().force(true).triggersOffAllowed(false)
                    .build(), c);
            assertThat(queryValue(c, "select manager_id from shop.departments where id = 1")).isNull();
            assertThat(ids(c, "shop.departments", "id")).isEqualTo("1,2");
            assertThat(ids(c, "shop.employees", "id")).isEqualTo("1,2,3");
            assertThat(report.updated()).isZero();
        }
    }

    @Test
    void replaceLeavesExactlyTheSnapshotInItsTables() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            execute(c, "insert into shop.customers (id, name) values (99, 'not in the snapshot');"
                    + "insert into shop.audit_log values (now(), 'also not')");
            importFrom(SnapshotImporter.builder().mode(ImportMode.REPLACE).build(), c);
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
        }
    }

    @Test
    void aFailureInTheLastTableLeavesTheDatabaseAsItWasAndNamesTableLineAndConstraint() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            List<String> order = planOrder(target);
            String last = order.get(order.size() - 1);
            execute(c, "alter table " + last + " add constraint refuses_rows check (false) not valid");
            String before = contentHash(c, "shop");
            assertThatThrownBy(() -> importFrom(SnapshotImporter.builder().build(), c))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATA_INTEGRITY))
                    .hasMessageContaining("table " + last)
                    .hasMessageContaining("line 2")
                    .hasMessageContaining("refuses_rows")
                    .hasMessageContaining("nothing was imported");
            assertThat(contentHash(c, "shop")).isEqualTo(before);
            assertThat(queryValue(c, "select to_regclass('seedkit.applied_snapshots') is null")).isEqualTo("t");
        }
    }

    @Test
    void sequencesMovePastEveryLoadedKeySoNewRowsDoNotCollide() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().build(), c);
            assertThat(queryValue(c, "insert into shop.customers (name) values ('new') returning id")).isEqualTo("6");
            assertThat(queryValue(c, "insert into shop.products (title) values ('new') returning id")).isEqualTo("8");
            assertThat(queryValue(c, "insert into shop.orders (customer_id) values (1) returning id")).isEqualTo("14");
            assertThat(queryValue(c, "insert into shop.tickets (subject) values ('new') returning id")).isEqualTo("31");
        }
    }

    @Test
    void twoConcurrentImportersProduceExactlyOneImport() throws Exception {
        String target = shop.newDatabase(true);
        SnapshotImporter importer = SnapshotImporter.builder().build();
        Callable<ImportReport> oneImport = () -> {
            try (Connection c = shop.connect(target)) {
                return importFrom(importer, c);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportReport>> results = pool.invokeAll(List.of(oneImport, oneImport));
            assertThat(results.get(0).get().alreadyApplied() ^ results.get(1).get().alreadyApplied())
                    .as("exactly one of the two imports loads rows").isTrue();
        } finally {
            pool.shutdown();
        }
        try (Connection c = shop.connect(target)) {
            assertThat(contentHash(c, "shop")).isEqualTo(sourceHash());
            assertThat(queryValue(c, "select count(*) from seedkit.applied_snapshots")).isEqualTo("1");
        }
    }

    @Test
    void aTableSubsetPullsInExactlyTheAncestorRowsItNeeds() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            ImportReport report = importFrom(SnapshotImporter.builder().tables(List.of("shop.order_lines")).build(), c);
            assertThat(report.tables()).extracting(ImportReport.TableReport::table)
                    .containsExactlyInAnyOrder("shop.customers", "shop.products", "shop.orders", "shop.order_lines");
            assertThat(ids(c, "shop.order_lines", "order_id || ':' || product_id")).isEqualTo("10:1,10:2,11:7,13:1");
            assertThat(ids(c, "shop.orders", "id")).isEqualTo("10,11,13");
            assertThat(ids(c, "shop.products", "id")).isEqualTo("1,2,7");
            // orders need customers 1, 3, 5; their referrals pull in 2 (3 -> 2) and 4 (5 -> 4): all five
            assertThat(ids(c, "shop.customers", "id")).isEqualTo("1,2,3,4,5");
            assertThat(queryValue(c, "select count(*) from shop.tickets")).isEqualTo("0");
        }
    }

    @Test
    void aSubsetOfAChildTableLeavesUnreferencedParentRowsOut() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            importFrom(SnapshotImporter.builder().tables(List.of("employees")).build(), c);
            assertThat(ids(c, "shop.employees", "id")).isEqualTo("1,2,3");
            assertThat(ids(c, "shop.departments", "id")).isEqualTo("1,2");
            assertThat(queryValue(c, "select manager_id from shop.departments where id = 1")).isEqualTo("2");
        }
    }

    @Test
    void aSchemaThatDriftedFailsBeforeAnyRowIsWrittenAndListsEveryMismatch() throws Exception {
        String target = shop.newDatabase(true);
        try (Connection c = shop.connect(target)) {
            execute(c, "alter table shop.customers drop column name;"
                    + "alter table shop.orders alter column note type varchar(20);"
                    + "alter table shop.tickets add column priority int not null");
            assertThatThrownBy(() -> importFrom(SnapshotImporter.builder().build(), c))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.SCHEMA_DRIFT))
                    .hasMessageContaining("column shop.customers.name (text) is in the snapshot but not in the "
                            + "database")
                    .hasMessageContaining("column shop.orders.note is text in the snapshot but character varying(20) "
                            + "in the database")
                    .hasMessageContaining("column shop.tickets.priority is NOT NULL without a default")
                    .hasMessageContaining("refresh the snapshot");
            assertThat(queryValue(c, "select count(*) from shop.customers")).isEqualTo("0");
        }
    }

    @ParameterizedTest(name = "foreign-key triggers off allowed: {0}")
    @ValueSource(booleans = {true, false})
    void rowsThatBreakAForeignKeyAreRefusedWithTheConstraintNamed(boolean triggersOffAllowed) throws Exception {
        ImportScenario orphans = orphanedOrderScenario();
        String target = orphans.newDatabase(true);
        try (Snapshot snapshot = orphans.open(); Connection c = orphans.connect(target)) {
            assertThatThrownBy(() -> SnapshotImporter.builder().triggersOffAllowed(triggersOffAllowed).build()
                    .importInto(c, snapshot))
                    .isInstanceOf(SeedException.class)
                    .satisfies(e -> assertThat(((SeedException) e).code())
                            .isEqualTo(SeedException.Code.DATA_INTEGRITY))
                    .hasMessageContaining("orders_customer_id_fkey")
                    .hasMessageContaining("(customer_id)=(999)");
            assertThat(queryValue(c, "select count(*) from shop.customers")).isEqualTo("0");
        }
    }

    /** The shop snapshot plus order 14, whose customer 999 does not exist. */
    private static ImportScenario orphanedOrderScenario() throws Exception {
        return ImportScenario.create(server, dir, SHOP, SHOP_DATA
                + "alter table shop.orders drop constraint orders_customer_id_fkey;"
                + "insert into shop.orders (id, customer_id) values (14, 999);"
                + "alter table shop.orders add constraint orders_customer_id_fkey foreign key (customer_id)"
                + " references shop.customers not valid;");
    }

    private static ImportReport importFrom(SnapshotImporter importer, Connection c) {
        try (Snapshot snapshot = shop.open()) {
            return importer.importInto(c, snapshot);
        }
    }

    private static String sourceHash() throws Exception {
        try (Connection c = shop.connect(shop.source())) {
            return contentHash(c, "shop");
        }
    }

    private static List<String> planOrder(String database) throws Exception {
        try (Connection c = shop.connect(database)) {
            return LoadPlan.of(SchemaReader.read(c, List.of("shop"))).tables().stream().map(Object::toString).toList();
        }
    }

    private static String ids(Connection c, String table, String expression) throws Exception {
        return queryValue(c, "select string_agg((" + expression + ")::text, ',' order by " + expression + ") from "
                + table);
    }
}
