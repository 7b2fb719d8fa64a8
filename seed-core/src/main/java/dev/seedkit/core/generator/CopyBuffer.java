package dev.seedkit.core.generator;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Collects COPY lines as UTF-8 bytes and sends them to the server in 64 KiB writes, so that a table of any size is
 * streamed in constant memory. Lines arrive already escaped ({@link SlotFormat}); this class only encodes.
 */
final class CopyBuffer {

    private static final int SIZE = 1 << 16;

    private final CopyIn copy;
    private final byte[] buffer = new byte[SIZE + 1024];
    private int length;

    CopyBuffer(CopyIn copy) {
        this.copy = copy;
    }

    /** Appends one line (without its newline) and the newline. */
    void line(CharSequence line) throws SQLException {
        for (int i = 0; i < line.length(); i++) {
            if (length > SIZE) {
                flush();
            }
            char c = line.charAt(i);
            if (c < 0x80) {
                buffer[length++] = (byte) c;
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | (c >> 6));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, line.charAt(++i));
                buffer[length++] = (byte) (0xF0 | (cp >> 18));
                buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buffer[length++] = (byte) (0xE0 | (c >> 12));
                buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buffer[length++] = '\n';
        if (length > SIZE) {
            flush();
        }
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    /** Sends the rest and ends the COPY; returns the rows the server counted. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }
}
