package dev.seedkit.core.importer;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One set-based anti-join per foreign key: the child rows whose reference does not resolve. This is how an import
 * that ran with foreign-key triggers off proves the same integrity the triggers would have, and how
 * {@link SnapshotVerifier} checks a loaded database (virtual foreign keys included).
 */
final class OrphanCheck {

    private OrphanCheck() {
    }

    /**
     * For each foreign key with orphans, a line naming it, how many child rows are orphaned, and the first one;
     * empty when every reference resolves. All keys are checked in one query (one round trip), each by its own
     * anti-join.
     */
    static List<String> findAll(Connection connection, List<ForeignKey> foreignKeys) throws SQLException {
        if (foreignKeys.isEmpty()) {
            return List.of();
        }
        String sql = IntStream.range(0, foreignKeys.size()).mapToObj(i -> orphanQuery(i, foreignKeys.get(i)))
                .collect(Collectors.joining(" UNION ALL "));
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql + " ORDER BY 1")) {
            while (rs.next()) {
                ForeignKey fk = foreignKeys.get(rs.getInt(1));
                String[] values = (String[]) rs.getArray(2).getArray();
                List<String> sample = new ArrayList<>();
                for (int i = 0; i < fk.childColumns().size(); i++) {
                    sample.add(fk.childColumns().get(i) + "=" + values[i]);
                }
                problems.add(rs.getLong(3) + " row(s) of " + fk.child() + " reference no row of " + fk.parent()
                        + " through " + describe(fk) + ", e.g. (" + String.join(", ", sample) + ")");
            }
        }
        return problems;
    }

    /** Foreign key number {@code index}: its first orphan's values as text and the number of orphans. */
    private static String orphanQuery(int index, ForeignKey fk) {
        String values = fk.childColumns().stream().map(c -> "c." + Identifiers.quote(c) + "::text")
                .collect(Collectors.joining(", "));
        return "(SELECT " + index + ", ARRAY[" + values + "]::text[], count(*) OVER () FROM " + fk.child().qualified()
                + " c WHERE " + orphanCondition(fk) + " LIMIT 1)";
    }

    private static String orphanCondition(ForeignKey fk) {
        List<String> child = fk.childColumns().stream().map(c -> "c." + Identifiers.quote(c)).toList();
        String allPresent = child.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String match = IntStream.range(0, child.size())
                .mapToObj(i -> "p." + Identifiers.quote(fk.parentColumns().get(i)) + " = " + child.get(i))
                .collect(Collectors.joining(" AND "));
        String missing = "(" + allPresent + " AND NOT EXISTS (SELECT 1 FROM " + fk.parent().qualified() + " p WHERE "
                + match + "))";
        if (fk.matchFull() && child.size() > 1) {
            return "(num_nonnulls(" + String.join(", ", child) + ") BETWEEN 1 AND " + (child.size() - 1) + ") OR "
                    + missing;
        }
        return missing;
    }

    private static String describe(ForeignKey fk) {
        return fk.virtual() ? "virtual foreign key " + fk.reference() : "foreign key " + fk.name();
    }
}
