package dev.seedkit.core.snapshot;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static dev.seedkit.core.snapshot.SnapshotFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a snapshot can be broken is reported with the right code and a message that says where (file, line,
 * field and column), what was expected, what was found and what to do. Each test breaks a valid demo snapshot
 * in exactly one way.
 */
class SnapshotValidationTests {

    private static final String REPAIR = " Re-export the snapshot, or restore the file from version control.";

    @TempDir
    Path dir;
    private SnapshotFixture snapshot;

    @BeforeEach
    void writeDemoSnapshot() {
        snapshot = SnapshotFixture.demo(dir);
    }

    @Test
    void theDemoSnapshotVerifies() {
        verify();
    }

    @Test
    void refusesAnUnsupportedFormatVersion() throws IOException {
        snapshot.edit("manifest.json", "\"formatVersion\": 1", "\"formatVersion\": 2");
        assertFailure(this::open, Code.SNAPSHOT_FORMAT, dir + "/manifest.json: snapshot format version 2 is not "
                + "supported; this Seedkit reads version 1 only. Use the Seedkit version that exported the snapshot,"
                + " or re-export it with this one.");
    }

    @Test
    void refusesAManifestThatIsNotJson() throws IOException {
        snapshot.overwrite("manifest.json", "{ \"formatVersion\": 1,\n  oops }".getBytes(StandardCharsets.UTF_8));
        assertThat(failure(this::open, Code.SNAPSHOT_FORMAT).getMessage())
                .startsWith(dir + "/manifest.json: not valid JSON at line 2, column 3: Unexpected character ('o'")
                .endsWith(REPAIR);
    }

    @Test
    void refusesAnEmptyManifestSayingItIsEmpty() throws IOException {
        snapshot.overwrite("manifest.json", new byte[0]);
        assertFailure(this::open, Code.SNAPSHOT_FORMAT, dir + "/manifest.json: the file is empty; expected a JSON "
                + "object." + REPAIR);
    }

    @Test
    void namesTheJsonPathOfAMistypedField() throws IOException {
        snapshot.edit("manifest.json", "\"rowCount\": 3", "\"rowCount\": \"3\"");
        assertFailure(this::open, Code.SNAPSHOT_FORMAT, dir + "/manifest.json: tables[0].rowCount must be a whole "
                + "number >= 0, found \"3\"." + REPAIR);
    }

    @Test
    void refusesDuplicateKeysInTheManifest() throws IOException {
        snapshot.edit("manifest.json", "\"source\": ", "\"source\": \"twice\", \"source\": ");
        assertThat(failure(this::open, Code.SNAPSHOT_FORMAT).getMessage())
                .startsWith(dir + "/manifest.json: not valid JSON at line 5, column ")
                .contains("Duplicate field 'source'");
    }

    @Test
    void reportsAChecksumMismatch() throws Exception {
        snapshot.edit("public.users.tsv", "Grace", "Grape");
        String actual = sha256(snapshot.file("public.users.tsv"));
        String pinned = snapshot.manifest(List.of()).table("public", "users").orElseThrow().sha256();
        assertFailure(this::verify, Code.SNAPSHOT_CORRUPT, dir + "/public.users.tsv: checksum mismatch: the file's "
                + "SHA-256 is " + actual + ", but the manifest pins " + pinned + ", so the file changed after it was"
                + " exported." + REPAIR);
    }

    @Test
    void reportsARowCountMismatch() throws IOException {
        snapshot.edit("manifest.json", "\"rowCount\": 3", "\"rowCount\": 4");
        assertFailure(this::verify, Code.SNAPSHOT_CORRUPT, dir + "/public.users.tsv: the manifest pins 4 rows, "
                + "but the file has 3." + REPAIR);
    }

    @Test
    void reportsAListedFileThatIsMissing() throws IOException {
        Files.delete(snapshot.file("public.orders.tsv"));
        assertFailure(this::open, Code.SNAPSHOT_CORRUPT, dir + "/public.orders.tsv is listed in manifest.json for "
                + "table public.orders, but does not exist." + REPAIR);
    }

    @Test
    void reportsATableFileThatIsNotListed() throws IOException {
        Files.writeString(snapshot.file("sales.%4Frders.tsv"), "id\n");
        assertFailure(this::open, Code.SNAPSHOT_CORRUPT, dir + "/sales.%4Frders.tsv (table sales.\"Orders\") is "
                + "not listed in manifest.json, and a snapshot lists every table file. Delete the file if it is left"
                + " over, or re-export the snapshot.");
    }

