package dev.seedkit.core.importer;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The first orphan of {@code fk} and how many there are, or empty when every reference resolves. */
    static Optional<String> find(Connection connection, ForeignKey fk) throws SQLException {
        String values = fk.childColumns().stream().map(c -> "c." + Identifiers.quote(c) + "::text")
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + values + ", count(*) OVER () FROM " + fk.child().qualified() + " c WHERE "
                + orphanCondition(fk) + " LIMIT 1";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            List<String> sample = new ArrayList<>();
            for (int i = 1; i <= fk.childColumns().size(); i++) {
                sample.add(fk.childColumns().get(i - 1) + "=" + rs.getString(i));
            }
            long count = rs.getLong(fk.childColumns().size() + 1);
            return Optional.of(count + " row(s) of " + fk.child() + " reference no row of " + fk.parent()
                    + " through " + describe(fk) + ", e.g. (" + String.join(", ", sample) + ")");
        }
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
