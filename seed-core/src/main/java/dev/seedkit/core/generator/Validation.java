package dev.seedkit.core.generator;

import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The checks after generation, on the data as written, inside the same transaction: for every foreign key of a
 * generated table (declared, virtual and to tables outside the schemas read) how many rows reference nothing, and
 * for every table with configured {@code ids} the smallest and largest id written.
 */
final class Validation {

    private Validation() {
    }

    /** Orphans per foreign key whose child table was generated, in the order of {@code Schema.foreignKeys()}. */
    static List<GenerationReport.ForeignKeyCheck> orphans(Connection connection, Schema schema,
            Set<String> generated) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>(schema.foreignKeys());
        keys.addAll(schema.externalForeignKeys());
        keys.removeIf(fk -> !generated.contains(fk.child().toString()));
        List<GenerationReport.ForeignKeyCheck> checks = new ArrayList<>();
        if (keys.isEmpty()) {
            return checks;
        }
        long[] counts = new long[keys.size()];
        String sql = IntStream.range(0, keys.size()).mapToObj(i -> "SELECT " + i + ", count(*) FROM "
                + keys.get(i).child().qualified() + " c WHERE " + orphan(keys.get(i)))
                .collect(Collectors.joining(" UNION ALL "));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts[rs.getInt(1)] = rs.getLong(2);
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            ForeignKey fk = keys.get(i);
            checks.add(new GenerationReport.ForeignKeyCheck(fk.virtual() ? "virtual" : fk.name(), fk.reference(),
                    counts[i]));
        }
        return checks;
    }

    private static String orphan(ForeignKey fk) {
        List<String> child = fk.childColumns().stream().map(c -> "c." + Identifiers.quote(c)).toList();
        String present = child.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String match = IntStream.range(0, child.size()).mapToObj(i -> "p." + Identifiers.quote(
                fk.parentColumns().get(i)) + " = " + child.get(i)).collect(Collectors.joining(" AND "));
        String missing = "(" + present + " AND NOT EXISTS (SELECT 1 FROM " + fk.parent().qualified() + " p WHERE "
                + match + "))";
        if (fk.matchFull() && child.size() > 1) {
            return "(num_nonnulls(" + String.join(", ", child) + ") BETWEEN 1 AND " + (child.size() - 1) + ") OR "
                    + missing;
        }
        return missing;
    }

    /** The ids written into each table with configured {@code ids}. */
    static List<GenerationReport.IdRangeCheck> idRanges(Connection connection, Collection<TablePlan> plans)
            throws SQLException {
        List<GenerationReport.IdRangeCheck> checks = new ArrayList<>();
        for (TablePlan plan : plans) {
            if (plan.ids() == null) {
                continue;
            }
            String column = plan.column(plan.idColumn()).name();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT min("
                    + Identifiers.quote(column) + "), max(" + Identifiers.quote(column) + ") FROM "
                    + plan.name().qualified())) {
                rs.next();
                long min = rs.getLong(1);
                boolean empty = rs.wasNull();
                long max = rs.getLong(2);
                IdRange range = plan.ids();
                boolean inside = empty || (min >= range.first() && (range.last() == null || max <= range.last()));
                checks.add(new GenerationReport.IdRangeCheck(plan.name().toString(), column, range.toString(),
                        empty ? null : min, empty ? null : max, inside));
            }
        }
        return checks;
    }
}
