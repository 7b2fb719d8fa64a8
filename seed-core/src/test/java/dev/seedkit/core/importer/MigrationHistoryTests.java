package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.core.snapshot.MigrationVersion;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration tools' history tables: left out of exports unless named, never imported over the target's own, and
 * the version they record kept in the manifest and named by a drift error.
 */
@ExtendWith(TestPostgres.class)
class MigrationHistoryTests {

    /** Flyway's history table as Flyway 10 creates it, and a small schema it "migrated". */
    static final String FLYWAY = """
            create table flyway_schema_history (installed_rank int primary key, version varchar(50),
                description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null,
                checksum int, installed_by varchar(100) not null, installed_on timestamp not null default now(),
                execution_time int not null, success boolean not null);
            create table customers (id serial primary key, email text not null unique);
            create table orders (id serial primary key, customer_id int not null references customers);
            insert into customers (email) values ('a@x'), ('b@x');
            insert into orders (customer_id) values (1), (2), (2);
            """;

    static final String HISTORY_AT_2 = """
            insert into flyway_schema_history values
                (1, '1', 'customers', 'SQL', 'V1__customers.sql', 1, 'me', now(), 5, true),
                (2, '2', 'orders', 'SQL', 'V2__orders.sql', 2, 'me', now(), 5, true),
                (3, '3', 'broken', 'SQL', 'V3__broken.sql', 3, 'me', now(), 5, false);
            """;

    @TempDir
    Path dir;

    @Test
    void exportsLeaveTheHistoryOutAndRecordTheVersionItReached(PostgresServer server) throws Exception {
        String source = database(server, FLYWAY + HISTORY_AT_2);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public"));

        try (Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThat(s.manifest().tables()).extracting(SnapshotManifest.Table::name)
                    .containsExactlyInAnyOrder("customers", "orders");
            assertThat(s.manifest().migrationVersion()).contains(new MigrationVersion("Flyway", "2"));
            assertThat(s.manifest().toJson()).contains("\"migration\": {\n    \"tool\": \"Flyway\",\n"
                    + "    \"version\": \"2\"\n  }");
        }
    }

    @Test
    void aHistoryTableNamedInTheIncludedTablesIsExported(PostgresServer server) throws Exception {
        String source = database(server, FLYWAY + HISTORY_AT_2);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public")
                .includeTables("public.flyway_schema_history", "public.customers"));

