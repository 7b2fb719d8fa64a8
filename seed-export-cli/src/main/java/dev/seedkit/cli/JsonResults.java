package dev.seedkit.cli;

import dev.seedkit.core.exporter.ExportReport;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.importer.SchemaDrift;
import dev.seedkit.core.importer.SnapshotVerifier.VerifyReport;
import dev.seedkit.core.schema.CyclePlan;
import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.TableName;
import dev.seedkit.core.snapshot.SnapshotDiff;
import dev.seedkit.core.snapshot.SnapshotManifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every JSON shape of {@code --json}, built in one place from the core's typed results, so that one result has one
 * shape whichever command shows it (a diff looks the same in {@code diff} and {@code refresh}). The shapes are
 * documented in {@code docs/cli.md}; {@link Output#result} adds {@code command}, {@code ok} and {@code exitCode}.
 */
final class JsonResults {

    private JsonResults() {
    }

    /** An export: where, what, and per table how many rows were chosen and why. */
    static Map<String, Object> export(ExportReport report, String snapshot, String database) {
        return fields("snapshot", snapshot, "fixtureVersion", report.manifest().fixtureVersion(),
                "database", database,
                "tables", report.tables().stream().map(t -> fields("table", t.table().toString(), "file", t.file(),
                        "rows", t.rows(), "rowsSelectedByLimit", t.rowsSelectedByLimit(),
                        "rowsPulledInAsParents", t.rowsPulledInAsParents(),
                        "pulledIn", t.pulledIn().stream().map(p -> fields("foreignKey", p.foreignKey(),
                                "child", p.child().toString(), "rows", p.rows())).toList(),
                        "millis", t.time().toMillis())).toList(),
                "rows", report.rows(), "rowsSelectedByLimit", report.rowsSelectedByLimit(),
                "rowsPulledInAsParents", report.rowsPulledInAsParents(), "closureRounds", report.closureRounds(),
                "queries", report.queries(), "roundTrips", report.roundTrips(), "rowsRead", report.rowsRead(),
                "millis", report.duration().toMillis());
    }

    /** An import: where, how, and per table what happened to the rows (matched and remapped: natural keys). */
    static Map<String, Object> imported(ImportReport report, String snapshot, String database) {
        return fields("snapshot", snapshot, "fixtureVersion", report.fixtureVersion(),
                "snapshotId", report.snapshotId(), "database", database, "mode", modeName(report),
                "alreadyApplied", report.alreadyApplied(), "dryRun", report.dryRun(), "changes", report.changes(),
                "triggersOff", report.triggersOff(),
                "tables", report.tables().stream().map(t -> fields("table", t.table(), "inserted", t.inserted(),
                        "skipped", t.skipped(), "updated", t.updated(), "matched", t.matched(),
                        "remapped", t.remapped(), "millis", t.elapsed().toMillis())).toList(),
                "inserted", report.inserted(), "skipped", report.skipped(), "updated", report.updated(),
                "matched", report.matched(), "remapped", report.remapped(), "millis", report.elapsed().toMillis());
    }

    /** An import's mode as the command line spells it: {@code insert-missing}, {@code upsert}, {@code replace}. */
    static String modeName(ImportReport report) {
        return report.mode().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Why each table of a snapshot has its rows, as its manifest records it ({@code recorded: false} and no counts
     * for tables it does not), in the shape of {@link #export}'s tables.
     */
    static Map<String, Object> selections(String snapshot, List<SnapshotManifest.Table> tables) {
        return fields("snapshot", snapshot, "tables", tables.stream().map(t -> fields("table", t.toString(),
                "file", t.file(), "rows", t.rowCount(), "recorded", t.recordedSelection().isPresent(),
                "rowsSelectedByLimit", t.recordedSelection().map(SnapshotManifest.Selection::byLimit).orElse(null),
                "pulledIn", t.recordedSelection().map(s -> s.pulledIn().stream().map(p -> fields("foreignKey",
                        p.foreignKey(), "child", p.child(), "rows", p.rows())).toList()).orElse(List.of())))
                .toList());
    }

    /** A load plan: its steps in order and its cycles. */
    static Map<String, Object> plan(LoadPlan plan, String database) {
        return fields("database", database, "phases", plan.phases().size(),
                "steps", plan.steps().stream().map(step -> fields("order", step.order(), "phase", step.phase(),
                        "table", step.table().toString(), "dependsOn", names(step.dependsOn()),
                        "cycle", step.cycle().map(CyclePlan::number).orElse(null))).toList(),
                "cycles", plan.cycles().stream().map(cycle -> fields("number", cycle.number(),
                        "strategy", cycle.strategy().name(), "tables", names(cycle.tables()),
                        "explanation", cycle.explanation())).toList());
    }

    /** What changed between two snapshots: the one shape of {@code diff} and of {@code refresh}'s {@code diff}. */
    static Map<String, Object> diff(SnapshotDiff diff) {
        return fields("identical", diff.isEmpty(), "tablesAdded", tables(diff.tablesAdded()),
                "tablesRemoved", tables(diff.tablesRemoved()),
                "tablesChanged", diff.changedTables().stream().map(t -> fields(
                        "table", TableName.of(t.schema(), t.name()).toString(), "keyColumns", t.keyColumns(),
                        "rowsAdded", t.rowsAdded().size(), "rowsRemoved", t.rowsRemoved().size(),
                        "rowsChanged", t.rowsChanged().size(), "rowsUnchanged", t.rowsUnchanged(),
                        "columnsAdded", t.columnsAdded(), "columnsRemoved", t.columnsRemoved(),
                        "added", t.rowsAdded(), "removed", t.rowsRemoved(),
                        "changed", t.rowsChanged().stream().map(c -> fields("key", c.key(), "columns", c.columns()))
                                .toList())).toList());
    }

    /** The schema check of {@code verify}. */
    static Map<String, Object> schema(SchemaDrift drift) {
        return fields("ok", drift.none(), "snapshotFingerprint", drift.snapshotFingerprint(),
                "databaseFingerprint", drift.databaseFingerprint(), "differences", drift.differences(),
                "migrations", drift.migrations().orElse(null));
    }

    /** The data check of {@code verify --data}: counts, foreign keys and the row comparison per table. */
    static Map<String, Object> data(VerifyReport report) {
        return fields("ok", report.ok(), "problems", report.problems(), "rowCounts", new TreeMap<>(report.rowCounts()),
                "rowsCompared", report.rowsCompared(),
                "tables", report.tables().stream().map(t -> {
                    Map<String, Object> table = fields("table", t.table(), "rows", t.rows(),
                            "differing", t.differing(), "examples", t.examples());
                    t.notCompared().ifPresent(why -> table.put("notCompared", why));
                    return table;
                }).toList());
    }

    /** One table file as {@code verify} checked it. */
    static Map<String, Object> file(SnapshotManifest.Table table, String problem) {
        Map<String, Object> file = fields("table", table.toString(), "file", table.file(), "rows", table.rowCount(),
                "ok", problem == null);
        if (problem != null) {
            file.put("problem", problem);
        }
        return file;
    }

    /** The fixture-version check of {@code verify --expect-version}. */
    static Map<String, Object> version(String expected, String actual) {
        return fields("expected", expected, "actual", actual, "ok", expected.equals(actual));
    }

    /** A failed command: its error code and message. */
    static Map<String, Object> error(String code, String message) {
        return fields("error", fields("code", code, "message", message));
    }

    /** An ordered JSON object from {@code name, value} pairs. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static List<Map<String, Object>> tables(List<SnapshotManifest.Table> tables) {
        return tables.stream().map(t -> fields("table", t.toString(), "rows", t.rowCount())).toList();
    }

    private static List<String> names(List<TableName> tables) {
        return tables.stream().map(TableName::toString).toList();
    }
}
