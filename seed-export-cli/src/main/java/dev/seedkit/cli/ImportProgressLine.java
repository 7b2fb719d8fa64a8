package dev.seedkit.cli;

import dev.seedkit.core.importer.ImportProgress;
import dev.seedkit.core.importer.ImportReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * An import's progress on a terminal: one line on standard error, redrawn in place at most every
 * {@value #REDRAW_MILLIS} ms, e.g. {@code [3/22] shop.orders  45,000/100,000 rows  52,000 rows/s  about 2 s left},
 * and cleared at the end. The rate counts every row read since the import began loading; the time left is the
 * rows not read yet at that rate. Only made where a person watches a terminal and the output is not
 * {@code --json}; elsewhere the command prints its report and nothing else.
 */
final class ImportProgressLine implements ImportProgress, AutoCloseable {

    static final long REDRAW_MILLIS = 100;

    private final PrintWriter err;
    private final Redaction redaction;
    private final LongSupplier nanoTime;
    private int tables;
    private long rows;
    private int table;
    private String current = "";
    private long currentRows;
    private long currentRead;
    private long rowsDone;
    private long started;
    private long drawn = Long.MIN_VALUE;
    private int width;

    ImportProgressLine(PrintWriter err, Redaction redaction, LongSupplier nanoTime) {
        this.err = err;
        this.redaction = redaction;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(int tableCount, long rowCount) {
        tables = tableCount;
        rows = rowCount;
        started = nanoTime.getAsLong();
    }

    @Override
    public void tableStarted(String name, long fileRows) {
        table++;
        current = name;
        currentRows = fileRows;
        currentRead = 0;
        draw(true);
    }

    @Override
    public void rowsRead(String name, long read) {
        currentRead = Math.min(Math.max(currentRead, read), currentRows);
        draw(false);
    }

    @Override
    public void tableFinished(ImportReport.TableReport report) {
        rowsDone += currentRows;
        currentRead = currentRows;
        draw(false);
    }

    /** The line as it stands, e.g. {@code [3/22] shop.orders  45,000/100,000 rows  52,000 rows/s  about 2 s left}. */
    String line() {
        long read = rowsDone + (currentRead < currentRows ? currentRead : 0);
        double seconds = Math.max(nanoTime.getAsLong() - started, 1) / 1e9;
        double rate = read / seconds;
        String text = String.format(Locale.ROOT, "[%d/%d] %s  %,d/%,d rows", table, tables, current, currentRead,
                currentRows);
        if (read > 0) {
            long left = Math.round((rows - read) / rate);
            text += String.format(Locale.ROOT, "  %,d rows/s  about %s left", Math.round(rate), duration(left));
        }
        return text;
    }

    private void draw(boolean always) {
        long now = nanoTime.getAsLong();
        if (!always && now - drawn < REDRAW_MILLIS * 1_000_000) {
            return;
        }
        drawn = now;
        String line = redaction.apply(line());
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = Math.max(width, line.length());
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** Clears the line. */
    @Override
    public void close() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
