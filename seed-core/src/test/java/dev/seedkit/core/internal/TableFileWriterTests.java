package dev.seedkit.core.internal;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a table file: header, rows, pins, and the mistakes a caller can make. */
class TableFileWriterTests {

    private static final List<Column> COLUMNS = List.of(new Column("id", "integer"), new Column("a\tb", "text"));

    @TempDir
    Path dir;

    @Test
    void writesAnEscapedHeaderThenRowsAndReturnsTheManifestEntry() throws Exception {
        Table table;
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "T", COLUMNS, List.of("id"))) {
            writer.writeRow(Arrays.asList("1", null));
            writer.copyOutSink().write("2\t\\\\N\n3\t".getBytes(StandardCharsets.UTF_8));
            writer.copyOutSink().write("\n".getBytes(StandardCharsets.UTF_8));
            table = writer.finish();
        }
        assertThat(Files.readString(dir.resolve("public.%54.tsv"))).isEqualTo("id\ta\\tb\n1\t\\N\n2\t\\\\N\n3\t\n");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("public.%54.tsv"))));
        assertThat(table).isEqualTo(new Table("public", "T", "public.%54.tsv", COLUMNS, List.of("id"), 3, sha256));
    }

    @Test
    void deletesTheFileOfAnUnfinishedWriter() {
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "t", COLUMNS, List.of())) {
            writer.writeRow(List.of("1", "x"));
        }
        assertThat(dir.resolve("public.t.tsv")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAFile() throws IOException {
        Files.writeString(dir.resolve("public.t.tsv"), "keep me");
        assertFailure(() -> TableFileWriter.create(dir, "public", "t", COLUMNS, List.of()), Code.CONFIGURATION,
                dir.resolve("public.t.tsv") + " already exists; export into an empty directory, or delete the old "
                        + "snapshot's files first.");
        assertThat(dir.resolve("public.t.tsv")).hasContent("keep me");
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "t", COLUMNS, List.of())) {
            assertFailure(() -> writer.writeRow(List.of("1")), Code.CONFIGURATION, dir.resolve("public.t.tsv")
                    + " row 1: expected 2 values, one per column [id, a\tb], got 1.");
        }
    }

    @Test
    void refusesAValueWithANulCharacter() {
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "t", COLUMNS, List.of())) {
            assertFailure(() -> writer.writeRow(List.of("1", "a\u0000b")), Code.SNAPSHOT_FORMAT, "Value at "
                    + "character 1 contains U+0000 (NUL), which PostgreSQL text cannot store; remove it from the "
                    + "value.");
        }
    }

    @Test
    void refusesCopyOutputThatEndsInTheMiddleOfALine() throws IOException {
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "t", COLUMNS, List.of())) {
            writer.copyOutSink().write("1\tx\n2\ty".getBytes(StandardCharsets.UTF_8));
            assertFailure(writer::finish, Code.SNAPSHOT_FORMAT, "COPY output for " + dir.resolve("public.t.tsv")
                    + " ended in the middle of line 3; COPY text output ends every row with a newline, so the "
                    + "export was cut short. Export the table again.");
        }
    }

    @Test
    void aReadersDataStreamCanBeTakenOnceAndHoldsNoHeader() throws IOException {
        Table table;
        try (TableFileWriter writer = TableFileWriter.create(dir, "public", "t", COLUMNS, List.of())) {
            writer.writeRow(List.of("1", "x"));
            table = writer.finish();
        }
        byte[] file = Files.readAllBytes(dir.resolve("public.t.tsv"));
        try (TableFileReader reader = TableFileReader.open(new ByteArrayInputStream(file), "f", table)) {
            InputStream rows = reader.dataStream();
            assertThat(new String(rows.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1\tx\n");
            assertThat(reader.rowsRead()).isEqualTo(1);
            assertThatThrownBy(reader::dataStream).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The data stream of f can be taken once, before any row is read.");
        }
    }
}
