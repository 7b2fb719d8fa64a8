package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Column;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves every sequence that feeds a generated column (serial, identity, or shared through a {@code nextval}
 * default) past the largest value written, never backwards, so that the application can insert rows afterwards.
 * As the importer does, in one statement.
 */
final class SequenceMoves {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    private SequenceMoves() {
    }

    static void move(Connection connection, Collection<TablePlan> plans) throws SQLException {
        Map<String, List<String>> maxima = new LinkedHashMap<>();
        for (TablePlan plan : plans) {
            for (int i = 0; i < plan.columnCount(); i++) {
                Column column = plan.column(i);
                String sequence = sequenceOf(column);
                if (sequence != null && plan.written(i)) {
                    maxima.computeIfAbsent(sequence, s -> new ArrayList<>()).add("(SELECT max("
                            + Identifiers.quote(column.name()) + ") FROM " + plan.name().qualified() + ")");
                }
            }
        }
        if (maxima.isEmpty()) {
            return;
        }
        String sql = "SELECT count(*) FROM (" + maxima.entrySet().stream().map(e -> "(" + setval(e.getKey(),
                e.getValue()) + ")").collect(Collectors.joining(" UNION ALL ")) + ") moved";
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setval(String sequence, List<String> maxima) {
        String regclass = "'" + sequence.replace("'", "''") + "'::regclass";
        return "SELECT setval(seq, m) FROM (SELECT " + regclass + " AS seq, GREATEST(" + String.join(", ", maxima)
                + ") AS m) x WHERE m IS NOT NULL AND m > COALESCE(pg_sequence_last_value(seq), m - 1)";
    }

    private static String sequenceOf(Column column) {
        if (column.ownedSequence().isPresent()) {
            var name = column.ownedSequence().get();
            return Identifiers.quote(name.schema(), name.name());
        }
        Matcher matcher = NEXTVAL.matcher(column.defaultExpression().orElse(""));
        return matcher.find() ? matcher.group(1).replace("''", "'") : null;
    }
}
