package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Measures what isolation costs per test: cloning a template and dropping the clone (per class or per method), and
 * the transaction of {@link Isolation#ROLLBACK_PER_METHOD}. A measurement, not a test: run its {@code main} with
 * the test classpath. It uses {@link PostgresServers#fromEnvironment()} (embedded unless configured) and a template
 * built from {@code sql/orders-schema.sql} plus extra orders (as many as the first argument says, default 10000).
 */
public final class CloneTimings {

    private static final int WARM_UP = 5;
    private static final int CLONES = 40;
    private static final int TRANSACTIONS = 2000;

    private CloneTimings() {
    }

    public static void main(String[] args) throws Exception {
        ExtraOrders.rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (PostgresServer server = PostgresServers.fromEnvironment();
             TemplateDatabase template = new TemplateDatabase(server, recipe(), false)) {
            System.out.println("Server: " + server.description() + "; template with " + ExtraOrders.rows
                    + " extra orders");
            measureClones(template);
            measureConnections(server);
            measureRawClones(server, template.name());
            measureTransactions(template);
        }
    }

    private static TemplateRecipe recipe() {
        SeedRequest request = new SeedRequest("classpath:fixtures/demo", List.of(), ImportMode.INSERT_MISSING, "", "",
                "CloneTimings");
        SeedSettings settings = new SeedSettings(request, List.of("classpath:sql/orders-schema.sql"),
                ExtraOrders.class, Isolation.CLONE_PER_CLASS, ServerSpec.embedded(), false);
        return TemplateRecipe.prepare(settings, new SnapshotSeeder());
    }

    /** Adds {@link #rows} orders to the template, so that clones copy more than an empty schema. */
    static final class ExtraOrders implements SchemaInitializer {
        static int rows;

        @Override
        public void initialize(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                EngineRuns.update(connection, "insert into orders select 1000 + i, 1 + i % 2, 'order ' || i "
                        + "from generate_series(1, " + rows + ") i");
            }
        }
    }

    /** Opening a connection to the maintenance database, which each clone and each drop does once. */
    private static void measureConnections(PostgresServer server) throws SQLException {
        long[] open = new long[CLONES];
        for (int i = -WARM_UP; i < CLONES; i++) {
            long started = System.nanoTime();
            try (Connection connection = DatabaseAdmin.maintenance(server)) {
                connection.isValid(1);
            }
            if (i >= 0) {
                open[i] = System.nanoTime() - started;
            }
        }
        report("open + close a maintenance connection", open);
    }

    /** The extension's path: lock, check the template, CREATE DATABASE ... TEMPLATE; later DROP ... WITH (FORCE). */
    private static void measureClones(TemplateDatabase template) throws SQLException {
        ClonedDatabase.of(template).close(); // builds the template
        long[] create = new long[CLONES];
        long[] drop = new long[CLONES];
        for (int i = -WARM_UP; i < CLONES; i++) {
            long started = System.nanoTime();
            ClonedDatabase clone = ClonedDatabase.of(template);
            long created = System.nanoTime();
            try (Connection connection = clone.connect()) {
                connection.isValid(1);
            }
            long used = System.nanoTime();
            clone.close();
            long dropped = System.nanoTime();
            if (i >= 0) {
                create[i] = created - started;
                drop[i] = dropped - used;
            }
        }
        report("clone (lock + check + CREATE DATABASE TEMPLATE)", create);
        report("drop clone (pool close + DROP DATABASE WITH (FORCE))", drop);
    }

    /** Plain SQL, for comparison: both strategies of CREATE DATABASE (PostgreSQL 15 and later). */
    private static void measureRawClones(PostgresServer server, String template) throws SQLException {
        for (String strategy : new String[] {"WAL_LOG", "FILE_COPY"}) {
            long[] create = new long[CLONES];
            try (Connection maintenance = server.connect(server.defaultDatabase());
                 Statement statement = maintenance.createStatement()) {
                for (int i = -WARM_UP; i < CLONES; i++) {
                    long started = System.nanoTime();
                    statement.execute("CREATE DATABASE seedkit_timings TEMPLATE \"" + template + "\" STRATEGY "
                            + strategy);
                    long created = System.nanoTime();
                    statement.execute("DROP DATABASE seedkit_timings");
                    if (i >= 0) {
                        create[i] = created - started;
                    }
                }
            }
            report("raw CREATE DATABASE ... STRATEGY " + strategy, create);
        }
    }

    /** ROLLBACK_PER_METHOD's per-test cost against taking a pooled connection in auto-commit mode. */
    private static void measureTransactions(TemplateDatabase template) throws SQLException {
        try (ClonedDatabase clone = ClonedDatabase.of(template)) {
            long[] plain = new long[TRANSACTIONS];
            long[] rolledBack = new long[TRANSACTIONS];
            for (int i = -TRANSACTIONS; i < TRANSACTIONS; i++) {
                long started = System.nanoTime();
                try (Connection connection = clone.connect()) {
                    insert(connection, i);
                    EngineRuns.update(connection, "delete from orders where id = " + (-1_000_000 + i));
                }
                long between = System.nanoTime();
                try (RollbackTransaction transaction = RollbackTransaction.begin(clone)) {
                    insert(transaction.connection(), i);
                }
                long ended = System.nanoTime();
                if (i >= 0) {
                    plain[i] = between - started;
                    rolledBack[i] = ended - between;
                }
            }
            report("auto-commit: pooled connection + insert + delete", plain);
            report("rollback per method: pooled connection + begin + insert + rollback", rolledBack);
        }
    }

    private static void insert(Connection connection, int i) throws SQLException {
        EngineRuns.update(connection, "insert into orders values (" + (-1_000_000 + i) + ", 1, 'probe')");
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%-70s n=%4d  min %7.2f  median %7.2f  p90 %7.2f  mean %7.2f ms%n", what,
                sorted.length, sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                mean);
    }
}
