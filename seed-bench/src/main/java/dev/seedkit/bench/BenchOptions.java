package dev.seedkit.bench;

import java.util.List;

/**
 * What one benchmark run measures and how often, from the command line.
 *
 * @param quick        fewer runs and smaller sizes, for a CI smoke run
 * @param rows         rows of the big table of the large import (the snapshot holds 1.11 times as many)
 * @param runs         runs of each small measurement; the figure is their median
 * @param largeRuns    runs of each large measurement (large import, whole suite, first start-up)
 * @param suiteClasses "test classes" of the whole-suite measurement
 * @param psql         the psql client used for the {@code \copy} reference
 */
record BenchOptions(boolean quick, int rows, int runs, int largeRuns, int suiteClasses, String psql) {

    static final String USAGE = """
            Usage: java -jar seed-bench.jar [--quick] [--rows N] [--runs N] [--psql PATH]
              --quick     fewer runs and smaller sizes (CI smoke run): 100,000 rows, 2 runs, 1 large run
              --rows N    rows of the big table of the large import, a multiple of 1,000 (default 1,000,000)
              --runs N    runs of every measurement (default 5 for small ones, 3 for large ones)
              --psql PATH the psql client for the \\copy reference (default: psql on the PATH)
            The server is embedded PostgreSQL unless SEEDKIT_JDBC_URL names a running one (a superuser). To put the
            embedded server's files on tmpfs: java -Dseedkit.embedded.cacheDir=/dev/shm/seedkit-postgres -jar ...""";

    /** Rows of the clone measured at the small size. */
    static final int SMALL_TEMPLATE_ROWS = 3_000;

    BenchOptions {
        if (rows < 1_000 || rows % 1_000 != 0) {
            throw new IllegalArgumentException("--rows must be a multiple of 1,000, at least 1,000; got " + rows);
        }
        if (runs < 1 || largeRuns < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a one-line message on bad input. */
    static BenchOptions parse(String... args) {
        List<String> list = List.of(args);
        boolean quick = list.contains("--quick");
        int rows = quick ? 100_000 : 1_000_000;
        Integer runs = null;
        String psql = "psql";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--rows" -> rows = number(args, ++i);
                case "--runs" -> runs = number(args, ++i);
                case "--psql" -> psql = value(args, ++i);
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'");
            }
        }
        int small = runs != null ? runs : quick ? 2 : 5;
        int large = runs != null ? runs : quick ? 1 : 3;
        return new BenchOptions(quick, rows, small, large, quick ? 10 : 50, psql);
    }

    /** Rows of the clone measured at the large size: 30% of {@link #rows()}, i.e. ~300,000 by default. */
    int largeTemplateRows() {
        return rows / 10 * 3;
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int number(String[] args, int index) {
        String value = value(args, index).replace("_", "").replace(",", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + args[index - 1] + " needs a number, got '" + value + "'");
        }
    }
}
