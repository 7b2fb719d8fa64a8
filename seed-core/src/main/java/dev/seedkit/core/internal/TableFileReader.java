package dev.seedkit.core.internal;

import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import dev.seedkit.core.snapshot.TableRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Streams one table file of a snapshot, checking it against the format and its manifest entry as it goes: the
 * header must list the manifest's columns, every line must be valid (field count, escapes, UTF-8), and at the end
 * the row count and SHA-256 must be the pinned ones. Only the current line is held in memory, and a line longer
 * than the limit (see {@code LineInput}) is an error naming it, not an {@code OutOfMemoryError}.
 *
 * <p>Read it either as values with {@link #nextRow()}, or as raw COPY text with {@link #dataStream()}, which hands
 * the data rows (not the header) straight to PgJDBC:
 *
 * <pre>{@code
 * try (TableFileReader reader = TableFileReader.open(snapshot, table)) {
 *     copyManager.copyIn(SnapshotSql.copyIn(table.schema(), table.name(), table.columnNames()),
 *             reader.dataStream());
 * }
 * }</pre>
 *
 * A bad line, a wrong row count or a wrong checksum is thrown from the stream as a {@code SeedException} before
 * the stream ends, so {@code copyIn} cancels the COPY and nothing of the file is committed.
 */
public final class TableFileReader implements TableRows {

    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] TAB = {'\t'};

    private final Table table;
    private final String where;
    private final LineInput input;
    private final LineChecker checker;
    private long rows;
    private boolean finished;
    private boolean streamed;

    private TableFileReader(InputStream in, String where, Table table, int maxLineBytes) {
        this.table = table;
        this.where = where;
        this.checker = new LineChecker(where, table.columnNames(), SnapshotErrors::format);
        this.input = new LineInput(in, where, maxLineBytes, checker::tooLong);
    }

    /**
     * Opens the file of {@code table}, an entry of the snapshot's manifest, for all of this reader's streams:
     * {@link Snapshot#openTable} gives users the rows only.
     */
    public static TableFileReader open(Snapshot snapshot, Table table) {
        return (TableFileReader) snapshot.openTable(table);
    }

    /** Opens a table file and checks its header; {@code where} names the file in errors. */
    public static TableFileReader open(InputStream in, String where, Table table) {
        return open(in, where, table, LineInput.maxLineBytes());
    }

    /** Like {@link #open(InputStream, String, Table)}, with lines of at most {@code maxLineBytes} bytes. */
    static TableFileReader open(InputStream in, String where, Table table, int maxLineBytes) {
        TableFileReader reader = new TableFileReader(in, where, table, maxLineBytes);
        try {
            reader.readHeader();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public Optional<List<String>> nextRow() {
        return nextFields().map(fields -> fields.stream().map(CopyText::unescape).toList());
    }

    /**
     * The data rows as COPY text bytes, one LF-terminated line per row, for {@code CopyManager.copyIn}. Each line
     * is checked before it is handed out; the count and checksum are checked before the stream reports its end.
     * Can be taken once, and not mixed with {@link #nextRow()}.
     */
    public InputStream dataStream() {
        takeStream();
        return new DataStream(LineShape.WHOLE, null, null);
    }

    /**
     * Like {@link #dataStream()}, but hands out only the rows whose number is set in {@code rowNumbers} (data rows
     * are numbered from 1, in file order). Every line is still read and checked, and so are the count and checksum:
     * an importer re-reads a file this way to send only the rows a database lacks.
     */
    public InputStream dataStream(BitSet rowNumbers) {
        takeStream();
        return new DataStream(LineShape.WHOLE, rowNumbers, null);
    }

    /**
     * Like {@link #dataStream(BitSet)} (all rows when {@code rowNumbers} is null), but each line starts with the
     * row's number (from 1) and a tab: {@code number TAB line LF}. An importer copies this into a staging table
     * whose first column is the row number, so that whatever a set-based check finds there names its file line.
     */
    public InputStream numberedDataStream(BitSet rowNumbers) {
        takeStream();
        return new DataStream(LineShape.NUMBERED_WHOLE, rowNumbers, null);
    }

    /**
     * The data rows cut down to a few columns, as COPY text lines that start with the row's number (from 1):
     * {@code number TAB field TAB field LF}, the fields in the order of {@code columnIndexes} (zero-based positions
     * in the file) and still COPY-escaped. An importer copies this into a small table to find which keys a
     * database already holds without parsing every value of every row. Lines, count and checksum are checked as
     * in {@link #dataStream()}.
     */
    public InputStream numberedFieldsStream(int... columnIndexes) {
        for (int index : columnIndexes) {
            if (index < 0 || index >= table.columns().size()) {
                throw new IllegalArgumentException("Column index " + index + " is outside " + where + "'s "
                        + table.columns().size() + " columns.");
            }
        }
        takeStream();
        return new DataStream(LineShape.NUMBERED_FIELDS, null, columnIndexes.clone());
    }

    private void takeStream() {
        if (streamed || rows > 0 || finished) {
            throw new IllegalStateException("The data stream of " + where + " can be taken once, before any row "
                    + "is read.");
        }
        streamed = true;
    }

    @Override
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
    public Optional<List<String>> nextFields() {
        if (!advance()) {
            return Optional.empty();
        }
        if (table.columns().isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(CopyText.split(new String(input.line(), 0, input.length(), StandardCharsets.UTF_8)));
    }

    /** Reads and checks every remaining row, then the count and checksum. */
    public void readToEnd() {
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

    /** What a data stream makes of each line it hands out. */
    private enum LineShape { WHOLE, NUMBERED_WHOLE, NUMBERED_FIELDS }

    /**
     * Hands out checked lines, each followed by its newline, filling the caller's buffer with several rows. Whole
     * lines are handed out straight from the line buffer, without a copy, so a long line is held once.
     */
    private final class DataStream extends InputStream {
        private final LineShape shape;
        private final BitSet wanted;
        private final int[] columnIndexes;
        private final int[] fieldStarts;
        private final int[] fieldEnds;
        private byte[] pending = new byte[1024];
        private byte[] source = pending;
        private int pendingLength;
        private int position;

        DataStream(LineShape shape, BitSet wanted, int[] columnIndexes) {
            this.shape = shape;
            this.wanted = wanted;
            this.columnIndexes = columnIndexes;
            int columns = Math.max(1, table.columns().size());
            this.fieldStarts = shape == LineShape.NUMBERED_FIELDS ? new int[columns] : null;
            this.fieldEnds = shape == LineShape.NUMBERED_FIELDS ? new int[columns] : null;
        }

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
                System.arraycopy(source, position, buffer, offset + copied, n);
                position += n;
                copied += n;
            }
            return copied == 0 && length > 0 ? -1 : copied;
        }

        private boolean takeNextLine() {
            do {
                if (!advance()) {
                    return false;
                }
            } while (wanted != null && (rows > Integer.MAX_VALUE || !wanted.get((int) rows)));
            position = 0;
            pendingLength = 0;
            if (shape == LineShape.WHOLE) {
                source = input.terminatedLine();
                pendingLength = input.length() + 1;
            } else {
                if (shape == LineShape.NUMBERED_WHOLE) {
                    appendNumberedLine();
                } else {
                    appendNumberedFields();
                }
                append(NEWLINE, 0, 1);
                source = pending;
            }
            return true;
        }

        /** Row number, then the whole line (nothing more for a table without columns). */
        private void appendNumberedLine() {
            appendRowNumber();
            if (!table.columns().isEmpty()) {
                append(TAB, 0, 1);
                append(input.line(), 0, input.length());
            }
        }

        private void appendRowNumber() {
            byte[] number = Long.toString(rows).getBytes(StandardCharsets.US_ASCII);
            append(number, 0, number.length);
        }

        /** Row number, then the chosen fields; fields are cut at raw tabs, which never occur inside a value. */
        private void appendNumberedFields() {
            byte[] line = input.line();
            int length = input.length();
            int field = 0;
            fieldStarts[0] = 0;
            for (int i = 0; i < length; i++) {
                if (line[i] == '\t') {
                    fieldEnds[field++] = i;
                    fieldStarts[field] = i + 1;
                }
            }
            fieldEnds[field] = length;
            appendRowNumber();
            for (int index : columnIndexes) {
                append(TAB, 0, 1);
                append(line, fieldStarts[index], fieldEnds[index] - fieldStarts[index]);
            }
        }

        private void append(byte[] bytes, int offset, int length) {
            if (pending.length < pendingLength + length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
            }
            System.arraycopy(bytes, offset, pending, pendingLength, length);
            pendingLength += length;
        }

        @Override
        public void close() {
            TableFileReader.this.close();
        }
    }
}
