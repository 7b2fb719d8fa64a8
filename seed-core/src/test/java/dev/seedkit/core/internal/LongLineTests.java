package dev.seedkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line longer than the limit is a {@code SNAPSHOT_FORMAT} error naming file, line, field and limit, however the
 * file is read, instead of an {@code OutOfMemoryError}; lines up to the limit read as before.
 */
class LongLineTests {

    private static final String FILE = "fixtures/big/public.big.tsv";

    @Test
    void aLineLongerThanTheLimitNamesFileLineFieldAndLimit() {
        byte[] content = file("id\tpayload\n1\tshort\n2\t" + "x".repeat(5_000) + "\n");

        SeedException asStream = catchThrowableOfType(SeedException.class,
                () -> open(content, 1_000).dataStream().transferTo(OutputStream.nullOutputStream()));
        SeedException asRows = catchThrowableOfType(SeedException.class, () -> {
            TableFileReader reader = open(content, 1_000);
            while (reader.nextRow().isPresent()) {
                // reads every row
            }
        });

        for (SeedException e : List.of(asStream, asRows)) {
            assertThat(e.code()).isEqualTo(SeedException.Code.SNAPSHOT_FORMAT);
            assertThat(e.getMessage()).startsWith(FILE + " line 3, field 2 (payload): the line is longer than 1000 "
                    + "bytes, the longest line a snapshot file may have in this JVM (a sixteenth of its maximum heap "
                    + "of ").endsWith(" MiB, unless the system property seedkit.snapshot.maxLineBytes sets it). Give "
                    + "the JVM more memory (-Xmx; for the command line SEEDKIT_JAVA_OPTS=-Xmx2g), or set "
                    + "-Dseedkit.snapshot.maxLineBytes=BYTES.");
        }
    }

    @Test
    void theFieldNamedIsTheOneInWhichTheLimitIsCrossed() {
        byte[] content = file("id\tpayload\n" + "1".repeat(2_000) + "\tx\n");

        SeedException e = catchThrowableOfType(SeedException.class,
                () -> open(content, 1_000).dataStream().transferTo(OutputStream.nullOutputStream()));

        assertThat(e.getMessage()).startsWith(FILE + " line 2, field 1 (id): the line is longer than 1000 bytes");
    }

    @Test
    void aLineOfExactlyTheLimitStreamsUnchanged() throws IOException {
        String row = "2\t" + "y".repeat(998);
        byte[] content = file("id\tpayload\n" + row + "\n");

        byte[] data = open(content, 1_000).dataStream().readAllBytes();

        assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo(row + "\n");
    }

    @Test
    void theDefaultLimitIsASixteenthOfTheHeapWithinBounds() {
        long expected = Math.max(64 * 1024, Math.min(Runtime.getRuntime().maxMemory() / 16, 256L * 1024 * 1024));

        assertThat(LineInput.maxLineBytes()).isEqualTo(expected);
    }

    private static TableFileReader open(byte[] content, int maxLineBytes) {
        InputStream in = new ByteArrayInputStream(content);
        return TableFileReader.open(in, FILE, table(content), maxLineBytes);
    }

    private static byte[] file(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SnapshotManifest.Table table(byte[] content) {
        long rows = new String(content, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() - 1;
        try {
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            return new SnapshotManifest.Table("public", "big", "public.big.tsv", List.of(
                    new SnapshotManifest.Column("id", "integer"), new SnapshotManifest.Column("payload", "text")),
                    List.of("id"), rows, sha256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
