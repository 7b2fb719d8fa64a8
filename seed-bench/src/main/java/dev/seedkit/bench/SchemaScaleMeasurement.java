package dev.seedkit.bench;

import dev.seedkit.core.schema.LoadPlan;
import dev.seedkit.core.schema.Schema;
import dev.seedkit.core.schema.SchemaReader;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Measures reading and planning a {@link WideSchema} of 500 tables and 1,000 foreign keys (not a test: timings
 * depend on the machine). Uses the server {@link PostgresServers#fromEnvironment()} gives (embedded unless
 * {@code SEEDKIT_JDBC_URL} is set) and a throwaway database.
 *
 * <pre>{@code
 * mvn -o -q -pl seed-bench -am compile exec:java -Dexec.mainClass=dev.seedkit.bench.SchemaScaleMeasurement
 * }</pre>
 */
public final class SchemaScaleMeasurement {

    private static final int ROUNDS = 10;

    private SchemaScaleMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        String database = "seedkit_scale_" + System.nanoTime();
        try (PostgresServer server = PostgresServers.fromEnvironment()) {
            execute(server, server.defaultDatabase(), "create database " + database);
            try {
                measure(server, database);
            } finally {
                execute(server, server.defaultDatabase(), "drop database " + database + " with (force)");
            }
        }
    }

    private static void measure(PostgresServer server, String database) throws Exception {
        long start = System.nanoTime();
        execute(server, database, WideSchema.standard("scale").ddl());
        System.out.printf("server: %s%ncreate %d tables + %d foreign keys: %d ms%n", server.description(),
                WideSchema.TABLES, WideSchema.FOREIGN_KEYS, millis(start));
        try (Connection connection = server.connect(database)) {
            for (int round = 1; round <= ROUNDS; round++) {
                long readStart = System.nanoTime();
                Schema schema = SchemaReader.read(connection);
                long planStart = System.nanoTime();
                LoadPlan plan = LoadPlan.of(schema);
                long fingerprintStart = System.nanoTime();
                String fingerprint = schema.fingerprint();
                long printStart = System.nanoTime();
                int printed = plan.toText().length() + plan.toMermaid().length() + plan.toDot().length();
                long end = System.nanoTime();
                System.out.printf("round %2d: catalog read %6.1f ms | plan %6.1f ms | fingerprint %5.1f ms |"
                        + " text+mermaid+dot %5.1f ms | %d tables, %d fks, %d cycles, %d phases, %s, %d chars%n",
                        round, ms(planStart - readStart), ms(fingerprintStart - planStart),
                        ms(printStart - fingerprintStart), ms(end - printStart), schema.tables().size(),
                        schema.foreignKeys().size(), plan.cycles().size(), plan.phases().size(),
                        fingerprint.substring(0, 12), printed);
            }
        }
    }

    private static void execute(PostgresServer server, String database, String sql) throws Exception {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
