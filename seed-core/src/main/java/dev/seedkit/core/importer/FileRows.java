package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.TableOrigin;
import dev.seedkit.core.internal.TableFileReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a snapshot file again after something failed, to find the row an error is about: the row on a line COPY
 * named (for its key), or the first row holding the values an error detail names (for its line). Only failure
 * paths read files this way; values are compared as the text COPY wrote, which is what PostgreSQL prints in
 * error details too.
 */
final class FileRows {

    private final Snapshot snapshot;

    FileRows(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A data row: its file line and its values (null for NULL), in file column order. */
    record Row(long line, List<String> values) {
    }

    /**
     * {@code file t.items.tsv, line 8, column qty, key (id)=(7)}: the file and line a person edits to fix the row,
     * which for hand-written fixtures is the fixture file ({@code items.csv}) and its line.
     */
    String describe(SnapshotManifest.Table entry, RowLocation row) {
        TableOrigin origin = snapshot.origin(entry);
        return "file " + origin.file() + new RowLocation(origin.line(row.line()), row.column(), row.key()).describe();
    }

    /** Where the rows of {@code entry} were written: its table file, or a hand-written fixture file. */
    TableOrigin origin(SnapshotManifest.Table entry) {
        return snapshot.origin(entry);
    }

    /** The row on file line {@code line}. */
    Optional<Row> atLine(SnapshotManifest.Table entry, long line) {
        return first(entry, line, row -> row.line() == line);
    }

    /** The first row, before line {@code beforeLine} (0: anywhere), whose {@code columns} hold {@code values}. */
    Optional<Row> firstWith(SnapshotManifest.Table entry, List<String> columns, List<String> values, long beforeLine) {
        int[] indexes = columns.stream().mapToInt(entry.columnNames()::indexOf).toArray();
        if (indexes.length == 0 || indexes.length != values.size() || Arrays.stream(indexes).anyMatch(i -> i < 0)) {
            return Optional.empty();
        }
        long limit = beforeLine > 0 ? beforeLine - 1 : Long.MAX_VALUE;
        return first(entry, limit, row -> {
            for (int i = 0; i < indexes.length; i++) {
                if (!values.get(i).equals(row.values().get(indexes[i]))) {
                    return false;
                }
            }
            return true;
        });
    }

    /** {@code (id)=(7)}: a row's key as PostgreSQL prints keys; null if the table has no key. */
    static String key(SnapshotManifest.Table entry, Row row, List<String> keyColumns) {
        if (keyColumns.isEmpty()) {
            return null;
        }
        return KeyText.of(keyColumns, keyColumns.stream().map(c -> row.values().get(entry.columnNames().indexOf(c)))
                .toList());
    }

    private Optional<Row> first(SnapshotManifest.Table entry, long lastLine, Predicate<Row> wanted) {
        try (TableFileReader reader = TableFileReader.open(snapshot, entry)) {
            long line = 1;
            for (Optional<List<String>> values = reader.nextRow(); values.isPresent() && ++line <= lastLine;
                    values = reader.nextRow()) {
                Row row = new Row(line, values.get());
                if (wanted.test(row)) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        } catch (SeedException e) {
            return Optional.empty(); // the file itself is broken further on; the caller reports what it knows
        }
    }
}
