package dev.seedkit.core.importer;

import dev.seedkit.core.internal.TableFileReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file's rows on their way to the database, telling {@link ImportProgress} how many have been read: every
 * {@value #EVERY} rows, and once at the end. Counting is the reader's own, so nothing is parsed twice.
 */
final class ProgressStream extends FilterInputStream {

    static final long EVERY = 2_000;

    private final TableFileReader reader;
    private final String table;
    private final ImportProgress progress;
    private long reported;

    ProgressStream(InputStream rows, TableFileReader reader, String table, ImportProgress progress) {
        super(rows);
        this.reader = reader;
        this.table = table;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        report(b < 0);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        report(n < 0);
        return n;
    }

    private void report(boolean end) {
        long rows = reader.rowsRead();
        if (rows - reported >= EVERY || (end && rows != reported)) {
            reported = rows;
            progress.rowsRead(table, rows);
        }
    }
}
