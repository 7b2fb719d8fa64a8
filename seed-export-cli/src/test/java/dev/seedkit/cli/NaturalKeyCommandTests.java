package dev.seedkit.cli;

import static dev.seedkit.cli.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line between two databases whose people overlap by e-mail but not by id: {@code export --archive}
 * with {@code --natural-key} recorded in the manifest, {@code import --dry-run} (exit code 8 when it would change
 * rows, 0 when not), {@code import} and {@code verify} straight from the archive, a tampered archive refused, the
 * unique-key refusal in the command line's words, and progress on a terminal only.
 */
@ExtendWith(TestPostgres.class)
class NaturalKeyCommandTests {

    static final String SCHEMA = """
            create schema crm;
            create table crm.people (id serial primary key, email text not null unique, name text not null,
                referred_by int references crm.people);
            create table crm.notes (id serial primary key, person_id int not null references crm.people, body text);
            """;

    static final String A_ROWS = """
            insert into crm.people values (1, 'ada@x', 'Ada', null), (2, 'grace@x', 'Grace', 1),
                (3, 'linus@x', 'Linus', 2);
            insert into crm.notes values (1, 2, 'met Grace'), (2, 3, 'met Linus');
            select setval('crm.people_id_seq', 3), setval('crm.notes_id_seq', 2);
            """;

    /** B knows Grace as person 10, and has a person 2 of its own. */
    static final String B_ROWS = """
            insert into crm.people values (2, 'zed@x', 'Zed', null), (10, 'grace@x', 'Grace', null);
            select setval('crm.people_id_seq', 10);
            """;

    @TempDir
    static Path dir;

    private static PostgresServer server;
    private static String source;
    private static final List<String> databases = new ArrayList<>();

    @BeforeAll
    static void createSource(PostgresServer postgres) throws Exception {
        server = postgres;
        source = newDatabase(SCHEMA + A_ROWS);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        Shop.dropDatabases(server, databases);
    }

