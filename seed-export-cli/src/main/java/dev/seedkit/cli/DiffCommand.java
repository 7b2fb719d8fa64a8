package dev.seedkit.cli;

import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotDiff;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seedkit diff}: what changed between two snapshots, per table, for reviewing a refresh. */
@Command(name = "diff", header = "Show what changed between two snapshots.",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show what changed between two snapshots, per table: tables added and removed, rows added,",
                "removed and changed (matched by primary key), columns added and removed."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.UNEXPECTED_HELP, ExitCodes.USAGE_HELP, ExitCodes.SNAPSHOT_HELP},
        footerHeading = "%nExamples:%n",
        footer = {"  seedkit diff old-snapshot src/test/resources/fixtures/demo",
                "  seedkit diff /tmp/demo-before      # against the configured snapshot",
                "  seedkit diff before after --json"})
final class DiffCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The older snapshot (directory or classpath:folder).")
    String before;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AFTER", description = "The newer snapshot. Default: "
            + "$SEEDKIT_SNAPSHOT, else 'snapshot' in the settings file.")
    String after;

    @Override
    Optional<String> snapshotHint(Environment environment) {
        return environment.variable("SEEDKIT_SNAPSHOT");
    }

    @Override
    int run() {
        String from = settings.location(before);
        String to = after != null ? settings.location(after) : snapshotLocation(new SnapshotOptions());
        try (Snapshot older = open(from); Snapshot newer = open(to)) {
            SnapshotDiff diff = SnapshotDiff.between(older, newer);
            output.line(diff.render());
            output.result(true, ExitCodes.OK, json(diff, from, to));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(SnapshotDiff diff, String from, String to) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("before", from);
        result.put("after", to);
        result.put("identical", diff.isEmpty());
        result.put("tablesAdded", tables(diff.tablesAdded()));
        result.put("tablesRemoved", tables(diff.tablesRemoved()));
        result.put("tablesChanged", diff.changedTables().stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("table", TableName.of(t.schema(), t.name()).toString());
            table.put("keyColumns", t.keyColumns());
            table.put("rowsAdded", t.rowsAdded().size());
            table.put("rowsRemoved", t.rowsRemoved().size());
            table.put("rowsChanged", t.rowsChanged().size());
            table.put("rowsUnchanged", t.rowsUnchanged());
            table.put("columnsAdded", t.columnsAdded());
            table.put("columnsRemoved", t.columnsRemoved());
            table.put("added", t.rowsAdded());
            table.put("removed", t.rowsRemoved());
            table.put("changed", t.rowsChanged().stream().map(c -> Map.of("key", c.key(), "columns", c.columns()))
                    .toList());
            return table;
        }).toList());
        return result;
    }

    private static List<Map<String, Object>> tables(List<SnapshotManifest.Table> tables) {
        return tables.stream().map(t -> Map.<String, Object>of("table", t.toString(), "rows", t.rowCount())).toList();
    }
}
