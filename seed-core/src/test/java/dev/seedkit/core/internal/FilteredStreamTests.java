package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotFixture;
import dev.seedkit.core.snapshot.SnapshotLocation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cut-down data streams an importer uses to send a table only the rows it lacks: the key fields of every row
 * with its number, and the whole lines of chosen rows, with or without their numbers. All still check every line,
 * the count and the checksum.
 */
class FilteredStreamTests {

    @TempDir
    Path dir;

    @Test
    void numberedFieldsStreamGivesEachRowsNumberAndChosenFieldsStillEscaped() throws Exception {
        SnapshotFixture.demo(dir);
        assertThat(read("users", reader -> reader.numberedFieldsStream(2, 0)))
                .isEqualTo("1\t\\N\t1\n2\tline one\\nline two\t2\n3\ttab\\there\t3\n");
    }

    @Test
    void dataStreamOfChosenRowsHandsOutOnlyThoseLinesInFileOrder() throws Exception {
        SnapshotFixture.demo(dir);
        BitSet rows = new BitSet();
        rows.set(1);
        rows.set(3);
        assertThat(read("users", reader -> reader.dataStream(rows)))
                .isEqualTo("1\tAda\t\\N\n3\tLinus\ttab\\there\n");
        assertThat(read("users", reader -> reader.dataStream(new BitSet()))).isEmpty();
    }

    @Test
    void numberedDataStreamPutsEachRowsNumberBeforeItsWholeLine() throws Exception {
        SnapshotFixture.demo(dir);
        assertThat(read("users", reader -> reader.numberedDataStream(null)))
                .isEqualTo("1\t1\tAda\t\\N\n2\t2\tGrace\tline one\\nline two\n3\t3\tLinus\ttab\\there\n");
        BitSet rows = new BitSet();
        rows.set(2);
        assertThat(read("users", reader -> reader.numberedDataStream(rows)))
                .isEqualTo("2\t2\tGrace\tline one\\nline two\n");
    }

    @Test
    void aChangedFileIsCaughtEvenWhenNoneOfItsLinesIsHandedOut() throws Exception {
        SnapshotFixture.demo(dir).edit("public.users.tsv", "Grace", "Grape");
        assertThatThrownBy(() -> read("users", reader -> reader.dataStream(new BitSet())))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("public.users.tsv: checksum mismatch");
        assertThatThrownBy(() -> read("users", reader -> reader.numberedFieldsStream(0)))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("public.users.tsv: checksum mismatch");
    }

    @Test
    void aColumnIndexOutsideTheFileIsRefusedBeforeAnythingIsRead() {
        SnapshotFixture.demo(dir);
        assertThatThrownBy(() -> read("users", reader -> reader.numberedFieldsStream(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Column index 3 is outside")
                .hasMessageContaining("3 columns");
    }

    private String read(String table, StreamChoice choice) throws Exception {
        try (Snapshot snapshot = SnapshotLocation.directory(dir).open();
             TableFileReader reader = TableFileReader.open(snapshot,
                     snapshot.manifest().table("public", table).orElseThrow());
             InputStream in = choice.open(reader)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private interface StreamChoice {
        InputStream open(TableFileReader reader);
    }
}
