package dev.seedkit.core.snapshot;

import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Streams one table file of a snapshot, checking it against the format and its manifest entry as it goes: the
 * header must list the manifest's columns, every line must be valid (field count, escapes, UTF-8), and at the end
 * the row count and SHA-256 must be the pinned ones. Only the current line is held in memory.
 *
 * <p>Read it either as values with {@link #nextRow()}, or as raw COPY text with {@link #dataStream()}, which hands
 * the data rows (not the header) straight to PgJDBC:
 *
 * <pre>{@code
 * try (TableFileReader reader = snapshot.openTable(table)) {
 *     copyManager.copyIn(SnapshotSql.copyIn(table.schema(), table.name(), table.columnNames()),
 *             reader.dataStream());
 * }
 * }</pre>
 *
 * A bad line, a wrong row count or a wrong checksum is thrown from the stream as a {@code SeedException} before
 * the stream ends, so {@code copyIn} cancels the COPY and nothing of the file is committed.
 */
public final class TableFileReader implements AutoCloseable {

    private final Table table;
    private final String where;
    private final LineInput input;
    private final LineChecker checker;
    private long rows;
    private boolean finished;
    private boolean streamed;

    private TableFileReader(InputStream in, String where, Table table) {
        this.table = table;
        this.where = where;
        this.input = new LineInput(in, where);
        this.checker = new LineChecker(where, table.columnNames(), SnapshotErrors::format);
    }

    /** Opens a table file and checks its header; {@code where} names the file in errors. */
    static TableFileReader open(InputStream in, String where, Table table) {
        TableFileReader reader = new TableFileReader(in, where, table);
        try {
            reader.readHeader();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The manifest entry this file is checked against. */
    public Table table() {
        return table;
    }

    /** The next row's values in column order ({@code null} for NULL), or empty after the last row. */
    public Optional<List<String>> nextRow() {
        return nextFields().map(fields -> fields.stream().map(CopyText::unescape).toList());
    }

    /**
     * The data rows as COPY text bytes, one LF-terminated line per row, for {@code CopyManager.copyIn}. Each line
     * is checked before it is handed out; the count and checksum are checked before the stream reports its end.
     * Can be taken once, and not mixed with {@link #nextRow()}.
     */
    public InputStream dataStream() {
        if (streamed || rows > 0 || finished) {
            throw new IllegalStateException("The data stream of " + where + " can be taken once, before any row "
                    + "is read.");
        }
        streamed = true;
        return new DataStream();
    }

    /** The number of data rows read so far. */
    public long rowsRead() {
        return rows;
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            throw SnapshotErrors.unreadable(where, e);
        }
    }

    /** The next row's fields as stored (escaped), or empty after the last row. */
    Optional<List<String>> nextFields() {
        if (!advance()) {
            return Optional.empty();
        }
        if (table.columns().isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(CopyText.split(new String(input.line(), 0, input.length(), StandardCharsets.UTF_8)));
    }

    /** Reads and checks every remaining row, then the count and checksum. */
    void readToEnd() {
        while (advance()) {
            // each line is checked by advance()
        }
    }

    private void readHeader() {
        if (!input.next()) {
            throw SnapshotErrors.format(where + ": the file is empty; expected a header line with the columns "
                    + table.columnNames() + ".");
        }
        checker.checkHeader(input.line(), input.length());
        String header = new String(input.line(), 0, input.length(), StandardCharsets.UTF_8);
        List<String> found = header.isEmpty() ? List.of() : CopyText.decode(header);
        if (!found.equals(table.columnNames())) {
            throw SnapshotErrors.corrupt(where + " line 1 (header): the file has columns " + found + ", but the "
                    + "manifest lists " + table.columnNames() + " for table " + table + ".");
        }
    }

    /** Moves to the next data line and checks it; at the end checks count and checksum, then returns false. */
    private boolean advance() {
        if (finished) {
            return false;
        }
        if (!input.next()) {
            finished = true;
            checkPins();
            return false;
        }
        checker.checkRow(input.line(), input.length(), input.lineNumber());
        rows++;
        return true;
    }

    private void checkPins() {
        if (rows != table.rowCount()) {
            throw SnapshotErrors.corrupt(where + ": the manifest pins " + table.rowCount() + " rows, but the file "
                    + "has " + rows + ".");
        }
        String sha256 = input.sha256();
        if (!sha256.equals(table.sha256())) {
            throw SnapshotErrors.corrupt(where + ": checksum mismatch: the file's SHA-256 is " + sha256 + ", but "
                    + "the manifest pins " + table.sha256() + ", so the file changed after it was exported.");
        }
    }

    /** Hands out checked lines, each followed by its newline, filling the caller's buffer with several rows. */
    private final class DataStream extends InputStream {
        private byte[] pending = new byte[1024];
        private int pendingLength;
        private int position;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int copied = 0;
            while (copied < length) {
                if (position == pendingLength && !takeNextLine()) {
                    break;
                }
                int n = Math.min(length - copied, pendingLength - position);
                System.arraycopy(pending, position, buffer, offset + copied, n);
                position += n;
                copied += n;
            }
            return copied == 0 && length > 0 ? -1 : copied;
        }

        private boolean takeNextLine() {
            if (!advance()) {
                return false;
            }
            int length = input.length();
            if (pending.length < length + 1) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + 1));
            }
            System.arraycopy(input.line(), 0, pending, 0, length);
            pending[length] = '\n';
            pendingLength = length + 1;
            position = 0;
            return true;
        }

        @Override
        public void close() {
            TableFileReader.this.close();
        }
    }
}
