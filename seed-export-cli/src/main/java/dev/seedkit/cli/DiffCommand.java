package dev.seedkit.cli;

import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotDiff;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seedkit diff}: what changed between two snapshots, per table, for reviewing a refresh. */
@Command(name = "diff", defaultValueProvider = SettingsDefaults.class,
        header = "Show what changed between two snapshots.",
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
            Map<String, Object> json = JsonResults.fields("before", from, "after", to);
            json.putAll(JsonResults.diff(diff));
            output.result(true, ExitCodes.OK, json);
        }
        return ExitCodes.OK;
    }
}
