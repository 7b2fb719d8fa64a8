package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.SnapshotManifest.Column;
import dev.seedkit.core.snapshot.SnapshotManifest.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one table file: the header, then the rows, computing the row count and SHA-256 on the way, and returns
 * the table's manifest entry. Rows come either straight from PostgreSQL through {@link #copyOutSink()}, or one at
 * a time through {@link #writeRow(List)}; the caller hands them over already in key order.
 *
 * <pre>{@code
 * try (TableFileWriter writer = TableFileWriter.create(dir, "public", "users", columns, List.of("id"))) {
 *     copyManager.copyOut(SnapshotSql.copyOut("public", "users", names, keys), writer.copyOutSink());
 *     SnapshotManifest.Table entry = writer.finish();
 * }
 * }</pre>
 *
 * Lines from COPY are checked like a reader checks them, so a file this writes always reads back. Closing a
 * writer that was not finished deletes the partial file.
 */
public final class TableFileWriter implements AutoCloseable {

    private static final byte[] NEWLINE = {'\n'};

    private final TableFileName name;
    private final List<Column> columns;
    private final List<String> keyColumns;
    private final String where;
    private final Path file;
    private final MessageDigest digest = Sha256.newDigest();
    private final OutputStream out;
    private final CopySink sink;
    private long rows;
    private boolean finished;

    private TableFileWriter(TableFileName name, List<Column> columns, List<String> keyColumns, String where,
            Path file, OutputStream out) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        this.where = where;
        this.file = file;
        this.out = new DigestOutputStream(new BufferedOutputStream(out, 64 * 1024), digest);
        List<String> names = this.columns.stream().map(Column::name).toList();
        this.sink = new CopySink(new LineChecker("COPY output for " + where, names, message -> new SeedException(
                SeedException.Code.SNAPSHOT_FORMAT, message + " The COPY statement must select exactly the header's "
                + "columns, in order, in text format (see SnapshotSql.copyOut).")));
    }

    /**
     * Creates the file of table {@code schema.table} in {@code directory}, named by {@link TableFileName}, and
     * writes its header. Refuses to overwrite an existing file.
     */
    public static TableFileWriter create(Path directory, String schema, String table, List<Column> columns,
            List<String> keyColumns) {
        TableFileName name = new TableFileName(schema, table);
        Path file = directory.resolve(name.fileName());
        try {
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return start(new TableFileWriter(name, columns, keyColumns, file.toString(), file, out));
        } catch (FileAlreadyExistsException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, file + " already exists; export into an "
                    + "empty directory, or delete the old snapshot's files first.", e);
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(file.toString(), e);
        }
    }

    /** A writer onto any stream (which it closes); {@code where} names it in errors. */
    static TableFileWriter to(OutputStream out, String where, String schema, String table, List<Column> columns,
            List<String> keyColumns) {
        return start(new TableFileWriter(new TableFileName(schema, table), columns, keyColumns, where, null, out));
    }

    private static TableFileWriter start(TableFileWriter writer) {
        try {
            writer.write(CopyText.encode(writer.columns.stream().map(Column::name).toList()));
            return writer;
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Where {@code CopyManager.copyOut} writes the rows, as COPY text; each line is checked as it passes. A line
     * that fails the check is reported by {@link #finish()}, after COPY has run to its end: the rest of the output
     * is discarded rather than interrupted, which would leave the connection out of step with the server.
     */
    public OutputStream copyOutSink() {
        return sink;
    }

    /** Writes one row; {@code values} in column order, {@code null} for NULL. */
    public void writeRow(List<String> values) {
        if (values.size() != columns.size()) {
            throw new SeedException(SeedException.Code.CONFIGURATION, where + " row " + (rows + 1) + ": expected "
                    + columns.size() + " values, one per column " + columns.stream().map(Column::name).toList()
                    + ", got " + values.size() + ".");
        }
        write(CopyText.encode(values));
        rows++;
    }

    /** Completes the file and returns its manifest entry, with row count and SHA-256. */
    public Table finish() {
        sink.requireWholeLines();
        try {
            out.close();
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(where, e);
        }
        finished = true;
        return new Table(name.schema(), name.table(), name.fileName(), columns, keyColumns, rows,
                Sha256.hex(digest.digest()));
    }

    /** Closes the file; if {@link #finish()} was not called, deletes it, since it is incomplete. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(where, e);
        }
    }

    private void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw SnapshotErrors.unwritable(where, e);
        }
    }

    /** Splits COPY output into lines, checks each and writes it through; keeps the first failure for finish(). */
    private final class CopySink extends OutputStream {
        private final LineChecker checker;
        private byte[] line = new byte[1024];
        private int length;
        private SeedException failure;

        CopySink(LineChecker checker) {
            this.checker = checker;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            if (failure != null) {
                return;
            }
            try {
                split(bytes, offset, count);
            } catch (SeedException e) {
                failure = e;
            }
        }

        private void split(byte[] bytes, int offset, int count) {
            int start = offset;
            for (int i = offset; i < offset + count; i++) {
                if (bytes[i] == '\n') {
                    append(bytes, start, i);
                    completeLine();
                    start = i + 1;
                }
            }
            append(bytes, start, offset + count);
        }

        private void append(byte[] bytes, int from, int to) {
            if (length + to - from > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + to - from));
            }
            System.arraycopy(bytes, from, line, length, to - from);
            length += to - from;
        }

        private void completeLine() {
            checker.checkRow(line, length, rows + 2);
            TableFileWriter.this.write(line, 0, length);
            TableFileWriter.this.write(NEWLINE, 0, 1);
            rows++;
            length = 0;
        }

        void requireWholeLines() {
            if (failure != null) {
                throw failure;
            }
            if (length > 0) {
                throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, "COPY output for " + where + " ended "
                        + "in the middle of line " + (rows + 2) + "; COPY text output ends every row with a "
                        + "newline, so the export was cut short. Export the table again.");
            }
        }
    }
}
