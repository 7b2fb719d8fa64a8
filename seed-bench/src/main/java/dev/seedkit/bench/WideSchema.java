package dev.seedkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * DDL for a wide generated schema, for benchmarks and scale tests of the schema reader, the load plan and the
 * importer: {@code tables} tables {@code t0000...} in one schema and {@code foreignKeys} foreign keys between them
 * ({@link #standard(String)}: 500 and 1,000). Most point from a table to an earlier one (NOT NULL, some
 * deferrable); a few pairs of tables reference each other (one side nullable) and a few tables reference
 * themselves, so that the graph has cycles, all of them loadable. The same arguments always give the same DDL.
 */
public final class WideSchema {

    /** Tables of {@link #standard(String)}. */
    public static final int TABLES = 500;

    /** Foreign keys of {@link #standard(String)}. */
    public static final int FOREIGN_KEYS = 1000;

    private final String schema;
    private final int tables;
    private final int foreignKeys;

    /** {@code tables} tables with {@code foreignKeys} foreign keys between them, in schema {@code schema}. */
    public WideSchema(String schema, int tables, int foreignKeys) {
        this.schema = schema;
        this.tables = tables;
        this.foreignKeys = foreignKeys;
    }

    /** 500 tables and 1,000 foreign keys in {@code schema}. */
    public static WideSchema standard(String schema) {
        return new WideSchema(schema, TABLES, FOREIGN_KEYS);
    }

    /** The statements that create the schema, its tables and foreign keys. */
    public String ddl() {
        Random random = new Random(42);
        List<List<String>> columns = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            columns.add(new ArrayList<>(List.of("id int primary key", "name text")));
        }
        StringBuilder constraints = new StringBuilder();
        int k = 0;
        while (k < foreignKeys) {
            int child = 1 + random.nextInt(tables - 1);
            int kind = random.nextInt(100);
            if (kind < 3 && child < tables - 5 && k + 1 < foreignKeys) {
                int parent = child + 1 + random.nextInt(5);
                addForeignKey(k++, child, parent, " int", columns, constraints);
                addForeignKey(k++, parent, child, " int not null", columns, constraints);
            } else if (kind < 5) {
                addForeignKey(k++, child, child, " int", columns, constraints);
            } else {
                String how = kind >= 90 ? " int not null deferrable" : " int not null";
                addForeignKey(k++, child, random.nextInt(child), how, columns, constraints);
            }
        }
        StringBuilder ddl = new StringBuilder("create schema ").append(schema).append(";\n");
        for (int t = 0; t < tables; t++) {
            ddl.append("create table ").append(table(t)).append(" (").append(String.join(", ", columns.get(t)))
                    .append(");\n");
        }
        return ddl.append(constraints).toString();
    }

    /**
     * A foreign key {@code fk<k>} through a new column {@code ref<k>}; {@code how}: type, NOT NULL, deferrable.
     * Declared with the column when the parent is created first (much faster than ALTER TABLE), later otherwise.
     */
    private void addForeignKey(int k, int child, int parent, String how, List<List<String>> columns,
            StringBuilder constraints) {
        String column = "ref" + k + how.replace(" deferrable", "");
        String deferrable = how.endsWith(" deferrable") ? " deferrable" : "";
        if (parent <= child) {
            columns.get(child).add(column + " constraint fk" + k + " references " + table(parent) + deferrable);
        } else {
            columns.get(child).add(column);
            constraints.append("alter table ").append(table(child)).append(" add constraint fk").append(k)
                    .append(" foreign key (ref").append(k).append(") references ").append(table(parent))
                    .append(deferrable).append(";\n");
        }
    }

    private String table(int index) {
        return schema + ".t" + String.format(Locale.ROOT, "%04d", index);
    }
}
