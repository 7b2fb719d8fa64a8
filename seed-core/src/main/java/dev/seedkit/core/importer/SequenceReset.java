package dev.seedkit.core.importer;

import dev.seedkit.core.importer.Purpose.Kind;
import dev.seedkit.core.schema.Column;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves every sequence that feeds a loaded column (serial, identity, or a sequence shared through a
 * {@code nextval(...)} default) past the largest value present, so that code under test can insert new rows without
 * key collisions. Sequences only ever move forward. {@code setval} is not undone by a rollback, so this is the
 * import's last step: it first has the database check what it deferred to the commit, and runs only once nothing
 * else can fail.
 */
final class SequenceReset {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    private SequenceReset() {
    }

    /** Checks the deferred constraints, then moves the sequences, in one round trip; returns how many moved. */
    static int resetAfterLoad(ImportStatements statements, List<TableLoad> loaded) {
        int[] moved = new int[1];
        Optional<String> reset = resetSql(loaded.stream().map(TableLoad::table).toList());
        statements.query(ImportSql.CHECK_DEFERRED + reset.map(sql -> "; " + sql).orElse(""),
                new Purpose(Kind.SEQUENCES, "checking the deferred constraints, then moving the sequences of the "
                        + "loaded tables past their largest keys", loaded, "USAGE and UPDATE on the sequences of "
                        + "the loaded tables"), rs -> moved[0] = rs.getInt(1));
        return moved[0];
    }

    private static Optional<String> resetSql(List<Table> loaded) {
        Map<String, List<String>> maxima = new LinkedHashMap<>();
        for (Table table : loaded) {
            for (Column column : table.columns()) {
                sequenceOf(column).ifPresent(sequence -> maxima.computeIfAbsent(sequence, s -> new ArrayList<>())
                        .add("(SELECT max(" + Identifiers.quote(column.name()) + ") FROM " + table.name().qualified()
                                + ")"));
            }
        }
        if (maxima.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("SELECT count(*) FROM (" + maxima.entrySet().stream()
                .map(e -> "(" + setval(e.getKey(), e.getValue()) + ")").collect(Collectors.joining(" UNION ALL "))
                + ") moved");
    }

    private static String setval(String sequence, List<String> maxima) {
        String regclass = "'" + sequence.replace("'", "''") + "'::regclass";
        return "SELECT setval(seq, m) FROM (SELECT " + regclass + " AS seq, GREATEST(" + String.join(", ", maxima)
                + ") AS m) x WHERE m IS NOT NULL AND m > COALESCE(pg_sequence_last_value(seq), m - 1)";
    }

    /** The sequence feeding {@code column}, quoted: its owned sequence, or the one its nextval default names. */
    static Optional<String> sequenceOf(Column column) {
        if (column.ownedSequence().isPresent()) {
            var name = column.ownedSequence().get();
            return Optional.of(Identifiers.quote(name.schema(), name.name()));
        }
        Matcher matcher = NEXTVAL.matcher(column.defaultExpression().orElse(""));
        return matcher.find() ? Optional.of(matcher.group(1).replace("''", "'")) : Optional.empty();
    }
}
