package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an export writes and how: the same data gives the same bytes, a new export replaces the old snapshot as a
 * whole or not at all, and the source is read in one read-only, repeatable-read transaction that leaves the
 * session as it was.
 */
@ExtendWith(TestPostgres.class)
class SnapshotDirectoryTests {

    private static final String SHAPE = "create type {s}.mood as enum ('sad', 'ok', 'happy');"
            + " create table {s}.users (id bigint primary key, email text not null unique, mood {s}.mood,"
            + " tags text[], prefs jsonb, born date, seen timestamptz, balance numeric(12, 2), avatar bytea,"
            + " bio text, boss_id bigint references {s}.users);"
            + " create table {s}.posts (id int generated always as identity primary key,"
            + " user_id bigint not null references {s}.users, title text not null,"
            + " slug text generated always as (lower(title)) stored);"
            + " create table {s}.tags (name text primary key, post_id int references {s}.posts)";
    private static final String DATA = "insert into {s}.users select g, 'u' || g || '@x.example',"
            + " (array['sad','ok','happy'])[g % 3 + 1]::{s}.mood, array['a' || g, null], jsonb_build_object('g', g),"
            + " date '2020-01-01' + g, timestamptz '2024-01-01 10:00+02' + g * interval '1 hour', g * 1.25,"
            + " decode(lpad(to_hex(g), 2, '0'), 'hex'), E'tab\\there\\nline \\\\ ' || g,"
            + " case when g <= 43 then g + 7 end"
            + " from generate_series(50, 1, -1) g;"
            + " insert into {s}.posts (user_id, title) select 51 - g, 'Post ' || g from generate_series(1, 40) g;"
            + " insert into {s}.tags select 'tag-' || g, g from generate_series(40, 1, -1) g;"
            + " insert into {s}.tags values ('Zed', null), ('älpha', 3), ('Beta', 5)";

    @TempDir
    Path dir;

