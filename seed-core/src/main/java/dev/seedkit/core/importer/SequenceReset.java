package dev.seedkit.core.importer;

import dev.seedkit.core.schema.Column;
import dev.seedkit.core.schema.Identifiers;
import dev.seedkit.core.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves every sequence that feeds a loaded column (serial, identity, or a sequence shared through a
 * {@code nextval(...)} default) past the largest value present, so that code under test can insert new rows without
 * key collisions. Sequences only ever move forward.
 */
final class SequenceReset {

    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

    private SequenceReset() {
    }

    /** Returns how many sequences were moved. */
    static int resetAfterLoad(Connection connection, List<Table> loaded) throws SQLException {
        Map<String, List<String>> maxima = new LinkedHashMap<>();
        for (Table table : loaded) {
            for (Column column : table.columns()) {
                sequenceOf(column).ifPresent(sequence -> maxima.computeIfAbsent(sequence, s -> new ArrayList<>())
                        .add("(SELECT max(" + Identifiers.quote(column.name()) + ") FROM " + table.name().qualified()
                                + ")"));
            }
        }
        if (maxima.isEmpty()) {
            return 0;
        }
        String all = maxima.entrySet().stream().map(e -> "(" + setval(e.getKey(), e.getValue()) + ")")
                .collect(Collectors.joining(" UNION ALL "));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ("
                + all + ") moved")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String setval(String sequence, List<String> maxima) {
        String regclass = "'" + sequence.replace("'", "''") + "'::regclass";
        return "SELECT setval(seq, m) FROM (SELECT " + regclass + " AS seq, GREATEST("
                + maxima.stream().collect(Collectors.joining(", ")) + ") AS m) x"
                + " WHERE m IS NOT NULL AND m > COALESCE(pg_sequence_last_value(seq), m - 1)";
    }

    private static java.util.Optional<String> sequenceOf(Column column) {
        if (column.ownedSequence().isPresent()) {
            var name = column.ownedSequence().get();
            return java.util.Optional.of(Identifiers.quote(name.schema(), name.name()));
        }
        Matcher matcher = NEXTVAL.matcher(column.defaultExpression().orElse(""));
        return matcher.find() ? java.util.Optional.of(matcher.group(1).replace("''", "'"))
                : java.util.Optional.empty();
    }
}