        try (Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThat(s.manifest().tables()).extracting(SnapshotManifest.Table::name)
                    .containsExactlyInAnyOrder("flyway_schema_history", "customers");
        }
    }

    @Test
    void aSnapshotHoldingAHistoryTableNeverWritesTheTargetsHistory(PostgresServer server) throws Exception {
        String source = database(server, FLYWAY + HISTORY_AT_2);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public")
                .includeTables("public.flyway_schema_history", "public.customers", "public.orders"));
        for (ImportMode mode : new ImportMode[] {ImportMode.INSERT_MISSING, ImportMode.UPSERT, ImportMode.REPLACE}) {
            String target = database(server, FLYWAY.replaceAll("insert into .*;", "") + """
                    insert into flyway_schema_history values
                        (1, '1', 'customers', 'SQL', 'V1__customers.sql', 7, 'ci', now(), 9, true);
                    """);
            try (Connection c = server.connect(target); Snapshot s = SnapshotLocation.directory(snapshot).open()) {
                ImportReport report = SnapshotImporter.builder().mode(mode).build().importInto(c, s);

                assertThat(report.tables()).as(mode.name()).extracting(t -> t.table().toString())
                        .doesNotContain("public.flyway_schema_history");
                assertThat(queryValue(c, "select string_agg(installed_rank || ':' || checksum || ':' || installed_by,"
                        + " ',') from flyway_schema_history")).as(mode.name()).isEqualTo("1:7:ci");
                assertThat(queryValue(c, "select count(*) from orders")).as(mode.name()).isEqualTo("3");
            }
        }
    }

    @Test
    void aDriftErrorSaysWhichMigrationsSeparateTheSnapshotFromTheDatabase(PostgresServer server) throws Exception {
        String source = database(server, FLYWAY + HISTORY_AT_2);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public"));
        String target = database(server, FLYWAY.replaceAll("insert into .*;", "") + HISTORY_AT_2 + """
                insert into flyway_schema_history values
                    (4, '3', 'email to login', 'SQL', 'V3__login.sql', 4, 'me', now(), 5, true);
                alter table customers rename column email to login;
                """);

        try (Connection c = server.connect(target); Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThatThrownBy(() -> SnapshotImporter.builder().build().importInto(c, s))
                    .isInstanceOfSatisfying(SeedException.class, e -> assertThat(e.code())
                            .isEqualTo(SeedException.Code.SCHEMA_DRIFT))
                    .hasMessageStartingWith("The database schema no longer matches the snapshot (snapshot made at "
                            + "Flyway version 2, database is at 3):")
                    .hasMessageContaining("column public.customers.email (text) is in the snapshot but not in the "
                            + "database")
                    .hasMessageContaining("seedkit refresh");
            SchemaDrift drift = SchemaDrift.check(c, s.manifest(), SchemaDrift.Policy.EXACT);
            assertThat(drift.migrations()).contains("snapshot made at Flyway version 2, database is at 3");
        }
    }

    @Test
    void aDriftErrorWithoutVersionsToCompareAsksForAMigrationOrARefresh(PostgresServer server) throws Exception {
        String source = database(server, FLYWAY + HISTORY_AT_2);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public"));
        String target = database(server, FLYWAY.replaceAll("insert into .*;", "") + HISTORY_AT_2
                + "alter table customers rename column email to login;");

        try (Connection c = server.connect(target); Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThatThrownBy(() -> SnapshotImporter.builder().build().importInto(c, s))
                    .hasMessageStartingWith("The database schema no longer matches the snapshot:")
                    .hasMessageContaining("Migrate the database to the schema the snapshot was exported from");
        }
    }

    @Test
    void liquibaseHistoryIsLeftOutAndItsLastChangesetRecorded(PostgresServer server) throws Exception {
        String source = database(server, """
                create table databasechangelog (id varchar(255) not null, author varchar(255) not null,
                    filename varchar(255) not null, dateexecuted timestamp not null, orderexecuted int not null,
                    exectype varchar(10) not null, md5sum varchar(35));
                create table databasechangeloglock (id int primary key, locked boolean not null,
                    lockgranted timestamp, lockedby varchar(255));
                insert into databasechangelog values ('create-customers', 'me', 'master.yaml', now(), 1, 'EXECUTED',
                    null), ('add-index', 'me', 'master.yaml', now(), 2, 'EXECUTED', null);
                insert into databasechangeloglock values (1, false, null, null);
                create table customers (id serial primary key, email text not null unique);
                insert into customers (email) values ('a@x');
                """);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public"));

        try (Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThat(s.manifest().tables()).extracting(SnapshotManifest.Table::name).containsExactly("customers");
            assertThat(s.manifest().migrationVersion().map(MigrationVersion::describe))
                    .contains("Liquibase changeset add-index");
        }
    }

    @Test
    void anApplicationTableThatOnlySharesTheNameIsData(PostgresServer server) throws Exception {
        String source = database(server, """
                create table schema_migrations (id serial primary key, title text not null);
                insert into schema_migrations (title) values ('move the office');
                """);
        Path snapshot = export(server, source, SnapshotExporter.builder().includeSchemas("public"));

        try (Snapshot s = SnapshotLocation.directory(snapshot).open()) {
            assertThat(s.manifest().tables()).extracting(SnapshotManifest.Table::rowCount).containsExactly(1L);
            assertThat(s.manifest().migrationVersion()).isEmpty();
        }
    }

    @Test
    void aManifestWithoutAMigrationVersionHasNoMigrationKey() {
        String json = """
                {"formatVersion": 1, "fixtureVersion": "v1", "createdAt": "2026-01-01T00:00:00Z", "source": "s",
                 "schemaFingerprint": "fp", "loadPlan": [], "tables": []}
                """;
        SnapshotManifest manifest = SnapshotManifest.read(new ByteArrayInputStream(json.getBytes(
                StandardCharsets.UTF_8)), "manifest.json");

        assertThat(manifest.migrationVersion()).isEmpty();
        assertThat(manifest.toJson()).doesNotContain("migration");
        assertThatThrownBy(() -> SnapshotManifest.read(new ByteArrayInputStream(json.replace("\"tables\"",
                "\"migration\": {\"tool\": \"Flyway\"}, \"tables\"").getBytes(StandardCharsets.UTF_8)),
                "manifest.json")).hasMessageStartingWith("manifest.json: migration.version must be a string, found "
                        + "nothing.");
    }

    private static String database(PostgresServer server, String sql) throws SQLException {
        String name = TestPostgres.newDatabase(server, "mig_");
        try (Connection c = server.connect(name)) {
            execute(c, sql);
        }
        return name;
    }

    private Path export(PostgresServer server, String database, SnapshotExporter.Builder exporter)
            throws SQLException {
        Path snapshot = dir.resolve(database);
        try (Connection c = server.connect(database)) {
            exporter.build().export(c, snapshot);
        }
        return snapshot;
    }
}