    @Test
    void exportingTheSameDataTwiceGivesByteIdenticalFilesWhateverThePhysicalOrder(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "same", SHAPE).data(DATA);
        f.export(f.builder().rowsPerTable(10).fixtureVersion("v1"), dir.resolve("first"));
        f.data("update {s}.users set bio = bio where id % 2 = 0; update {s}.tags set name = name");
        f.data("vacuum {s}.users");
        f.export(f.builder().rowsPerTable(10).fixtureVersion("v1"), dir.resolve("second"));
        assertThat(files(dir.resolve("second"))).isEqualTo(files(dir.resolve("first")));
        assertThat(files(dir.resolve("first")).get("same.tags.tsv"))
                .startsWith("name\tpost_id\nBeta\t5\nZed\t\\N\ntag-1\t1\ntag-12\t12\n");
    }

    @Test
    void theManifestRecordsVersionTimeSourceFingerprintAndLoadPlan(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "mf", SHAPE).data(DATA);
        Clock clock = Clock.fixed(Instant.parse("2024-06-30T21:59:59.999Z"), ZoneOffset.UTC);
        ExportReport report = f.export(f.builder().rowsPerTable(5).fixtureVersion("2024-06-demo-1").clock(clock), dir);
        SnapshotManifest manifest = report.manifest();
        assertThat(manifest.fixtureVersion()).isEqualTo("2024-06-demo-1");
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2024-06-30T21:59:59Z"));
        assertThat(manifest.source()).isEqualTo(db.jdbcUrl().replaceFirst("^jdbc:postgresql://", "")
                .replaceFirst("\\?.*", ""));
        try (Connection c = db.connect()) {
            assertThat(manifest.schemaFingerprint()).isEqualTo(SchemaReader.read(c, List.of("mf")).fingerprint());
        }
        assertThat(manifest.loadPlan()).extracting(SnapshotManifest.LoadStep::table)
                .containsExactly("users", "posts", "tags");
        assertThat(manifest.tables()).extracting(SnapshotManifest.Table::name)
                .containsExactly("posts", "tags", "users");
        assertThat(manifest.table("mf", "posts").orElseThrow().columnNames()).containsExactly("id", "user_id", "title");
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"createdAt\": \"2024-06-30T21:59:59Z\"");
    }

    @Test
    void aNewExportReplacesTheOldSnapshotAndKeepsItsOtherFiles(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "replace", SHAPE).data(DATA);
        f.export(f.builder().rowsPerTable(3), dir);
        Files.writeString(dir.resolve("README.md"), "about this snapshot\n");
        Files.writeString(dir.resolve(".gitattributes"), "*.tsv -text\n");
        f.export(f.builder().rowsPerTable(2).excludeTables("replace.tags"), dir);
        assertThat(files(dir).keySet()).containsExactly(".gitattributes", "README.md", "manifest.json",
                "replace.posts.tsv", "replace.users.tsv");
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo("about this snapshot\n");
        assertThat(siblings(dir)).isEmpty();
    }

    @Test
    void aFailedExportLeavesTheOldSnapshotIntact(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "intact", SHAPE).data(DATA);
        f.export(f.builder().rowsPerTable(3), dir);
        Map<String, String> before = files(dir);
        fail(db, f.builder().where("intact.posts", "1 / 0 = 1"));
        fail(db, f.builder().mask("intact.users.bio", Masking.sql("({column})::int::text")));
        assertThat(files(dir)).isEqualTo(before);
        assertThat(siblings(dir)).as("no half-written directories").isEmpty();
    }

    @Test
    void aDirectoryThatIsNotASnapshotIsNotReplaced(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "notsnap", SHAPE);
        Files.writeString(dir.resolve("important.txt"), "keep me");
        assertThat(fail(db, f.builder())).hasMessage("Cannot export a snapshot to " + dir + ": the directory is not"
                + " empty and holds no manifest.json, so it is not a snapshot, and replacing it would delete its"
                + " files. Give a new or empty directory, or one holding a snapshot.");
        assertThat(Files.readString(dir.resolve("important.txt"))).isEqualTo("keep me");
    }

    @Test
    void theSourceIsReadInOneRepeatableReadReadOnlyTransactionThatLeavesTheSessionAsItWas(TestDatabase db)
            throws Exception {
        ExportFixture f = ExportFixture.create(db, "txn", SHAPE).data(DATA).data("create function {s}.bump()"
                + " returns boolean language sql as 'insert into {s}.tags values (''new'', null) returning true'");
        ExportReport report = f.export(f.builder().where("txn.users", "current_setting('transaction_isolation')"
                + " = 'repeatable read' and current_setting('transaction_read_only') = 'on'"), dir.resolve("ok"));
        assertThat(report.table(f.table("users")).orElseThrow().rowsSelectedByLimit()).isEqualTo(50);
        assertThat(fail(db, f.builder().where("txn.tags", "txn.bump()"), dir.resolve("no"))).hasMessageContaining(
                "cannot execute INSERT in a read-only transaction");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'Europe/Vienna'; set intervalstyle = 'sql_standard'");
            f.builder().build().export(c, dir.resolve("session"));
            try (ResultSet rs = s.executeQuery("select current_setting('TimeZone'), current_setting('IntervalStyle'),"
                    + " current_setting('transaction_isolation'), current_setting('search_path')")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .containsExactly("Europe/Vienna", "sql_standard", "read committed", "\"$user\", public");
            }
        }
    }

    @Test
    void rowsWrittenWhileTheExportRunsCannotProduceOrphans(TestDatabase db) throws Exception {
        ExportFixture f = ExportFixture.create(db, "concurrent", "create table {s}.parent (id int primary key);"
                + " create table {s}.child (id int primary key, parent_id int not null references {s}.parent);"
                + " create function {s}.gate() returns boolean language sql"
                + " as 'select true from pg_advisory_xact_lock_shared(4242)'")
                .data("insert into {s}.parent select generate_series(1, 10);"
                        + " insert into {s}.child select g, g from generate_series(1, 10) g");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
            s.execute("select pg_advisory_lock(4242)");
            Future<ExportReport> export = executor.submit(() -> f.export(f.builder().rowsPerTable(3)
                    .where("concurrent.child", "concurrent.gate()"), dir));
            awaitWaitingLock(s, export);
            s.execute("delete from concurrent.child where id = 1; delete from concurrent.parent where id = 1;"
                    + " insert into concurrent.parent values (0); insert into concurrent.child values (0, 0);"
                    + " update concurrent.child set parent_id = 9 where id = 2");
            s.execute("select pg_advisory_unlock(4242)");
            assertThat(export.get(30, TimeUnit.SECONDS).rows()).isEqualTo(6);
        } finally {
            executor.shutdownNow();
        }
        assertThat(f.loadedRows("child", "id")).containsExactly("1|1", "2|2", "3|3");
        assertThat(f.loaded("parent", "id")).containsExactly("1", "2", "3");
    }

    /** Waits until the export blocks on the advisory lock inside its filter. */
    private static void awaitWaitingLock(Statement s, Future<?> export) throws Exception {
        for (int i = 0; i < 300 && !export.isDone(); i++) {
            try (ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                    + " and not granted")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        export.get();
        throw new AssertionError("the export never waited for the lock");
    }

    private SeedException fail(TestDatabase db, SnapshotExporter.Builder builder) throws Exception {
        return fail(db, builder, dir);
    }

    private SeedException fail(TestDatabase db, SnapshotExporter.Builder builder, Path target) throws Exception {
        try (Connection c = db.connect()) {
            SeedException e = catchThrowableOfType(SeedException.class, () -> builder.build().export(c, target));
            assertThat(e).as("the export's failure").isNotNull();
            return e;
        }
    }

    /** The snapshot's files by name, with their content. */
    private static Map<String, String> files(Path directory) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    /** Directories the export left next to {@code directory}. */
    private static List<String> siblings(Path directory) throws Exception {
        try (Stream<Path> list = Files.list(directory.getParent())) {
            return list.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("." + directory.getFileName())).toList();
        }
    }
}
