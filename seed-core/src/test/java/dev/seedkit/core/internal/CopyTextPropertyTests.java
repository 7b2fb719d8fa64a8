package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The codec and the file format on their own, without PostgreSQL: escaping, lines, files, UTF-8. */
class CopyTextPropertyTests {

    @Property(tries = 500)
    void unescapeUndoesEscape(@ForAll("values") String value) {
        assertThat(CopyText.unescape(CopyText.escape(value))).isEqualTo(value);
    }

    @Property(tries = 500)
    void escapedValuesHoldNoTabNewlineOrCarriageReturn(@ForAll("values") String value) {
        assertThat(CopyText.escape(value)).doesNotContain("\t", "\n", "\r");
    }

    @Property(tries = 300)
    void decodeUndoesEncodeForWholeRows(@ForAll("rows") List<String> row) {
        Assume.that(!row.isEmpty());
        assertThat(CopyText.decode(CopyText.encode(row))).isEqualTo(row);
    }

    @Property(tries = 300)
    void encodedRowsPassTheLineChecker(@ForAll("rows") List<String> row) {
        Assume.that(!row.isEmpty());
        byte[] line = CopyText.encode(row).getBytes(StandardCharsets.UTF_8);
        List<String> columns = IntStream.range(0, row.size()).mapToObj(i -> "c" + i).toList();
        new LineChecker("t.tsv", columns, SnapshotErrors::format).checkRow(line, line.length, 2);
    }

    @Property(tries = 200)
    void filesWrittenRowByRowReadBackWithTheirPins(@ForAll("tables") List<List<String>> rows) {
        FileInMemory file = FileInMemory.write(rows);
        assertThat(file.read()).isEqualTo(rows);
        assertThat(file.table.rowCount()).isEqualTo(rows.size());
    }

    @Property(tries = 300)
    void anyChangedByteIsCaughtWithASeedException(@ForAll("tables") List<List<String>> rows,
            @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll byte replacement) {
        FileInMemory file = FileInMemory.write(rows);
        int index = where % file.bytes.length;
        Assume.that(file.bytes[index] != replacement);
        file.bytes[index] = replacement;
        assertThatThrownBy(file::read).isInstanceOf(SeedException.class);
    }

    @Property(tries = 1000)
    void utf8CheckAgreesWithTheJdkDecoder(@ForAll("bytes") byte[] bytes) {
        boolean jdkAccepts;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdkAccepts = true;
        } catch (CharacterCodingException e) {
            jdkAccepts = false;
        }
        assertThat(Utf8.firstInvalid(bytes, bytes.length) < 0).isEqualTo(jdkAccepts);
    }

    @Provide
    Arbitrary<String> values() {
        return Generators.text().injectNull(0.1);
    }

    @Provide
    Arbitrary<List<String>> rows() {
        return values().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        return values().list().ofSize(3).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0xC0, (byte) 0xC2, (byte) 0xE0, (byte) 0xED,
                (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0x80, (byte) 0x8F, (byte) 0x90,
                (byte) 0x9F, (byte) 0xA0, (byte) 0xBF, (byte) 'a');
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(12);
    }

    /** A three-column table file written by {@link TableFileWriter#writeRow} into memory. */
    private static final class FileInMemory {
        final byte[] bytes;
        final Table table;

        private FileInMemory(byte[] bytes, Table table) {
            this.bytes = bytes;
            this.table = table;
        }

        static FileInMemory write(List<List<String>> rows) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Column> columns = List.of(new Column("a", "text"), new Column("b\tc", "text"),
                    new Column("ünï", "text"));
            try (TableFileWriter writer = TableFileWriter.to(out, "t.tsv", "public", "t", columns, List.of())) {
                rows.forEach(writer::writeRow);
                Table table = writer.finish();
                return new FileInMemory(out.toByteArray(), table);
            }
        }

        List<List<String>> read() {
            List<List<String>> rows = new ArrayList<>();
            try (TableFileReader reader = TableFileReader.open(new ByteArrayInputStream(bytes), "t.tsv", table)) {
                for (Optional<List<String>> row = reader.nextRow(); row.isPresent(); row = reader.nextRow()) {
                    rows.add(row.get());
                }
            }
            return rows;
        }
    }
}
