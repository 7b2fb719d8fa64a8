package dev.seedkit.examples;

import dev.seedkit.core.generator.DataGenerator;
import dev.seedkit.core.generator.GenerationReport;
import dev.seedkit.core.generator.GeneratorConfig;
import dev.seedkit.core.schema.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the example application's database: applies the schema migrations in {@code db/migration} and fills
 * every table with synthetic, deterministic data. Seedkit's examples export their snapshot from it, and its tests
 * use it as the "production" database that a subset is taken from.
 *
 * <p>The data is generated inside PostgreSQL by set-based {@code INSERT ... SELECT ... FROM generate_series}
 * statements ({@code db/demo-data/*.sql}); every pseudo-random choice is a hash of the seed, a stream name and a
 * row number, so the same scale and seed always give the same rows. The scale is the number of users; the other
 * tables grow with it. At the {@linkplain #DEFAULT_SCALE default scale} of 30,000 users and the default seed
 * there are 1,029,535 rows (a ~ marks counts that depend on the seed):
 *
 * <pre>
 * platform_events     600,000    user_roles         ~40,457    projects               1,500
 * audit.login_events   90,360    breach_activities   15,000    courses                1,200
 * trading_accounts     60,000    project_tasks       15,000    challenge_settings       624
 * account_stats       ~53,969    audit.record_changes 15,000   instructors              600
 * elements            ~46,655    payout_requests      7,500    discount_codes           600
 * purchases            45,000    project_members     ~5,936    role_permissions         ~94
 * users                30,000    permissions             24    roles, platform_groups   8 each
 * </pre>
 *
 * <p>Building it takes about 18 seconds on two cores (embedded PostgreSQL 18 or PostgreSQL 15), a few hundred
 * milliseconds at the scales tests use.
 *
 * <p>{@link Source#GENERATOR} fills the same tables with Seedkit's own generator instead, from the config
 * {@value #GENERATOR_CONFIG}: the same shapes and about the same row counts (1,034,943 rows at the default scale,
 * 18 to 32 seconds on two cores), every table but the lookup tables scaled by {@code users / 30,000}. The scripts
 * stay the default because the committed examples snapshot and the tests that read it were exported from their
 * data; choose the generator with {@link #withSource} or {@code -Ddemo.source=generator}.
 *
 * <pre>{@code
 * try (Connection connection = server.connect("demo")) {
 *     DemoDatabase.ofScale(1_000).withSeed(42).build(connection);
 *     Map<String, Long> rows = DemoDatabase.rowCounts(connection);   // {"public.users"=1000, ...}
 * }
 * }</pre>
 *
 * <p>Run {@link #main(String[])} to build it on an embedded server and print row counts and timings.
 */
public final class DemoDatabase {

    /** Number of users, and so the size of everything else, unless told otherwise: about a million rows. */
    public static final int DEFAULT_SCALE = 30_000;
    /** Seed unless told otherwise. */
    public static final long DEFAULT_SEED = 1;
    /** Smallest scale that still puts rows in every table (the tests use 300 to see every data shape). */
    public static final int MINIMUM_SCALE = 10;
    /** The generator config of {@link Source#GENERATOR}, a class path resource. */
    public static final String GENERATOR_CONFIG = "db/generator/demo.yaml";
    /** Smallest scale {@link Source#GENERATOR} fills every table at: one user in fifty is an instructor. */
    public static final int MINIMUM_GENERATOR_SCALE = 50;
    /** Schemas of the demo tables, in the order their tables are listed. */
    public static final List<String> SCHEMAS = List.of("public", "audit");

    private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);
    private static final List<String> MIGRATIONS = List.of(
            "db/migration/V1__accounts.sql",
            "db/migration/V2__trading.sql",
            "db/migration/V3__content.sql",
            "db/migration/V4__audit.sql");
    private static final List<String> DATA_STEPS = List.of(
            "db/demo-data/1-prepare.sql",
            "db/demo-data/2-accounts.sql",
            "db/demo-data/3-trading.sql",
            "db/demo-data/4-content.sql",
            "db/demo-data/5-finish.sql");

    /** What fills the tables. */
    public enum Source {
        /** The set-based SQL scripts in {@code db/demo-data} (the default). */
        SCRIPTS,
        /** Seedkit's generator, from {@value DemoDatabase#GENERATOR_CONFIG}. */
        GENERATOR;

        /** The system property that chooses the source of {@link #withDefaults()} and {@link #ofScale(int)}. */
        public static final String PROPERTY = "demo.source";

        /** The source the system property {@value #PROPERTY} names ({@code scripts} or {@code generator}). */
        static Source configured() {
            String value = System.getProperty(PROPERTY, "scripts").trim().toUpperCase(Locale.ROOT);
            try {
                return valueOf(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                        + " is not a demo data source; use scripts or generator", e);
            }
        }
    }

    private final int scale;
    private final long seed;
    private final Source source;

    private DemoDatabase(int scale, long seed, Source source) {
        int minimum = source == Source.GENERATOR ? MINIMUM_GENERATOR_SCALE : MINIMUM_SCALE;
        if (scale < minimum) {
            throw new IllegalArgumentException("Scale " + scale + " is too small: the demo database needs at least "
                    + minimum + " users to fill every table" + (source == Source.GENERATOR ? " with the generator"
                    : ""));
        }
        this.scale = scale;
        this.seed = seed;
        this.source = source;
    }

    /**
     * The demo database at {@link #DEFAULT_SCALE} with {@link #DEFAULT_SEED}, filled by the scripts unless
     * {@code -Ddemo.source=generator}.
     */
    public static DemoDatabase withDefaults() {
        return new DemoDatabase(DEFAULT_SCALE, DEFAULT_SEED, Source.configured());
    }

    /**
     * The demo database with {@code users} users (at least {@link #MINIMUM_SCALE}) and the default seed, filled by
     * the scripts unless {@code -Ddemo.source=generator}.
     */
    public static DemoDatabase ofScale(int users) {
        return new DemoDatabase(users, DEFAULT_SEED, Source.configured());
    }

    /** The same scale with another seed: other data of the same shape and size. */
    public DemoDatabase withSeed(long newSeed) {
        return new DemoDatabase(scale, newSeed, source);
    }

    /** The same scale and seed, filled by {@code newSource}. */
    public DemoDatabase withSource(Source newSource) {
        return new DemoDatabase(scale, seed, newSource);
    }

    /** What fills the tables. */
    public Source source() {
        return source;
    }

    /** Number of users; the other tables are proportional to it. */
    public int scale() {
        return scale;
    }

    /** What every pseudo-random choice is derived from; the same seed and scale give the same rows. */
    public long seed() {
        return seed;
    }

    /** Classpath resources of the schema migrations, in the order they are applied. */
    public static List<String> migrations() {
        return MIGRATIONS;
    }

    /**
     * Applies the migrations and fills the tables ({@link #migrate} then {@link #fill}) in an empty database.
     * The connection is left in auto-commit mode.
     */
    public void build(Connection connection) throws SQLException {
        migrate(connection);
        fill(connection);
    }

    /** {@link #build(Connection)} on a new connection to {@code jdbcUrl}. */
    public void build(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            build(connection);
        }
    }

    /** Creates the demo schema, without data, in one transaction. The connection is left in auto-commit mode. */
    public static void migrate(Connection connection) throws SQLException {
        long started = System.nanoTime();
        inTransaction(connection, () -> {
            for (String migration : MIGRATIONS) {
                SqlScript.load(migration, Map.of()).run(connection);
            }
        });
        log.debug("Applied {} demo migrations in {} ms", MIGRATIONS.size(), millisSince(started));
    }

    /**
     * Fills the tables of a freshly {@linkplain #migrate migrated} database in one transaction, moves sequences and
     * identities past the inserted ids, then runs {@code VACUUM (ANALYZE)} so the planner knows the new sizes.
     * Like pg_restore, it sets foreign keys and secondary indexes aside while loading and recreates them before
     * commit, which checks every reference. The connection is left in auto-commit mode.
     */
    public void fill(Connection connection) throws SQLException {
        if (source == Source.GENERATOR) {
            generate(connection);
            return;
        }
        long started = System.nanoTime();
        Map<String, String> values = Map.of("scale", Integer.toString(scale), "seed", Long.toString(seed));
        inTransaction(connection, () -> {
            for (String step : DATA_STEPS) {
                long stepStarted = System.nanoTime();
                SqlScript.load(step, values).run(connection);
                log.debug("{} took {} ms", step, millisSince(stepStarted));
            }
        });
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        }
        log.info("Filled the demo database at scale {} (seed {}) in {} ms", scale, seed, millisSince(started));
    }

    /**
     * Fills the tables of a freshly {@linkplain #migrate migrated} database with the generator, from
     * {@value #GENERATOR_CONFIG} scaled by {@code scale / DEFAULT_SCALE}, in one transaction checked for orphans,
     * then runs {@code VACUUM (ANALYZE)}. Returns the generator's report ({@link #fill} does the same for
     * {@link Source#GENERATOR}). The connection is left in auto-commit mode.
     */
    public GenerationReport generate(Connection connection) throws SQLException {
        GeneratorConfig config = GeneratorConfig.fromResource(GENERATOR_CONFIG, DemoDatabase.class.getClassLoader());
        GenerationReport report = DataGenerator.builder(config).seed(seed).scale(scale / (double) DEFAULT_SCALE)
                .build().generate(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE)");
        }
        log.info("Generated the demo database at scale {} (seed {}): {} rows in {} ms", scale, seed, report.rows(),
                report.elapsed().toMillis());
        return report;
    }

    /**
     * Exact row count of every table in {@link #SCHEMAS}, keyed {@code schema.table}, ordered by schema then name.
     */
    public static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables(connection)) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quoteQualified(table))) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Builds the demo database on a new server and prints row counts and timings; see {@link DemoDatabaseCommand}. */
    public static void main(String[] args) {
        System.exit(new DemoDatabaseCommand(System.out, System.err).run(args));
    }

    @Override
    public String toString() {
        return "DemoDatabase[scale=" + scale + ", seed=" + seed + (source == Source.GENERATOR ? ", generator" : "")
                + "]";
    }

    private static List<String> tables(Connection connection) throws SQLException {
        String sql = "SELECT n.nspname || '.' || c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)"
                + " ORDER BY array_position(?, n.nspname::text), c.relname COLLATE \"C\"";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array schemas = connection.createArrayOf("text", SCHEMAS.toArray());
            statement.setArray(1, schemas);
            statement.setArray(2, schemas);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static String quoteQualified(String table) {
        int dot = table.indexOf('.');
        return TableName.of(table.substring(0, dot), table.substring(dot + 1)).qualified();
    }

    private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** A piece of JDBC work run inside {@link #inTransaction}. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
