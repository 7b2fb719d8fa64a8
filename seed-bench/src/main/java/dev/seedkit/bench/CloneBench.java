package dev.seedkit.bench;

import dev.seedkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;

/**
 * Section 3, a fresh database per test class: {@code CREATE DATABASE ... TEMPLATE} of a seeded template (default
 * strategy, and {@code STRATEGY FILE_COPY}), connecting to the copy, and {@code DROP DATABASE} (right after closing
 * the connection, and once its backend has exited: PostgreSQL waits in 100 ms steps for backends still there), at
 * two template sizes; and the per-method alternative: begin, insert one row, roll back, on a warm connection.
 */
final class CloneBench {

    static final String CREATE = "CREATE DATABASE .. TEMPLATE";
    static final String FILE_COPY = "CREATE DATABASE .. TEMPLATE .. STRATEGY FILE_COPY";
    static final String CONNECT = "connect to the copy (+ SELECT 1)";
    static final String DROP = "DROP DATABASE .. WITH (FORCE), right after closing";
    static final String DROP_AFTER_EXIT = "DROP DATABASE .. WITH (FORCE), after the backend exited";
    static final String PER_CLASS = "per class: create + connect + drop";
    static final String ROLLBACK = "per method: begin; insert one row; rollback";

    private static final int ROLLBACK_SAMPLES = 200;

    private final BenchContext context;

    CloneBench(BenchContext context) {
        this.context = context;
    }

    void run(ResultTable table) throws Exception {
        LargeDataset small = LargeDataset.ofTotal(BenchOptions.SMALL_TEMPLATE_ROWS);
        LargeDataset large = LargeDataset.ofTotal(context.options().largeTemplateRows());
        table.section(String.format(Locale.ROOT, "3. Fresh database per test class: copy a seeded template of the "
                + "large import's schema; small: %,d rows, large: %,d rows", small.totalRows(), large.totalRows()));
        String smallTemplate = measureSize(table, "small", small);
        measureSize(table, "large", large);
        measureRollback(table, smallTemplate);
    }

    /** Measures clones of a template of {@code data}; returns the template's name. */
    private String measureSize(ResultTable table, String size, LargeDataset data) throws Exception {
        context.progress("3. clone a template of %,d rows", data.totalRows());
        String template = seedTemplate(size, data);
        Timings create = new Timings();
        Timings connect = new Timings();
        Timings drop = new Timings();
        Timings perClass = new Timings();
        Timings fileCopy = new Timings();
        Timings dropAfterExit = new Timings();
        cloneOnce(template, "", new Timings(), new Timings(), new Timings(), false);
        for (int run = 0; run < context.options().runs(); run++) {
            long started = System.nanoTime();
            cloneOnce(template, "", create, connect, drop, false);
            perClass.add(System.nanoTime() - started);
            cloneOnce(template, " STRATEGY FILE_COPY", fileCopy, new Timings(), dropAfterExit, true);
        }
        String prefix = size + " template: ";
        table.row(prefix + CREATE, create, null, "default strategy (WAL_LOG)");
        table.row(prefix + FILE_COPY, fileCopy, create, "ratio: vs default strategy");
        table.row(prefix + CONNECT, connect, null, "");
        table.row(prefix + DROP, drop, null, "");
        table.row(prefix + DROP_AFTER_EXIT, dropAfterExit, drop, "waits (untimed) until pg_stat_activity shows no "
                + "backend left");
        table.row(prefix + PER_CLASS, perClass, null, "the three rows above, drop right after closing");
        return template;
    }

    /** A database with the large import's schema filled with {@code data}; checks that a copy has every row. */
    private String seedTemplate(String size, LargeDataset data) throws Exception {
        Databases databases = context.databases();
        String template = databases.createWithSchema("template_" + size, LargeDataset.DDL);
        databases.run(template, data.fillSql());
        String check = databases.copyOf("clone_check", template);
        context.verifyRows(size + " template copy", check, LargeDataset.TABLES, data.totalRows());
        databases.drop(check);
        return template;
    }

    /** Clones, connects, closes, drops; with {@code awaitExit}, waits until the backend is gone before dropping. */
    private void cloneOnce(String template, String strategy, Timings create, Timings connect, Timings drop,
                           boolean awaitExit) throws Exception {
        Databases databases = context.databases();
        String name = databases.newName("clone");
        create.time(() -> {
            databases.admin("CREATE DATABASE " + name + " TEMPLATE " + template + strategy);
            return null;
        });
        PostgresServer server = context.server();
        Connection c = connect.time(() -> {
            Connection opened = server.connect(name);
            Databases.queryValue(opened, "SELECT 1");
            return opened;
        });
        c.close();
        if (awaitExit) {
            awaitNoBackends(name);
        }
        drop.time(() -> {
            databases.admin("DROP DATABASE " + name + " WITH (FORCE)");
            return null;
        });
    }

    /** Polls until no backend is connected to {@code database} (a closed JDBC connection's backend exits later). */
    private void awaitNoBackends(String database) throws Exception {
        try (Connection c = context.server().connect(context.server().defaultDatabase())) {
            while (!"0".equals(Databases.queryValue(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                    + database + "'"))) {
                Thread.sleep(1);
            }
        }
    }

    private void measureRollback(ResultTable table, String template) throws Exception {
        context.progress("3. per-method rollback");
        String name = context.databases().copyOf("rollback", template);
        Timings timings = new Timings();
        String insert = "INSERT INTO accounts (external_id, name, created_at, balance, settings) "
                + "VALUES (gen_random_uuid(), 'test row', now(), 0, '{}')";
        try (Connection c = context.server().connect(name); PreparedStatement s = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            for (int i = 0; i < ROLLBACK_SAMPLES / 4; i++) {
                insertAndRollBack(c, s, new Timings());
            }
            for (int i = 0; i < ROLLBACK_SAMPLES; i++) {
                insertAndRollBack(c, s, timings);
            }
        }
        context.databases().drop(name);
        table.row(ROLLBACK, timings, null, String.format(Locale.ROOT, "%d samples after %d warm-ups; "
                + "small template", ROLLBACK_SAMPLES, ROLLBACK_SAMPLES / 4));
    }

    private static void insertAndRollBack(Connection c, PreparedStatement insert, Timings timings) throws Exception {
        timings.time(() -> {
            insert.executeUpdate();
            c.rollback();
            return null;
        });
    }
}