    @Test
    void reportsAHeaderThatDoesNotMatchTheManifest() throws IOException {
        snapshot.edit("public.users.tsv", "id\tname\tnote\n", "id\tnote\tname\n");
        assertFailure(this::verify, Code.SNAPSHOT_CORRUPT, dir + "/public.users.tsv line 1 (header): the file has "
                + "columns [id, note, name], but the manifest lists [id, name, note] for table public.users."
                + REPAIR);
    }

    @Test
    void reportsAWrongNumberOfFields() throws IOException {
        snapshot.edit("public.users.tsv", "3\tLinus\t", "3\tLinus ");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4: expected 3 fields "
                + "(id, name, note), found 2." + REPAIR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Li\\anus   | escape "\\a" is not an escape the format knows.
        Li\\101    | escape "\\1" is an octal or hex escape, which snapshots do not use; write the character itself.
        Li\\x41    | escape "\\x" is an octal or hex escape, which snapshots do not use; write the character itself.
        \\.        | escape "\\." (COPY's end-of-data marker) is not allowed in a snapshot.
        """)
    void refusesEscapesThatCopyToNeverWrites(String name, String problem) throws IOException {
        snapshot.edit("public.users.tsv", "Linus", name);
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4, field 2 (name): "
                + problem + " Allowed escapes: \\\\ \\b \\f \\n \\r \\t \\v, and \\N as a whole field for NULL."
                + REPAIR);
    }

    @Test
    void refusesABackslashAtTheEndOfALine() throws IOException {
        snapshot.edit("public.users.tsv", "tab\\there\n", "tab\\there\\\n");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4, field 3 (note): "
                + "backslash at the end of the line; a backslash must be followed by one of \\ b f n r t v, so a "
                + "literal backslash is written \\\\." + REPAIR);
    }

    @Test
    void refusesNullMarkerInsideAValue() throws IOException {
        snapshot.edit("public.users.tsv", "Linus", "Li\\Nnus");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4, field 2 (name): "
                + "\"\\N\" inside a value: \\N means NULL only as a whole field; write a plain N, or \\\\N for a "
                + "backslash followed by N." + REPAIR);
    }

    @Test
    void refusesNullAsAColumnName() throws IOException {
        snapshot.edit("public.users.tsv", "id\tname", "id\t\\N");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 1 (header), field 2: "
                + "\"\\N\" in the header: a column name cannot be NULL." + REPAIR);
    }

    @Test
    void refusesCarriageReturnLineEndingsWithAHintAboutGit() throws IOException {
        snapshot.edit("public.users.tsv", "Ada\t\\N\n", "Ada\t\\N\r\n");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 2, field 3 (note): raw "
                + "carriage return at the end of the line: the file has CRLF line endings, probably converted by git"
                + " (core.autocrlf). Restore LF line endings and add '*.tsv -text' to .gitattributes." + REPAIR);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8 | raw control character U+0008; it must be written as \\b.",
        "13 | raw carriage return; it must be written as \\r.",
        "0 | NUL byte (U+0000), which PostgreSQL text cannot hold."})
    void refusesRawControlCharactersThatHaveAnEscape(int character, String problem) throws IOException {
        snapshot.edit("public.users.tsv", "Linus", "Li" + (char) character + "nus");
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 4, field 2 (name): "
                + problem + REPAIR);
    }

    @Test
    void refusesInvalidUtf8() throws IOException {
        replace("public.users.tsv", "Ada", new byte[] {'A', (byte) 0xC3, (byte) 0x28});
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 2, field 2 (name): invalid "
                + "UTF-8 at byte 4 of the line (0xC3 0x28 0x09 0x5C); snapshot files are UTF-8. Convert the file to "
                + "UTF-8." + REPAIR);
    }

    @Test
    void refusesAByteOrderMark() throws IOException {
        replace("public.users.tsv", "id\tname", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', '\t',
                'n', 'a', 'm', 'e'});
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv line 1 (header): the file starts "
                + "with a UTF-8 byte order mark; snapshot files are UTF-8 without one. Save the file without a BOM."
                + REPAIR);
    }

    @Test
    void reportsATruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(snapshot.file("public.orders.tsv"));
        snapshot.overwrite("public.orders.tsv", Arrays.copyOf(bytes, bytes.length - 1));
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.orders.tsv line 3: the last line does not "
                + "end with a newline, so the file looks truncated; every line, the last one too, ends with LF."
                + REPAIR);
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        snapshot.overwrite("public.orders.tsv", new byte[0]);
        assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.orders.tsv: the file is empty; expected a "
                + "header line with the columns [id, user_id, total]." + REPAIR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../public.users.tsv", "/etc/passwd", "sub/public.users.tsv", "..\\\\public.users.tsv",
        "C:public.users.tsv"})
    void refusesFileNamesThatWouldEscapeTheSnapshot(String file) throws IOException {
        snapshot.edit("manifest.json", "\"file\": \"public.users.tsv\"", "\"file\": \"" + file + "\"");
        String named = file.replace("\\\\", "\\");
        assertFailure(this::open, Code.SNAPSHOT_FORMAT, dir + "/manifest.json: Table public.users names file '"
                + named + "', which would escape the snapshot directory; a table file is a plain file name inside "
                + "the snapshot." + REPAIR);
    }

    @Test
    void refusesAFileNameThatIsNotTheTablesOwn() throws IOException {
        snapshot.edit("manifest.json", "\"file\": \"public.users.tsv\"", "\"file\": \"public.orders.tsv\"");
        assertFailure(this::open, Code.SNAPSHOT_FORMAT, dir + "/manifest.json: Table public.users names file "
                + "'public.orders.tsv', but its file is always named 'public.users.tsv'." + REPAIR);
    }

    @Test
    void refusesSymbolicLinks() throws IOException {
        Path outside = Files.createTempFile("seedkit-outside", ".tsv");
        Files.move(snapshot.file("public.users.tsv"), outside, StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(snapshot.file("public.users.tsv"), outside);
        try {
            assertFailure(this::verify, Code.SNAPSHOT_FORMAT, dir + "/public.users.tsv is a symbolic link; snapshot "
                    + "files must be regular files inside the snapshot directory, so that nothing outside it is "
                    + "read." + REPAIR);
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void verifyReportsEveryBrokenFile() throws IOException {
        Files.delete(snapshot.file("public.orders.tsv"));
        snapshot.edit("public.users.tsv", "Linus", "Li\\anus");
        try (Snapshot opened = SnapshotLocation.directory(dir).open()) {
            throw new AssertionError("opened " + opened);
        } catch (SeedException e) {
            assertThat(e.getMessage()).startsWith(dir + "/public.orders.tsv is listed");
        }
        snapshot.overwrite("public.orders.tsv", "wrong\n".getBytes(StandardCharsets.UTF_8));
        SeedException e = failure(this::verify, Code.SNAPSHOT_FORMAT);
        assertThat(e.getMessage()).startsWith("Snapshot " + dir + " has 2 problems:\n  1. " + dir
                + "/public.users.tsv line 4, field 2 (name): escape \"\\a\"")
                .contains("\n  2. " + dir + "/public.orders.tsv line 1 (header): the file has columns [wrong]");
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void reportsASnapshotThatIsNotThere() throws IOException {
        assertFailure(() -> SnapshotLocation.directory(dir.resolve("nope")).open(), Code.SNAPSHOT_NOT_FOUND,
                "No snapshot at " + dir + "/nope: the directory does not exist. Export a snapshot there, or fix the "
                        + "location.");
        Files.delete(snapshot.file("manifest.json"));
        assertFailure(this::open, Code.SNAPSHOT_NOT_FOUND, "No snapshot at " + dir + ": it has no manifest.json. A "
                + "snapshot is a folder with manifest.json and one .tsv file per table; export one there, or fix "
                + "the location. Hand-written .csv and .yml fixtures need no manifest; a folder of .tsv fixtures "
                + "does: run seedkit adopt on it, or name each file.");
    }

    private void open() {
        SnapshotLocation.directory(dir).open().close();
    }

    private void verify() {
        try (Snapshot opened = SnapshotLocation.directory(dir).open()) {
            opened.verify();
        }
    }

    private void replace(String file, String from, byte[] to) throws IOException {
        byte[] bytes = Files.readAllBytes(snapshot.file(file));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(to);
        out.write(bytes, at + from.length(), bytes.length - at - from.length());
        snapshot.overwrite(file, out.toByteArray());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
