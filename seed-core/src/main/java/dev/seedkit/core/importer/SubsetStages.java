package dev.seedkit.core.importer;

import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.TableName;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stages every file of a table subset and marks the rows to load: all rows of the requested tables, and the rows
 * of their ancestors that a marked row references, found in rounds (one round trip each) until a round marks none.
 */
final class SubsetStages {

    private SubsetStages() {
    }

    static void stage(TableLoader loader, ImportStatements statements, Schema schema, TableSelection selection,
            List<TableLoad> loads) {
        Map<TableName, Stage> stages = new HashMap<>();
        for (TableLoad load : loads) {
            stages.put(load.name(), loader.stageForSubset(load, selection.requested().contains(load.name())));
        }
        List<ForeignKey> edges = schema.foreignKeys().stream()
                .filter(fk -> stages.containsKey(fk.child()) && selection.ancestors().contains(fk.parent()))
                .filter(fk -> stages.get(fk.child()).load().entry().columnNames().containsAll(fk.childColumns()))
                .toList();
        if (edges.isEmpty()) {
            return;
        }
        String round = edges.stream().map(fk -> ImportSql.markNeeded(fk, stages.get(fk.parent()).name(),
                stages.get(fk.child()).name())).collect(Collectors.joining("; "));
        Purpose purpose = new Purpose(Kind.LOAD, "marking the ancestor rows the requested tables need", loads, "");
        while (Arrays.stream(statements.updates(round, purpose)).sum() > 0) {
            // another round: rows marked in this one may reference further ancestor rows
        }
    }
}
