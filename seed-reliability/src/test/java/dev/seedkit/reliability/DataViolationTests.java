package dev.seedkit.reliability;

import static dev.seedkit.reliability.Shop.args;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshots that are well-formed files but whose rows the database refuses (an orphaned foreign key, NULL in a NOT
 * NULL column, a CHECK, a value the column type rejects, one key twice in a file, a unique value a row of the
 * database has already), imported into an empty and into a populated database, in every mode, whole and with
 * {@code --tables}: each is refused with its exit code and a message naming the table, the file and the line,
 * and the database is left exactly as it was, sequences included. Each import runs once; three tests look at
 * what it did, so that a failure says which guarantee broke.
 */
@ExtendWith(TestPostgres.class)
class DataViolationTests {

    private static final String CUSTOMERS = "shop.customers.tsv";
    private static final List<String> MODES = List.of("insert-missing", "upsert", "replace");

    /** A table no other table references: the one {@code --replace --tables} can replace on its own. */
    private static final String LEAF = "shop.order_lines";

    private static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    private static Shop shop;
    private static Path good;
    private static String empty;
    private static String populated;

    /**
     * A snapshot broken at the data level: the file edited (and re-pinned), the table to name with
     * {@code --tables}, the exit code, and what the message must contain; {@code onlyWhenPopulated} for a clash
     * with rows only a populated database has.
     */
    record Violation(String name, String file, UnaryOperator<List<String>> edit, String table, int exitCode,
            List<String> message, boolean onlyWhenPopulated) {
    }

    /** One import of a broken snapshot. */
    record Run(Violation violation, String target, String mode, boolean subset) {
        @Override
        public String toString() {
            return violation.name() + " into the " + (target.equals(empty) ? "empty" : "populated") + " database, "
                    + mode + (subset ? ", --tables " + violation.table() : "");
        }
    }

    @BeforeAll
    static void exportTheShop(PostgresServer server) throws Exception {
        shop = new Shop(server);
        good = shop.export(shop.createDatabase(Shop.SCHEMA + Shop.DATA), dir.resolve("good"));
        empty = shop.createDatabase(Shop.SCHEMA);
        populated = shop.createDatabase(Shop.SCHEMA + Shop.OTHER_ROWS);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        shop.dropAll();
    }

    static List<Violation> violations() {
        return List.of(
                new Violation("an orphaned foreign key", "shop.order_lines.tsv", set(300, "999999\t1\t1"),
                        "shop.order_lines", 5, List.of("shop.order_lines", "line 301", "999999"), false),
                new Violation("NULL in a NOT NULL column", CUSTOMERS, set(10, "10\tc10@shop.example\t\\N\t9"),
                        "shop.customers", 5, List.of("shop.customers.tsv", "line 11", "name"), false),
                new Violation("a value a CHECK refuses", "shop.products.tsv", set(5, "5\tProduct 5\t-1.00"),
                        "shop.products", 5, List.of("shop.products.tsv", "line 6", "products_price_check"), false),
                new Violation("a value the column type rejects", "shop.orders.tsv", set(20, "20\t21\tnot-a-date\t\\N"),
                        "shop.orders", 3, List.of("shop.orders.tsv", "line 21", "placed"), false),
                new Violation("one key twice in a file", CUSTOMERS, add("7\tdup@shop.example\tTwin\t6"),
                        "shop.customers", 3, List.of("shop.customers.tsv", "line 8 and line 62"), false),
                new Violation("a unique value a row of the database has", CUSTOMERS,
                        add("5000\tonly@target.example\tClash\t\\N"), "shop.customers", 5,
                        List.of("shop.customers.tsv", "line 62", "customers_email_key"), true));
    }

    static Stream<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (Violation violation : violations()) {
            for (String mode : MODES) {
                if (violation.onlyWhenPopulated() && mode.equals("replace")) {
                    continue; // replace empties the table first: no clash is left
                }
                if (!violation.onlyWhenPopulated()) {
                    runs.add(new Run(violation, empty, mode, false));
                }
                runs.add(new Run(violation, populated, mode, false));
                if (!mode.equals("replace") || violation.table().equals(LEAF)) {
                    runs.add(new Run(violation, populated, mode, true));
                }
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void leavesTheDatabaseAsItWasSequencesIncluded(Run run) throws Exception {
        Outcome outcome = outcome(run);

        assertThat(outcome.result().exitCode()).as(outcome.result().toString()).isNotZero();
        assertThat(outcome.after()).as("the database after: %s", run).isEqualTo(outcome.before());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void failsWithTheExitCodeOfItsKind(Run run) throws Exception {
        Cli.Result result = outcome(run).result();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(run.violation().exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void namesTheFileTheLineAndWhatIsWrong(Run run) throws Exception {
        Cli.Result result = outcome(run).result();

        assertThat(result.err()).as(result.toString()).startsWith("error: ").contains(run.violation().message());
    }

    /** What importing {@code run}'s snapshot did; computed once, whichever test asks first. */
    private static Outcome outcome(Run run) throws Exception {
        Outcome known = OUTCOMES.get(run.toString());
        if (known != null) {
            return known;
        }
        Path broken = snapshot(run.violation());
        DatabaseFingerprint before = shop.fingerprint(run.target());
        List<String> options = new ArrayList<>(List.of("--snapshot", broken.toString(), "--mode", run.mode()));
        if (run.subset()) {
            options.addAll(List.of("--tables", run.violation().table()));
        }
        Cli.Result result = Cli.run(args("import", shop.connection(run.target()), options.toArray(String[]::new)));
        Outcome outcome = new Outcome(result, before, shop.fingerprint(run.target()));
        OUTCOMES.put(run.toString(), outcome);
        return outcome;
    }

    /** An import and the database before and after it. */
    record Outcome(Cli.Result result, DatabaseFingerprint before, DatabaseFingerprint after) {
    }

    /** The good snapshot with the violation's edit, made once per violation. */
    private static Path snapshot(Violation violation) throws Exception {
        Path directory = dir.resolve(violation.name().replaceAll("\\W+", "-"));
        if (!directory.toFile().exists()) {
            SnapshotCopy.of(good, directory).editLines(violation.file(), violation.edit());
        }
        return directory;
    }

    /** Replaces data row {@code row} (1 is the first after the header). */
    private static UnaryOperator<List<String>> set(int row, String line) {
        return lines -> {
            lines.set(row, line);
            return lines;
        };
    }

    /** Adds a data row at the end. */
    private static UnaryOperator<List<String>> add(String line) {
        return lines -> {
            lines.add(line);
            return lines;
        };
    }
}
