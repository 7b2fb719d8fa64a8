package dev.seedkit.examples;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.PostgresServers;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The command line of {@link DemoDatabase#main}: builds the demo database on the server the environment names
 * (an embedded one unless {@code SEEDKIT_JDBC_URL} is set) and prints the rows per table and how long each phase
 * took, to measure the generator.
 *
 * <pre>
 * DemoDatabase [--scale USERS] [--seed SEED] [--database NAME]
 * </pre>
 *
 * <p>{@code -Ddemo.source=generator} fills it with Seedkit's generator instead of the SQL scripts (see
 * {@link DemoDatabase.Source}). The database (default {@value #DEFAULT_DATABASE}) must not exist yet. An embedded
 * server, and the database with it, is deleted when the command ends; on a server given by URL the database stays.
 *
 * <p>Exit codes: 0 built, 1 the database could not be built, 2 wrong arguments.
 */
final class DemoDatabaseCommand {

    static final String USAGE = "Usage: DemoDatabase [--scale USERS] [--seed SEED] [--database NAME]";
    private static final String DEFAULT_DATABASE = "seedkit_demo";

    private final PrintStream out;
    private final PrintStream err;

    DemoDatabaseCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses {@code args}, builds the database and returns the exit code. */
    int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (PostgresServer server = PostgresServers.fromEnvironment()) {
            build(server, options);
            return 0;
        } catch (SQLException | RuntimeException e) {
            err.println("Could not build the demo database: " + e.getMessage());
            return 1;
        }
    }

    private void build(PostgresServer server, Options options) throws SQLException {
        createDatabase(server, options.database);
        out.printf("Building the demo database (scale %,d, seed %d, %s) in database %s on %s%n",
                options.demo.scale(), options.demo.seed(), options.demo.source() == DemoDatabase.Source.GENERATOR
                        ? "generator" : "scripts", options.database, server.description());
        try (Connection connection = server.connect(options.database)) {
            long started = System.nanoTime();
            DemoDatabase.migrate(connection);
            long migrated = System.nanoTime();
            options.demo.fill(connection);
            long filled = System.nanoTime();
            printRowCounts(DemoDatabase.rowCounts(connection));
            out.printf("Migrations %,d ms, data (with VACUUM ANALYZE) %,d ms, total %,d ms%n",
                    (migrated - started) / 1_000_000, (filled - migrated) / 1_000_000, (filled - started) / 1_000_000);
        }
    }

    private static void createDatabase(PostgresServer server, String database) throws SQLException {
        try (Connection connection = server.connect(server.defaultDatabase());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"")
                    + "\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new SQLException("could not create database " + database + " (pass --database to choose another"
                    + " name): " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private void printRowCounts(Map<String, Long> counts) {
        long total = 0;
        for (Map.Entry<String, Long> table : counts.entrySet()) {
            out.printf("  %-28s %,12d%n", table.getKey(), table.getValue());
            total += table.getValue();
        }
        out.printf("  %-28s %,12d%n", "total (" + counts.size() + " tables)", total);
    }

    /** The parsed command line. */
    private record Options(DemoDatabase demo, String database) {

        static Options parse(String[] args) {
            int scale = DemoDatabase.DEFAULT_SCALE;
            long seed = DemoDatabase.DEFAULT_SEED;
            String database = DEFAULT_DATABASE;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                String value = i + 1 < args.length ? args[++i] : null;
                if (value == null) {
                    throw new IllegalArgumentException("Missing value after " + option);
                }
                switch (option) {
                    case "--scale" -> scale = parseScale(value);
                    case "--seed" -> seed = parseNumber(option, value);
                    case "--database" -> database = value;
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            return new Options(DemoDatabase.ofScale(scale).withSeed(seed), database);
        }

        private static int parseScale(String value) {
            long scale = parseNumber("--scale", value);
            if (scale > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--scale " + value + " is too large");
            }
            return (int) scale;
        }

        private static long parseNumber(String option, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
            }
        }
    }
}
