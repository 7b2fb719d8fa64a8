package dev.seedkit.core.exporter;

import dev.seedkit.core.schema.ForeignKey;
import dev.seedkit.core.internal.Identifiers;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.core.schema.VirtualForeignKey;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotManifest;
import dev.seedkit.core.internal.SnapshotSession;
import dev.seedkit.core.internal.SnapshotSql;
import dev.seedkit.core.internal.TableFileReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * The independent check of an export: load the snapshot's files with plain {@code COPY ... FROM} into empty tables
 * of the same shape (foreign-key triggers off, keys and unique constraints on), then count, with one anti-join
 * per foreign key, the rows whose reference does not resolve. Shares no code with the exporter.
 */
final class OrphanCheck {

    private OrphanCheck() {
    }

    /**
     * Empties the tables of {@code schemas} and loads {@code snapshot} into them, each table into the schema
     * {@code schemaOf} maps its schema to.
     */
    static void load(Connection c, Snapshot snapshot, List<String> schemas, UnaryOperator<String> schemaOf)
            throws Exception {
        c.setAutoCommit(false);
        try {
            SnapshotSession.applyLocal(c);
            execute(c, "set local session_replication_role = replica");
            Schema target = SchemaReader.read(c, schemas);
            execute(c, "truncate " + target.tables().stream().map(t -> t.name().qualified())
                    .collect(Collectors.joining(", ")));
            for (SnapshotManifest.Table table : snapshot.manifest().tables()) {
                try (TableFileReader reader = TableFileReader.open(snapshot, table)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(SnapshotSql.copyIn(schemaOf.apply(
                            table.schema()), table.name(), table.columnNames()), reader.dataStream());
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** One line per foreign key of {@code schemas}, declared or {@code virtual}, that has orphans. */
    static List<String> orphans(Connection c, List<String> schemas, List<VirtualForeignKey> virtual)
            throws Exception {
        Schema schema = SchemaReader.read(c, schemas).withVirtualForeignKeys(virtual);
        List<String> found = new ArrayList<>();
        for (ForeignKey fk : schema.foreignKeys()) {
            long count = count(c, orphanQuery(fk));
            if (count > 0) {
                found.add(count + " orphans through " + fk);
            }
        }
        return found;
    }

    private static String orphanQuery(ForeignKey fk) {
        String present = fk.childColumns().stream().map(col -> "c." + Identifiers.quote(col) + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String match = IntStream.range(0, fk.childColumns().size())
                .mapToObj(i -> "p." + Identifiers.quote(fk.parentColumns().get(i)) + " = c."
                        + Identifiers.quote(fk.childColumns().get(i)))
                .collect(Collectors.joining(" AND "));
        return "select count(*) from " + fk.child().qualified() + " c where " + present + " and not exists (select"
                + " 1 from " + fk.parent().qualified() + " p where " + match + ")";
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
