package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportScenario.databaseState;
import static dev.seedkit.core.importer.ImportScenario.execute;
import static dev.seedkit.core.importer.ImportScenario.queryValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database errors that are not about a row each get their own cause and next step, and leave the database as it
 * was: permissions, a read-only database, a foreign key TRUNCATE cannot get past, a record table Seedkit did not
 * create, a lock held by another session, a connection that dies, a snapshot file that goes away.
 */
@ExtendWith(TestPostgres.class)
class ImportErrorMessageTests {

    @TempDir
    static Path dir;
    static PostgresServer server;
    static ImportScenario items;

    @BeforeAll
    static void writeSnapshot(PostgresServer postgres) throws Exception {
        server = postgres;
        items = ImportScenario.create(server, dir, ImportLineNumberTests.DDL, ImportLineNumberTests.DATA);
    }

    @Test
    void aMissingPrivilegeIsNamedWithTheRoleThatNeedsIt() throws Exception {
        String target = items.newDatabase(true);
        try (Connection admin = items.connect(target)) {
            execute(admin, createRole("seed_no_insert") + "create schema seedkit authorization seed_no_insert;"
                    + "grant usage on schema t to seed_no_insert; grant select on all tables in schema t to "
                    + "seed_no_insert; grant insert on t.boxes to seed_no_insert");
            assertRefused(admin, () -> importAs("seed_no_insert", target, SnapshotImporter.builder()))
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATABASE))
                    .hasMessageContaining("permission denied for table items (while copying t.items.tsv into "
                            + "t.items)")
                    .hasMessageContaining("Role seed_no_insert needs INSERT on t.items; grant it");
        }
    }

    @Test
    void withoutCreateOnTheDatabaseTheErrorSaysToGrantItOrCreateTheSeedkitSchemaWhichIsThenEnough()
            throws Exception {
        String target = items.newDatabase(true);
        try (Connection admin = items.connect(target)) {
            execute(admin, createRole("seed_no_create") + "grant usage on schema t to seed_no_create;"
                    + "grant select, insert on all tables in schema t to seed_no_create");
            assertRefused(admin, () -> importAs("seed_no_create", target, SnapshotImporter.builder()))
                    .hasMessageContaining("permission denied for database " + target)
                    .hasMessageContaining("Role seed_no_create needs CREATE on database " + target)
                    .hasMessageContaining("GRANT CREATE ON DATABASE " + target + " TO seed_no_create")
                    .hasMessageContaining("CREATE SCHEMA seedkit AUTHORIZATION seed_no_create");
            execute(admin, "create schema seedkit authorization seed_no_create");
            assertThat(importAs("seed_no_create", target, SnapshotImporter.builder()).inserted()).isEqualTo(13);
        }
    }

    @Test
    void aReadOnlyDatabaseIsNamedAsSuch() throws Exception {
        String target = items.newDatabase(true);
        try (Connection admin = items.connect(target)) {
            execute(admin, "alter database " + target + " set default_transaction_read_only = on");
            try (Connection c = items.connect(target)) {
                assertRefused(admin, () -> importInto(c, SnapshotImporter.builder()))
                        .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATABASE))
                        .hasMessageContaining("database " + target + " is read-only: cannot execute CREATE SCHEMA "
                                + "in a read-only transaction")
                        .hasMessageContaining("default_transaction_read_only off");
            }
        }
    }

    @Test
    void replaceRefusedByAForeignKeyFromOutsideTheSnapshotsSchemasSaysWhatToDo() throws Exception {
        String target = items.newDatabase(true);
        try (Connection c = items.connect(target)) {
            execute(c, "create schema other; create table other.labels (box_id int references t.boxes)");
            assertRefused(c, () -> importInto(c, SnapshotImporter.builder().mode(ImportMode.REPLACE)))
                    .satisfies(e -> assertThat(((SeedException) e).code())
                            .isEqualTo(SeedException.Code.CONFIGURATION))
                    .hasMessageContaining("REPLACE cannot empty a table: cannot truncate a table referenced in a "
                            + "foreign key constraint. Table \"labels\" references \"boxes\"")
                    .hasMessageContaining("Leave the table out of tables(...), or import with "
                            + "mode(ImportMode.INSERT_MISSING) or mode(ImportMode.UPSERT)");
        }
    }

    @Test
    void aRecordTableSeedkitDidNotCreateIsNamed() throws Exception {
        String target = items.newDatabase(true);
        try (Connection c = items.connect(target)) {
            execute(c, "create schema seedkit; create table seedkit.applied_snapshots (id int)");
            assertRefused(c, () -> importInto(c, SnapshotImporter.builder()))
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATABASE))
                    .hasMessageContaining("table seedkit.applied_snapshots is not the one Seedkit creates: column "
                            + "\"snapshot_id\" does not exist")
                    .hasMessageContaining("rename or drop the table found there");
        }
    }

    @Test
    void aTableLockHeldByAnotherSessionTimesOutNamingTheTableAndTheSession() throws Exception {
        String target = items.newDatabase(true);
        try (Connection c = items.connect(target); Connection blocker = items.connect(target)) {
            blocker.setAutoCommit(false);
            execute(blocker, "set application_name = 'seed-blocker'; insert into t.boxes values (1);"
                    + "insert into t.items values (7, 1, 'not committed', 1)");
            long started = System.nanoTime();
            assertRefused(c, () -> importInto(c, SnapshotImporter.builder().lockTimeout(Duration.ofMillis(300))))
                    .satisfies(e -> assertThat(((SeedException) e).code()).isEqualTo(SeedException.Code.DATABASE))
                    .hasMessageContaining("gave up after waiting 300 ms for a lock on table t.boxes while copying "
                            + "t.boxes.tsv into t.boxes")
                    .hasMessageContaining("application 'seed-blocker'")
                    .hasMessageContaining("idle in transaction")
                    .hasMessageContaining("holding RowExclusiveLock on t.boxes")
                    .hasMessageContaining("lockTimeout(...)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            blocker.rollback();
        }
    }

    @Test
    void theImportLockHeldByAnotherSessionTimesOutNamingTheSession() throws Exception {
        String target = items.newDatabase(true);
        try (Connection c = items.connect(target); Connection blocker = items.connect(target)) {
            blocker.setAutoCommit(false);
            execute(blocker, "set application_name = 'seed-blocker'; select pg_advisory_xact_lock("
                    + ImportSql.LOCK_KEY + ")");
            assertRefused(c, () -> importInto(c, SnapshotImporter.builder().lockTimeout(Duration.ofMillis(300))))
                    .hasMessageContaining("gave up after waiting 300 ms for the import lock")
                    .hasMessageContaining("application 'seed-blocker'")
                    .hasMessageContaining("holding ExclusiveLock");
            blocker.rollback();
        }
    }

    @Test
    void aConnectionThatDiesMidImportKeepsTheCauseAndTheTableBeingLoaded() throws Exception {
        String target = items.newDatabase(true);
        try (Connection admin = items.connect(target); Connection blocker = items.connect(target);
             Connection c = items.connect(target)) {
            blocker.setAutoCommit(false);
            execute(blocker, "insert into t.items values (7, 1, 'not committed', null)");
            String pid = queryValue(c, "select pg_backend_pid()");
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> catchThrowable(
                    () -> importInto(c, SnapshotImporter.builder().lockTimeout(Duration.ZERO))));
            waitUntilWaitingForALock(admin, pid);
            execute(admin, "select pg_terminate_backend(" + pid + ")");
            assertThat(failure.get()).isInstanceOf(SeedException.class)
                    .hasMessageStartingWith("Import failed, nothing was imported: table t.items (file t.items.tsv")
                    .hasMessageContaining("the connection to the database was lost while copying t.items.tsv into "
                            + "t.items")
                    .hasMessageNotContaining("This connection has been closed");
            blocker.rollback();
            assertThat(queryValue(admin, "select count(*) from t.boxes")).isEqualTo("0");
        }
    }

    @Test
    void aSnapshotFileThatGoesAwayIsASnapshotErrorNamingTheFile() throws Exception {
        ImportScenario copy = ImportScenario.create(server, dir, ImportLineNumberTests.DDL, ImportLineNumberTests.DATA);
        String target = copy.newDatabase(true);
        try (Connection c = copy.connect(target); Snapshot snapshot = copy.open()) {
            Files.delete(copy.directory().resolve("t.items.tsv"));
            String before = databaseState(c, "t");
            Throwable thrown = catchThrowable(() -> SnapshotImporter.builder().build().importInto(c, snapshot));
            assertThat(thrown).isInstanceOf(SeedException.class).hasMessageContaining("t.items.tsv")
                    .hasMessageNotContaining("schema matches")
                    .satisfies(e -> assertThat(((SeedException) e).code())
                            .isEqualTo(SeedException.Code.SNAPSHOT_CORRUPT));
            assertThat(databaseState(c, "t")).isEqualTo(before);
        }
    }

    private static void waitUntilWaitingForALock(Connection admin, String pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"Lock".equals(queryValue(admin, "select coalesce(wait_event_type, '') from pg_stat_activity where "
                + "pid = " + pid))) {
            assertThat(System.nanoTime()).as("the import waits for the blocker's lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Runs {@code work}, expects it to fail, and checks that the database behind {@code c} did not change. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Connection c,
            ThrowingCallable work) throws Exception {
        String before = databaseState(c, "t");
        Throwable thrown = catchThrowable(work);
        assertThat(databaseState(c, "t")).isEqualTo(before);
        return assertThat(thrown).isInstanceOf(SeedException.class)
                .hasMessageStartingWith("Import failed, nothing was imported: ");
    }

    private static ImportReport importInto(Connection c, SnapshotImporter.Builder importer) {
        try (Snapshot snapshot = items.open()) {
            return importer.build().importInto(c, snapshot);
        }
    }

    private static ImportReport importAs(String role, String database, SnapshotImporter.Builder importer)
            throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), role, "secret")) {
            return importInto(c, importer);
        }
    }

    private static String createRole(String role) {
        return "do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role "
                + role + " login password 'secret'; end if; end $$;";
    }
}
