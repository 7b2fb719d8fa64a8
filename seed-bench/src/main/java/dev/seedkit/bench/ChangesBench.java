package dev.seedkit.bench;

import dev.seedkit.core.Seedkit;
import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.core.snapshot.SnapshotLocation;
import dev.seedkit.examples.DemoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

/**
 * Section 9, what did my test change: the examples' committed snapshot seeded into the demo schema, a
 * {@link Baseline} captured once, then {@code changes()} after a test that touched one table (an insert and an update
 * of {@code public.purchases}, uncommitted as in a rolled-back test method), and with nothing changed.
 */
final class ChangesBench {

    static final String SNAPSHOT = "examples/src/test/resources/fixtures/demo";
    static final String CAPTURE = "capture the baseline once per template";
    static final String NOTHING = "changes(), nothing changed";
    static final String ONE_TABLE = "changes(), a test touched one table (1 insert, 1 update)";
    private static final int SAMPLES = 50;

    private final BenchContext context;

    ChangesBench(BenchContext context) {
        this.context = context;
    }

    void run(ResultTable table) throws Exception {
        Path snapshot = Path.of(SNAPSHOT);
        if (!Files.isDirectory(snapshot)) {
            snapshot = Path.of("..").resolve(SNAPSHOT);
        }
        context.progress("9. changes() on the examples' snapshot at %s", snapshot);
        String name = context.databases().createWithSchema("changes", "SELECT 1");
        try (Connection c = context.server().connect(name)) {
            DemoDatabase.migrate(c);
            try (Snapshot opened = SnapshotLocation.directory(snapshot).open()) {
                Seedkit.importer().build().importInto(c, opened);
            }
            Timings capture = new Timings();
            Baseline baseline = null;
            for (int run = 0; run < context.options().runs() + 1; run++) {
                baseline = capture.time(() -> Baseline.capture(c));
            }
            table.section(String.format(Locale.ROOT, "9. What did my test change: changes() against a baseline of "
                    + "the examples' committed snapshot (%,d rows, %d tables)", baseline.rowCount(),
                    baseline.tables().size()));
            table.row(CAPTURE, capture, null, "all rows read once, kept in memory");
            table.row(NOTHING, measure(c, baseline, 0), null, String.format(Locale.ROOT,
                    "%d samples", SAMPLES));
            table.row(ONE_TABLE, measure(c, baseline, 1), null,
                    "target < 20 ms");
        }
        context.databases().drop(name);
    }

    private static Timings measure(Connection c, Baseline baseline, int changedTables) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (changedTables > 0) {
                s.execute("INSERT INTO public.purchases (user_id, amount, status, purchased_at) "
                        + "SELECT id, 9.99, 'paid', now() FROM public.users ORDER BY id LIMIT 1");
                s.execute("UPDATE public.purchases SET status = 'refunded' WHERE id = (SELECT min(id::text)::uuid "
                        + "FROM public.purchases WHERE status = 'paid')");
            }
            Timings timings = new Timings();
            for (int i = 0; i < SAMPLES / 5; i++) {
                baseline.changes(c);
            }
            for (int i = 0; i < SAMPLES; i++) {
                Changes changes = timings.time(() -> baseline.changes(c));
                if (changes.changedTables().size() != changedTables) {
                    throw new IllegalStateException("Expected " + changedTables + " changed tables, found "
                            + changes.changedTables());
                }
            }
            return timings;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }
}
