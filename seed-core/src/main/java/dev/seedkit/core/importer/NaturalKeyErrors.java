package dev.seedkit.core.importer;

import static dev.seedkit.core.importer.ImportErrors.FAILED;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.SeedException.Code;
import dev.seedkit.core.importer.Purpose.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What natural-key matching refuses, each naming the file line and the row's keys, found by {@link KeyMaps}'s
 * set-based checks: two rows of the file with one natural key, a row that matches two rows of the database, a new
 * row whose key a row of the database holds where no fresh key can be had, a reference that cannot be rewritten.
 * The row's values are read back from its stage, which holds them as the file has them.
 */
final class NaturalKeyErrors {

    private final ImportStatements statements;
    private final KeyMap map;
    private final Stage stage;

    NaturalKeyErrors(ImportStatements statements, KeyMap map, Stage stage) {
        this.statements = statements;
        this.map = map;
        this.stage = stage;
    }

    /** Throws for the first thing {@code found}; nothing when it found nothing. */
    void requireNone(KeyMaps.Found found) {
        if (found.duplicateKey) {
            StageDiagnosis.requireUniqueKeys(stage.name(), map.load(), statements);
        }
        if (found.sameNaturalKey != null) {
            long first = found.sameNaturalKey[0];
            long second = found.sameNaturalKey[1];
            throw new SeedException(Code.DATA_INTEGRITY, FAILED + where(second) + "line " + (first + 1) + " of the "
                    + "file holds natural key " + valuesOfStage(map.naturalKey(), second) + " too, and a natural key "
                    + "identifies one row, so the two cannot both be matched. Fix one of the rows in the snapshot, "
                    + "or declare a natural key that is unique in it.");
        }
        if (found.matchesTwice >= 0) {
            long row = found.matchesTwice;
            throw new SeedException(Code.DATA_INTEGRITY, FAILED + where(row) + "its natural key "
                    + valuesOfStage(map.naturalKey(), row) + " matches more than one row of the database, e.g. "
                    + matchedRows(row) + ": " + map.naturalKey() + " does not identify a row of "
                    + map.table() + " there. Declare a natural key the database holds once per row, such as a "
                    + "unique key of the table, or remove the duplicates from the database.");
        }
        if (found.taken != null) {
            throw taken(found.taken);
        }
    }

    private SeedException taken(KeyMaps.Found.Taken taken) {
        String key = KeyText.of(map.key(), taken.keyValues());
        return new SeedException(Code.DATA_INTEGRITY, FAILED + where(taken.row()) + "no row of the database has its "
                + "natural key " + valuesOfStage(map.naturalKey(), taken.row()) + ", so it is new, but its key " + key
                + " is held by the database's row with natural key " + KeyText.of(map.naturalKey(),
                        Arrays.asList(taken.holderNaturalKey())) + ". The key of " + map.table() + " is not one "
                + "column fed by a sequence, so no fresh key can be given to it: change the row's key in the "
                + "snapshot to one the database does not use, or declare a natural key under which the two rows "
                + "are one.");
    }

    /** A reference (on file line {@code line}) to a row the referenced table's file does not have. */
    SeedException unmappedReference(KeyMap.Reference reference, long line) {
        long row = line - 1;
        List<String> columns = reference.foreignKey().childColumns();
        String value = valuesOfStage(columns, row);
        return new SeedException(Code.DATA_INTEGRITY, FAILED + "table " + stage.load().name() + " (file "
                + stage.load().entry().file() + ", line " + line + rowKey(row) + "): its " + value + " references "
                + "no row of " + map.load().entry().file() + " through foreign key " + reference.foreignKey().name()
                + ", so it cannot be rewritten to the key the row has in the database by natural key "
                + map.naturalKey() + " of " + map.table() + ". Re-export the snapshot so that it holds every row "
                + "its rows reference.");
    }

    /** {@code table t (file f, line 8, key (id)=(7)): }. */
    private String where(long row) {
        return "table " + map.table() + " (file " + map.load().entry().file() + ", line " + (row + 1) + rowKey(row)
                + "): ";
    }

    private String rowKey(long row) {
        List<String> key = stage.load().keyColumns();
        return key.isEmpty() ? "" : ", key " + valuesOfStage(key, row);
    }

    /** {@code (a, b)=(1, x)}: the values of staged row {@code row}, as the file has them. */
    private String valuesOfStage(List<String> columns, long row) {
        List<String> values = new ArrayList<>();
        statements.query("SELECT " + ImportSql.textArray("s.", columns) + " FROM " + stage.name() + " s WHERE s."
                + Stage.ROW_NUMBER + " = " + row, Purpose.on(stage.load(), Kind.LOAD, "reading the refused row of "
                + stage.load().entry().file(), ""), rs -> values.addAll(Arrays.asList(
                        (String[]) rs.getArray(1).getArray())));
        return KeyText.of(columns, values);
    }

    /** The keys of (at most two of) the database rows that staged row {@code row} matches. */
    private String matchedRows(long row) {
        List<String> rows = new ArrayList<>();
        String keys = "ARRAY[" + String.join(", ", IntStream.range(0, map.key().size())
                .mapToObj(i -> KeyMap.newColumn(i) + "::text").toList()) + "]";
        statements.query("SELECT " + keys + " FROM " + map.name() + " WHERE " + Stage.ROW_NUMBER + " = " + row
                + " ORDER BY 1 LIMIT 2", Purpose.on(map.load(), Kind.LOAD, "reading the rows " + map.table()
                + " matches twice", ""), rs -> rows.add(KeyText.of(map.key(),
                        Arrays.asList((String[]) rs.getArray(1).getArray()))));
        return String.join(" and ", rows);
    }
}
