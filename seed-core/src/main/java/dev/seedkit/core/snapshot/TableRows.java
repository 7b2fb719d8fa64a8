package dev.seedkit.core.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The rows of one table file of an open {@link Snapshot}, read one at a time and checked as they are read: the
 * header against the manifest's columns, every line against the format, and at the end the row count and SHA-256
 * against the manifest's pins. Only the current line is held in memory.
 *
 * <pre>{@code
 * try (TableRows rows = snapshot.openTable(table)) {
 *     for (Optional<List<String>> row = rows.nextRow(); row.isPresent(); row = rows.nextRow()) { ... }
 * }
 * }</pre>
 */
public interface TableRows extends AutoCloseable {

    /** The manifest entry this file is checked against. */
    SnapshotManifest.Table table();

    /** The next row's values in column order ({@code null} for NULL), or empty after the last row. */
    Optional<List<String>> nextRow();

    /** The number of data rows read so far. */
    long rowsRead();

    /** Releases the file. */
    @Override
    void close();
}
