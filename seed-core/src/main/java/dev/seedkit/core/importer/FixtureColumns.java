package dev.seedkit.core.importer;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.Table;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.snapshot.TableOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks hand-written fixtures against the database before any row is written: every table they name exists, and
 * every column they name is a column of it that can be loaded. Each problem names the fixture file, the line that
 * names the table or column, and the table's columns, since a typo is the usual cause.
 */
final class FixtureColumns {

    private FixtureColumns() {
    }

    static void check(Snapshot snapshot, Schema schema) {
        List<String> problems = new ArrayList<>();
        for (SnapshotManifest.Table entry : snapshot.manifest().tables()) {
            TableOrigin origin = snapshot.origin(entry);
            if (origin.fixture()) {
                problems.addAll(problems(entry, origin, schema));
            }
        }
        if (!problems.isEmpty()) {
            throw new SeedException(SeedException.Code.SNAPSHOT_FORMAT, ImportErrors.FAILED + "the fixtures name "
                    + "what the database does not have:\n  - " + String.join("\n  - ", problems) + "\nFix the "
                    + "names in the fixture files, or migrate the database.");
        }
    }

    private static List<String> problems(SnapshotManifest.Table entry, TableOrigin origin, Schema schema) {
        Optional<Table> table = schema.table(TableName.of(entry.schema(), entry.name()));
        if (table.isEmpty()) {
            return List.of("file " + origin.file() + ": table " + entry + " does not exist in the database");
        }
        List<String> names = table.get().columns().stream().filter(c -> !c.generated()).map(Column::name).toList();
        List<String> problems = new ArrayList<>();
        for (String column : entry.columnNames()) {
            Optional<Column> actual = table.get().column(column);
            if (actual.isEmpty() || actual.get().generated()) {
                problems.add("file " + origin.file() + ", line " + origin.columnLine(column) + ", column " + column
                        + ": table " + entry + (actual.isEmpty() ? " has no column " + column
                        : "'s column " + column + " is generated, so no file can set it") + "; its columns are "
                        + names);
            }
        }
        return problems;
    }
}