    @Test
    void anArchiveExportedWithANaturalKeyDryRunsImportsAndVerifies() throws Exception {
        Path archive = dir.resolve("a.tar.gz");
        Cli.Result exported = cli().run(args("export", Shop.connection(server, source), "--archive",
                archive.toString(), "--natural-key", "crm.people=email", "--fixture-version", "a-1"));
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(exported.out()).contains("Exported a-1 from " + server.jdbcUrl(source) + " to " + archive);
        try (Snapshot snapshot = SnapshotLocation.of(archive.toString()).open()) {
            assertThat(snapshot.manifest().table("crm", "people").orElseThrow().naturalKey()).containsExactly("email");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("no export directory left behind")
                .noneMatch(name -> name.contains(".export-"));
        String target = newDatabase(SCHEMA + B_ROWS);
        String before = people(target);

        Cli.Result dryRun = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                archive.toString(), "--dry-run"));

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.DRY_RUN_CHANGES);
        assertThat(people(target)).isEqualTo(before);
        assertThat(dryRun.out()).startsWith("Dry run of importing a-1 from " + archive)
                .containsPattern("crm\\.people +2 +1 +0 +1 +1 ")
                .contains("Dry run: the import would change the rows above; nothing was changed.");

        Cli.Result imported = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                archive.toString(), "--json"));
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(imported.out());
        assertThat(json.get("matched").asLong()).isEqualTo(1);
        assertThat(json.get("remapped").asLong()).isEqualTo(1);
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(people(target)).isEqualTo("1=ada@x<-,2=zed@x<-,3=linus@x<grace@x,10=grace@x<-");

        Cli.Result again = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                archive.toString(), "--dry-run", "--force"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Dry run: the import would change nothing.");
        Cli.Result verified = cli().run(args("verify", Shop.connection(server, target), "--snapshot",
                archive.toString()));
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    @Test
    void withoutTheNaturalKeyTheClashIsRefusedInTheCommandLinesWords() throws Exception {
        Path snapshot = export("plain");
        String target = newDatabase(SCHEMA + "insert into crm.people values (10, 'grace@x', 'Grace', null);");

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                snapshot.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(result.err()).startsWith("error: Import failed, nothing was imported: table crm.people (file "
                + "crm.people.tsv, line 3, key (id)=(2)): its (email)=(grace@x) is held by the database's row "
                + "(id)=(10), so unique key people_email_key refuses it.")
                .contains("with --natural-key crm.people=email, and the row is matched");
    }

    @Test
    void aTamperedArchiveIsRefusedNamingTheEntryAndChangesNothing() throws Exception {
        Path archive = dir.resolve("tampered.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            TarArchiveEntry entry = new TarArchiveEntry("../crm.people.tsv");
            entry.setSize(2);
            tar.putArchiveEntry(entry);
            tar.write("x\n".getBytes());
            tar.closeArchiveEntry();
        }
        String target = newDatabase(SCHEMA + B_ROWS);
        String before = people(target);

        Cli.Result result = cli().run(args("import", Shop.connection(server, target), "--snapshot",
                archive.toString()));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.SNAPSHOT);
        assertThat(result.err()).startsWith("error: Snapshot archive " + archive + " refused: entry "
                + "'../crm.people.tsv' has a '..' part, which would lead outside the snapshot.");
        assertThat(people(target)).isEqualTo(before);
        assertThat(dir.getParent().resolve("crm.people.tsv")).doesNotExist();
    }

    @Test
    void progressIsDrawnOnATerminalOnly() throws Exception {
        Path snapshot = export("progress");
        String[] importArgs = args("import", Shop.connection(server, newDatabase(SCHEMA)), "--snapshot",
                snapshot.toString(), "--dry-run");

        Cli.Result terminal = cli().terminal(prompt -> new char[0]).run(importArgs);
        Cli.Result piped = cli().run(importArgs);
        Cli.Result json = cli().terminal(prompt -> new char[0]).run(args(importArgs, "--json"));

        assertThat(terminal.err()).as(terminal.toString()).contains("\r[1/2] crm.people  0/3 rows")
                .contains("\r[2/2] crm.notes  0/2 rows").containsPattern("rows/s  about \\d+ s left");
        assertThat(piped.err()).as(piped.toString()).isEmpty();
        assertThat(json.err()).as(json.toString()).isEmpty();
        assertThat(terminal.out()).startsWith("Dry run of importing").contains("crm.notes");
    }

    @Test
    void aNaturalKeyThatIsNotTableEqualsColumnsIsAUsageError() throws Exception {
        Cli.Result result = cli().run(args("import", Shop.connection(server, source), "--snapshot",
                export("usage").toString(), "--natural-key", "crm.people"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).isEqualTo("error: --natural-key 'crm.people' is not TABLE=COLUMNS; write e.g. "
                + "--natural-key public.users=email, or public.tags=team_id,label for a key of two columns.\n");
    }

    /** The people of {@code database}: id=email<referrer's email, in id order. */
    private static String people(String database) throws Exception {
        return Shop.queryValue(server, database, "select string_agg(p.id || '=' || p.email || '<' || "
                + "coalesce(r.email, '-'), ',' order by p.id) from crm.people p left join crm.people r on "
                + "r.id = p.referred_by");
    }

    private static Path export(String name) {
        Path snapshot = dir.resolve(name);
        Cli.Result result = cli().run(args("export", Shop.connection(server, source), "--snapshot",
                snapshot.toString()));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return snapshot;
    }

    private static Cli cli() {
        return new Cli(dir).env("SEEDKIT_PASSWORD", server.password().isEmpty() ? "not-needed" : server.password());
    }

    private static String newDatabase(String sql) throws Exception {
        String name = Shop.createDatabase(server, sql);
        databases.add(name);
        return name;
    }
}
