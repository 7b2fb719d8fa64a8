package dev.seedkit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one benchmark run measures and how often, from the command line.
 *
 * @param quick        fewer runs and smaller sizes, for a CI smoke run
 * @param rows         rows of the big table of the large import (the snapshot holds 1.11 times as many)
 * @param runs         runs of each small measurement; the figure is their median
 * @param largeRuns    runs of each large measurement (large import, first start-up, CLI export)
 * @param suiteClasses "test classes" of the whole-suite measurement
 * @param psql         the psql client used for the {@code \copy} reference
 * @param exportScales scales (users) of the demo databases exported in section 5; empty: no export section
 * @param demoCache    where built demo databases are kept for later runs; null: build them on the benchmark's
 *                     server every run and drop them after
 * @param sections     the sections to run, numbered as in the table (1 to 6 and 8 to 11; 7, memory, shows what 1 and
 *                     5 saw)
 * @param hardRows     rows of section 11's hard-shape database ({@link HardShapeDatabase})
 * @param timeCapSeconds how long one export of section 11 may take before it is stopped
 * @param pgDump       the pg_dump client of section 11's reference
 */
record BenchOptions(boolean quick, int rows, int runs, int largeRuns, int suiteClasses, String psql,
                    List<Integer> exportScales, Path demoCache, Set<Integer> sections, int hardRows,
                    int timeCapSeconds, String pgDump) {

    static final String USAGE = """
            Usage: java -jar seed-bench.jar [--quick] [--rows N] [--runs N] [--psql PATH]
                                            [--export-scales LIST] [--demo-cache DIR|none] [--sections LIST]
                                            [--hard-rows N] [--time-cap SECONDS] [--pg-dump PATH]
              --quick     fewer runs and smaller sizes (CI smoke run): 100,000 rows, 2 runs, 1 large run, a demo
                          database of scale 300 built on the benchmark's server, no cache, a hard-shape database
                          of 100,000 rows, a 60 s time cap
              --rows N    rows of the big table of the large import, a multiple of 1,000 (default 1,000,000)
              --runs N    runs of every measurement (default 5 for small ones, 3 for large ones)
              --psql PATH the psql client for the \\copy reference (default: psql on the PATH)
              --export-scales LIST
                          scales (users) of the demo databases to export from, comma-separated, or none
                          (default 30000,300000: ~1M and ~10M rows; 30000 alone skips the 10M build)
              --demo-cache DIR|none
                          where demo databases are built once and kept, each on its own embedded server
                          (default $SEEDKIT_BENCH_CACHE, else ~/.cache/seedkit-bench, or /var/tmp/seedkit-bench
                          as root); none: build them on the benchmark's server every run
              --sections LIST
                          only these sections, comma-separated numbers from 1 to 6 and 8 to 11 (default: all)
              --hard-rows N
                          rows of section 11's generated hard-shape database (default 1,500,000); kept on the
                          server as seedkit_hard_<N>_v<version> unless --demo-cache none
              --time-cap SECONDS
                          section 11 stops an export still running after this long (default 300)
              --pg-dump PATH
                          the pg_dump client of section 11 (default: pg_dump on the PATH); it must accept the
                          server's major version, so with pg_dump 15 set SEEDKIT_JDBC_URL to a PostgreSQL 15
            The server is embedded PostgreSQL unless SEEDKIT_JDBC_URL names a running one (a superuser). To put the
            embedded server's files on tmpfs: java -Dseedkit.embedded.cacheDir=/dev/shm/seedkit-postgres -jar ...
            Testcontainers start-up uses SEEDKIT_CONTAINER_IMAGE (default postgres:18) where Docker is reachable.""";

    /** Rows of the clone measured at the small size. */
    static final int SMALL_TEMPLATE_ROWS = 3_000;

    /** Demo scales exported by a full run: ~1M and ~10M rows. */
    static final List<Integer> DEFAULT_EXPORT_SCALES = List.of(30_000, 300_000);

    /** Every section that can be chosen. */
    static final Set<Integer> ALL_SECTIONS = Set.of(1, 2, 3, 4, 5, 6, 8, 9, 10, 11);

    /** Demo scale exported by a quick run: ~10,000 rows, built in well under a second. */
    static final int QUICK_EXPORT_SCALE = 300;

    BenchOptions {
        if (rows < 1_000 || rows % 1_000 != 0) {
            throw new IllegalArgumentException("--rows must be a multiple of 1,000, at least 1,000; got " + rows);
        }
        if (runs < 1 || largeRuns < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        exportScales = List.copyOf(exportScales);
        sections = Set.copyOf(sections);
        if (!ALL_SECTIONS.containsAll(sections)) {
            throw new IllegalArgumentException("--sections are numbered 1 to 6 and 8 to 11 (7 shows the memory of 1 "
                    + "and 5); got " + new TreeSet<>(sections));
        }
        if (exportScales.stream().anyMatch(scale -> scale < 10)) {
            throw new IllegalArgumentException("--export-scales must be at least 10 users each; got " + exportScales);
        }
        if (hardRows < 10_000) {
            throw new IllegalArgumentException("--hard-rows must be at least 10,000; got " + hardRows);
        }
        if (timeCapSeconds < 1) {
            throw new IllegalArgumentException("--time-cap must be at least 1 second; got " + timeCapSeconds);
        }
    }

    /** Parses the command line; throws {@link IllegalArgumentException} with a one-line message on bad input. */
    static BenchOptions parse(String... args) {
        List<String> list = List.of(args);
        boolean quick = list.contains("--quick");
        int rows = quick ? 100_000 : 1_000_000;
        Integer runs = null;
        String psql = "psql";
        List<Integer> exportScales = quick ? List.of(QUICK_EXPORT_SCALE) : DEFAULT_EXPORT_SCALES;
        Path demoCache = quick ? null : DemoCache.defaultDirectory();
        Set<Integer> sections = ALL_SECTIONS;
        int hardRows = quick ? HardShapeDatabase.QUICK_ROWS : HardShapeDatabase.DEFAULT_ROWS;
        int timeCap = quick ? 60 : 300;
        String pgDump = "pg_dump";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--rows" -> rows = number(args, ++i);
                case "--runs" -> runs = number(args, ++i);
                case "--psql" -> psql = value(args, ++i);
                case "--export-scales" -> exportScales = numbers(args, ++i);
                case "--demo-cache" -> demoCache = directoryOrNone(value(args, ++i));
                case "--sections" -> sections = Set.copyOf(numbers(args, ++i));
                case "--hard-rows" -> hardRows = number(args, ++i);
                case "--time-cap" -> timeCap = number(args, ++i);
                case "--pg-dump" -> pgDump = value(args, ++i);
                default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'");
            }
        }
        int small = runs != null ? runs : quick ? 2 : 5;
        int large = runs != null ? runs : quick ? 1 : 3;
        return new BenchOptions(quick, rows, small, large, quick ? 10 : 50, psql, exportScales, demoCache, sections,
                hardRows, timeCap, pgDump);
    }

    /** Whether section {@code number} is to run. */
    boolean runs(int number) {
        return sections.contains(number);
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
        return parseNumber(args[index - 1], value(args, index));
    }

    private static int parseNumber(String option, String text) {
        String value = text.replace("_", "").replace(",", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a number, got '" + value + "'");
        }
    }

    private static List<Integer> numbers(String[] args, int index) {
        String list = value(args, index);
        List<Integer> numbers = new ArrayList<>();
        if (!list.equals("none")) {
            for (String item : list.split(",")) {
                numbers.add(parseNumber(args[index - 1], item.trim()));
            }
        }
        return numbers;
    }

    private static Path directoryOrNone(String value) {
        return value.equals("none") ? null : Path.of(value);
    }
}
