package dev.seedkit.core.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads a file line by line (lines end in LF) into a reused buffer, so a table streams in constant memory apart
 * from its longest line, and computes the SHA-256 of every byte read on the way.
 */
final class LineInput implements Closeable {

    private final InputStream in;
    private final String where;
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long lineNumber;

    LineInput(InputStream in, String where) {
        this.in = in;
        this.where = where;
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
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
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
