package dev.seedkit.core.internal;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotFixture;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table files stream between PostgreSQL and disk through COPY: export into a snapshot directory, import from it,
 * and a bad file stops the COPY before anything of it is loaded.
 */
@ExtendWith(TestPostgres.class)
class CopyStreamingTests {

    private static final String REPAIR = " Re-export the snapshot, or restore the file from version control.";

    @TempDir
    Path dir;

    @Test
    void exportsInBytewiseKeyOrderAndImportsThroughTheSnapshotApi(TestDatabase db) throws Exception {
        db.execute("create table c_src (code text primary key, n int); insert into c_src values"
                + " ('a', 1), ('B', 2), ('_', 3), ('é', 4), ('A b', null); create table c_dst (like c_src)");
        List<Column> columns = List.of(new Column("code", "text"), new Column("n", "integer"));
        try (Connection c = db.connect()) {
            SnapshotSession.apply(c);
            try (TableFileWriter writer = TableFileWriter.create(dir, "public", "c_src", columns, List.of("code"))) {
                RoundTrip.copyApi(c).copyOut(SnapshotSql.copyOut("public", "c_src", List.of("code", "n"),
                        List.of(SnapshotSql.orderKey("code", true))), writer.copyOutSink());
                Table table = writer.finish();
                new SnapshotManifest("v1", SnapshotFixture.CREATED, "test", "fp", List.of(), List.of(table))
                        .write(dir);
            }
            assertThat(Files.readString(dir.resolve("public.c_src.tsv")))
                    .isEqualTo("code\tn\nA b\t\\N\nB\t2\n_\t3\na\t1\né\t4\n");
            try (Snapshot snapshot = SnapshotLocation.directory(dir).open();
                    TableFileReader reader = TableFileReader.open(snapshot, snapshot.manifest().tables().get(0))) {
                long loaded = RoundTrip.copyApi(c).copyIn(SnapshotSql.copyIn("public", "c_dst",
                        reader.table().columnNames()), reader.dataStream());
                assertThat(loaded).isEqualTo(5);
            }
        }
        assertThat(db.queryValue("select count(*) from (select * from c_src except select * from c_dst) d"))
                .isEqualTo("0");
    }

    @Test
    void aBadLineStopsTheCopyWithFileAndLineAndLoadsNothing(TestDatabase db) throws Exception {
        db.execute("create table users (id int primary key, name text, note text)");
        SnapshotFixture.demo(dir).edit("public.users.tsv", "Linus", "Li\\anus");
        assertFailure(() -> importUsers(db), Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4, field 2 (name):"
                + " escape \"\\a\" is not an escape the format knows. Allowed escapes: \\\\ \\b \\f \\n \\r \\t \\v, "
                + "and \\N as a whole field for NULL." + REPAIR);
        assertThat(db.queryValue("select count(*) from users")).isEqualTo("0");
    }

    @Test
    void aChecksumMismatchStopsTheCopyBeforeItEnds(TestDatabase db) throws Exception {
        db.execute("create table users2 (id int primary key, name text, note text)");
        SnapshotFixture fixture = SnapshotFixture.demo(dir);
        fixture.edit("public.users.tsv", "Grace", "Grape");
        assertThat(SnapshotFixture.failure(() -> importUsers(db, "users2"), Code.SNAPSHOT_CORRUPT))
                .hasMessageContaining("/public.users.tsv: checksum mismatch");
        assertThat(db.queryValue("select count(*) from users2")).isEqualTo("0");
    }

    @Test
    void copyOutThatDoesNotMatchTheHeaderIsRefused(TestDatabase db) throws Exception {
        db.execute("create table wide (id int, a text, b text); insert into wide values (1, 'x', 'y')");
        List<Column> columns = List.of(new Column("id", "integer"), new Column("a", "text"));
        try (Connection c = db.connect();
                TableFileWriter writer = TableFileWriter.create(dir, "public", "wide", columns, List.of())) {
            RoundTrip.copyApi(c).copyOut("COPY wide TO STDOUT", writer.copyOutSink());
            assertFailure(writer::finish, Code.SNAPSHOT_FORMAT, "COPY output for " + dir + "/public.wide.tsv line 2: "
                    + "expected 2 fields (id, a), found 3. The COPY statement must select exactly the header's "
                    + "columns, in order, in text format (see SnapshotSql.copyOut).");
            assertThat(RoundTrip.query(c, "select 1").get(0)).containsExactly("1");
        }
        assertThat(dir.resolve("public.wide.tsv")).doesNotExist();
    }

    @Test
    void sessionSettingsApplyForTheSessionOrTheTransaction(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            RoundTrip.execute(c, "set TimeZone = 'Europe/Paris'; set DateStyle = 'ISO, DMY'");
            c.setAutoCommit(false);
            SnapshotSession.applyLocal(c);
            assertThat(RoundTrip.query(c, "show TimeZone").get(0)).containsExactly("UTC");
            c.commit();
            assertThat(RoundTrip.query(c, "show TimeZone").get(0)).containsExactly("Europe/Paris");
            SnapshotSession.apply(c);
            c.commit();
            assertThat(RoundTrip.query(c, "select current_setting('DateStyle'), current_setting('IntervalStyle'),"
                    + " current_setting('TimeZone'), current_setting('extra_float_digits'),"
                    + " current_setting('bytea_output'), current_setting('client_encoding'),"
                    + " current_setting('standard_conforming_strings'), current_setting('lc_monetary'),"
                    + " current_setting('xmloption')").get(0))
                    .containsExactly("ISO, YMD", "postgres", "UTC", "1", "hex", "UTF8", "on", "C", "content");
        }
        assertThat(SnapshotSession.SETTINGS).first().isEqualTo("SET DateStyle = 'ISO, YMD'");
        assertThat(SnapshotSession.LOCAL_SETTINGS).first().isEqualTo("SET LOCAL DateStyle = 'ISO, YMD'");
    }

    private void importUsers(TestDatabase db) throws Exception {
        importUsers(db, "users");
    }

    /** Imports public.users of the snapshot into {@code target}; the connection must stay usable if that fails. */
    private void importUsers(TestDatabase db, String target) throws Exception {
        try (Connection c = db.connect()) {
            SnapshotSession.apply(c);
            try (Snapshot snapshot = SnapshotLocation.directory(dir).open();
                    TableFileReader reader = TableFileReader.open(snapshot, snapshot.manifest().table("public", "users")
                            .orElseThrow())) {
                RoundTrip.copyApi(c).copyIn(SnapshotSql.copyIn("public", target, reader.table().columnNames()),
                        reader.dataStream());
            } finally {
                assertThat(RoundTrip.query(c, "select 1").get(0)).containsExactly("1");
            }
        }
    }
}
