package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed snapshot is refused by {@code import} and {@code verify} with exit code 3 and a message
 * that names the file and, for a bad line, its line and column; the database, empty or holding rows, is left
 * exactly as it was, sequences included.
 */
@ExtendWith(TestPostgres.class)
class MalformedSnapshotTests {

    private static final String CUSTOMERS = "shop.customers.tsv";
    private static final String NOTES = "shop.notes.tsv";

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path good;
    private static List<String> targets;

    /** One way to break a snapshot: what to do to a copy, and what the message must say (after the path). */
    record Breakage(String name, Mutation mutation, String file, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Mutation {
        void apply(SnapshotCopy copy) throws Exception;
    }

    @BeforeAll
    static void exportTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        good = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("good"));
        targets = List.of(shop.createDatabase(Shop.SCHEMA), shop.createDatabase(Shop.SCHEMA + Shop.OTHER_ROWS));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                new Breakage("a line with a field too few", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("3\tc3@shop.example\tCustomer 3\t2\n", "3\tc3@shop.example\t2\n")),
                        CUSTOMERS, " line 4: expected 4 fields (id, email, name, referred_by), found 3."),
                new Breakage("a line with a field too many", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("Customer 3\t2\n", "Customer 3\t2\textra\n")),
                        CUSTOMERS, " line 4: expected 4 fields (id, email, name, referred_by), found 5."),
                new Breakage("an escape the format does not know", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("Customer 5\t", "Cust\\qomer 5\t")),
                        CUSTOMERS, " line 6, field 3 (name): escape \"\\q\" is not an escape the format knows."),
                new Breakage("an octal escape", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("Customer 5\t", "Customer \\065\t")),
                        CUSTOMERS, " line 6, field 3 (name): escape \"\\0\" is an octal or hex escape"),
                new Breakage("a backslash at the end of a line", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("Customer 7\t6\n", "Customer 7\t6\\\n")),
                        CUSTOMERS, " line 8, field 4 (referred_by): backslash at the end of the line"),
                new Breakage("invalid UTF-8", c -> c.overwrite(CUSTOMERS, replace(c.read(CUSTOMERS), "Customer 9\t",
                        new byte[] {'C', (byte) 0xC3, (byte) 0x28, '\t'})),
                        CUSTOMERS, " line 10, field 3 (name): invalid UTF-8 at byte "),
                new Breakage("a NUL byte", c -> c.overwrite(CUSTOMERS, replace(c.read(CUSTOMERS), "Customer 9\t",
                        new byte[] {'C', 0, '\t'})),
                        CUSTOMERS, " line 10, field 3 (name): NUL byte (U+0000)"),
                new Breakage("a byte order mark", c -> c.overwrite(CUSTOMERS, concat(new byte[] {(byte) 0xEF,
                        (byte) 0xBB, (byte) 0xBF}, c.read(CUSTOMERS).getBytes(StandardCharsets.UTF_8))),
                        CUSTOMERS, " line 1 (header): the file starts with a UTF-8 byte order mark"),
                new Breakage("CRLF line endings", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("\n", "\r\n")),
                        CUSTOMERS, " line 1 (header), field 4: raw carriage return at the end of the line: the file "
                                + "has CRLF line endings"),
                new Breakage("a file cut in the middle of a line", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).substring(0, c.read(CUSTOMERS).indexOf("Customer 30") + 4)),
                        CUSTOMERS, " line 31: the last line does not end with a newline, so the file looks "
                                + "truncated"),
                new Breakage("a file cut at the end of a line", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).substring(0, c.read(CUSTOMERS).indexOf("30\tc30@"))),
                        CUSTOMERS, ": the manifest pins 60 rows, but the file has 29."),
                new Breakage("an empty table file", c -> c.overwrite(CUSTOMERS, new byte[0]),
                        CUSTOMERS, ": the file is empty; expected a header line with the columns [id, email, name, "
                                + "referred_by]."),
                new Breakage("a header naming other columns", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replaceFirst("email", "e_mail")),
                        CUSTOMERS, " line 1 (header): the file has columns [id, e_mail, name, referred_by], but the "
                                + "manifest lists [id, email, name, referred_by] for table shop.customers."),
                new Breakage("a changed value (checksum mismatch)", c -> c.overwrite(CUSTOMERS,
                        c.read(CUSTOMERS).replace("Customer 12\t", "Customer 21\t")),
                        CUSTOMERS, ": checksum mismatch: the file's SHA-256 is "),
                new Breakage("a row count the file does not have", c -> c.editManifest("\"rowCount\": 60",
                        "\"rowCount\": 61"), CUSTOMERS, ": the manifest pins 61 rows, but the file has 60."),
                new Breakage("a table file that is missing", c -> Files.delete(c.file(NOTES)),
                        NOTES, " is listed in manifest.json for table shop.notes, but does not exist."),
                new Breakage("a table file that is not listed", c -> Files.writeString(c.file("shop.extra.tsv"),
                        "id\n1\n"), "shop.extra.tsv", " (table shop.extra) is not listed in manifest.json"),
                new Breakage("a table file that is a symbolic link", c -> {
                    Path outside = Files.writeString(c.directory().resolveSibling("outside-" + c.directory()
                            .getFileName() + ".tsv"), c.read(NOTES));
                    Files.delete(c.file(NOTES));
                    Files.createSymbolicLink(c.file(NOTES), outside);
                }, NOTES, " is a symbolic link"),
                new Breakage("a manifest file name that leaves the snapshot", c -> c.editManifest(
                        "\"file\": \"shop.notes.tsv\"", "\"file\": \"../good/shop.notes.tsv\""),
                        "manifest.json", ": Table shop.notes names file '../good/shop.notes.tsv', which would "
                                + "escape the snapshot directory"),
                new Breakage("an empty manifest", c -> c.overwrite("manifest.json", new byte[0]),
                        "manifest.json", ": the file is empty; expected a JSON object."),
                new Breakage("a manifest that is not JSON", c -> c.overwrite("manifest.json", "{ \"formatVersion\":"
                        + " 1,\n  oops }"), "manifest.json", ": not valid JSON at line 2, column 3"),
                new Breakage("a missing manifest", c -> Files.delete(c.file("manifest.json")),
                        "", ": it has no manifest.json."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void importRefusesItNamingTheLocationAndLeavesTheDatabaseAsItWas(Breakage breakage) throws Exception {
        Path broken = broken(breakage, "import");
        for (String target : targets) {
            DatabaseFingerprint before = shop.fingerprint(target);

            Cli.Result result = Cli.run(args("import", shop.connection(target), "--snapshot", broken.toString()));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.err()).as(result.toString()).startsWith("error: ").contains(location(broken, breakage));
            assertThat(shop.fingerprint(target)).as("database %s after %s", target, breakage).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void verifyRefusesItNamingTheLocation(Breakage breakage) throws Exception {
        Path broken = broken(breakage, "verify");

        Cli.Result result = Cli.run("verify", "--snapshot", broken.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.all()).as(result.toString()).contains(location(broken, breakage));
    }

    @Test
    void aTenMegabyteFieldUnderASmallHeapIsRefusedNamingItsLineInsteadOfRunningOutOfMemory() throws Exception {
        Path huge = SnapshotCopy.of(good, dir.resolve("huge")).editLines(NOTES, lines -> {
            lines.set(2, "x".repeat(10 * 1024 * 1024) + "\t4");
            return lines;
        }).directory();
        String target = targets.get(1);
        DatabaseFingerprint before = shop.fingerprint(target);
        ForkedCli small = new ForkedCli(dir, shop.env()).jvm("-Xmx32m");

        Cli.Result imported = small.run("huge-import", args("import", shop.forkedConnection(target), "--snapshot",
                huge.toString()));
        Cli.Result verified = small.run("huge-verify", "verify", "--snapshot", huge.toString());

        String message = "\\Q" + huge.resolve(NOTES) + " line 3, field 1 (body): the line is longer than \\E\\d+\\Q "
                + "bytes, the longest line a snapshot file may have in this JVM (a sixteenth of its maximum heap of "
                + "\\E(29|30|31|32)\\Q MiB\\E";
        assertThat(imported.exitCode()).as(imported.toString()).isEqualTo(3);
        assertThat(imported.err()).as(imported.toString()).containsPattern("^error: " + message)
                .doesNotContain("OutOfMemoryError");
        assertThat(verified.exitCode()).as(verified.toString()).isEqualTo(3);
        assertThat(verified.out()).as(verified.toString()).containsPattern(message);
        assertThat(shop.fingerprint(target)).isEqualTo(before);
    }

    @Test
    void runningOutOfMemoryAllTheSameIsOneErrorLineNotAStackTrace() throws Exception {
        Path huge = SnapshotCopy.of(good, dir.resolve("huge-unbounded")).editLines(NOTES, lines -> {
            lines.set(2, "x".repeat(10 * 1024 * 1024) + "\t4");
            return lines;
        }).directory();

        Cli.Result result = new ForkedCli(dir, shop.env()).jvm("-Xmx24m", "-Dseedkit.snapshot.maxLineBytes=100000000")
                .run("huge-unbounded", "verify", "--snapshot", huge.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).as(result.toString()).contains("error: ran out of memory (Java heap space, "
                + "maximum heap ").contains(" MiB). Give the JVM more, e.g. SEEDKIT_JAVA_OPTS=-Xmx2g, and run the "
                + "command again.").doesNotContain("Exception in thread");
    }

    private static Path broken(Breakage breakage, String use) throws Exception {
        SnapshotCopy copy = SnapshotCopy.of(good, dir.resolve(use + "-" + breakage.name().replaceAll("\\W+", "-")));
        breakage.mutation().apply(copy);
        return copy.directory();
    }

    private static String location(Path snapshot, Breakage breakage) {
        return (breakage.file().isEmpty() ? "No snapshot at " + snapshot : snapshot.resolve(breakage.file()))
                + breakage.message();
    }

    private static byte[] replace(String text, String from, byte[] to) {
        int at = text.indexOf(from);
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + from.length()).getBytes(StandardCharsets.UTF_8);
        return concat(concat(before, to), after);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
