package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a file line by line (lines end in LF) into a reused buffer, so a table streams in constant memory apart
 * from its longest line, and computes the SHA-256 of every byte read on the way.
 *
 * <p>A line may be at most {@link #maxLineBytes()} long: a longer one is a {@code SNAPSHOT_FORMAT} error naming the
 * line, the field and the limit, rather than an {@code OutOfMemoryError} somewhere later (a line is held once here
 * and, read as values, a few times more as text). The limit is the system property {@value #MAX_LINE_BYTES_PROPERTY}
 * if set, else a sixteenth of the JVM's maximum heap, between 64 KiB and 256 MiB.
 */
final class LineInput implements Closeable {

    /** The system property that sets the longest line (in bytes) a snapshot file may have. */
    static final String MAX_LINE_BYTES_PROPERTY = "seedkit.snapshot.maxLineBytes";

    /** Makes the error for a line longer than the limit: at which line, in which field (zero-based). */
    @FunctionalInterface
    interface LongLine {
        SeedException at(long lineNumber, int field, int limit);
    }

    private static final int MIN_DEFAULT = 64 * 1024;
    private static final int MAX_DEFAULT = 256 * 1024 * 1024;

    private final InputStream in;
    private final String where;
    private final int maxLineBytes;
    private final LongLine longLine;
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long lineNumber;

    LineInput(InputStream in, String where, int maxLineBytes, LongLine longLine) {
        this.in = in;
        this.where = where;
        this.maxLineBytes = maxLineBytes;
        this.longLine = longLine;
    }

    /** The longest line a snapshot file may have in this JVM: the system property, else by the heap. */
    static int maxLineBytes() {
        String configured = System.getProperty(MAX_LINE_BYTES_PROPERTY);
        if (configured == null || configured.isBlank()) {
            long byHeap = Runtime.getRuntime().maxMemory() / 16;
            return (int) Math.max(MIN_DEFAULT, Math.min(byHeap, MAX_DEFAULT));
        }
        try {
            int value = Integer.parseInt(configured.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SeedException(SeedException.Code.CONFIGURATION, "System property " + MAX_LINE_BYTES_PROPERTY
                + " is '" + configured + "'; give the longest line a snapshot file may have as a number of bytes "
                + "from 1 to " + Integer.MAX_VALUE + ", or leave it unset for a sixteenth of the heap.");
    }

    /** Reads the next line; false at the end of the file. Throws if the last line has no newline. */
    boolean next() {
        length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length > 0) {
                    throw SnapshotErrors.format(where + " line " + (lineNumber + 1) + ": the last line does not "
                            + "end with a newline, so the file looks truncated; every line, the last one too, "
                            + "ends with LF.");
                }
                return false;
            }
            if (takeUntilNewline()) {
                lineNumber++;
                return true;
            }
        }
    }

    /** The bytes of the current line, without its newline; valid up to {@link #length()}. */
    byte[] line() {
        return line;
    }

    /** The bytes of the current line followed by its LF, valid up to {@link #length()} + 1; no copy. */
    byte[] terminatedLine() {
        if (length == line.length) {
            line = Arrays.copyOf(line, length + 1);
        }
        line[length] = '\n';
        return line;
    }

    int length() {
        return length;
    }

    /** One-based number of the current line; the header is line 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** Lowercase hex SHA-256 of all bytes read so far; call at the end of the file. */
    String sha256() {
        return Sha256.hex(digest.digest());
    }

    /** Moves bytes up to the next newline into the line buffer; true if the newline was found. */
    private boolean takeUntilNewline() {
        int end = position;
        while (end < limit && chunk[end] != '\n') {
            end++;
        }
        append(position, end);
        boolean found = end < limit;
        int consumed = found ? end + 1 : end;
        digest.update(chunk, position, consumed - position);
        position = consumed;
        return found;
    }

    private void append(int from, int to) {
        int count = to - from;
        if ((long) length + count > maxLineBytes) {
            int field = tabs(line, 0, length) + tabs(chunk, from, from + (maxLineBytes - length));
            throw longLine.at(lineNumber + 1, field, maxLineBytes);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(line.length * 2L, length + count)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    private static int tabs(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\t') {
                n++;
            }
        }
        return n;
    }

    private boolean fill() {
        try {
            int read = in.read(chunk);
            while (read == 0) {
                read = in.read(chunk);
            }
            position = 0;
            limit = Math.max(read, 0);
            return read > 0;
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(where, e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
