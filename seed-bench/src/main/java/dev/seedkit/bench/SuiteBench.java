package dev.seedkit.bench;

import static dev.seedkit.bench.BenchContext.require;

import dev.seedkit.core.importer.SnapshotImporter;
import dev.seedkit.core.schema.SchemaCache;
import dev.seedkit.core.snapshot.Snapshot;
import java.sql.Connection;
import java.util.Locale;

/**
 * Section 4, the whole-suite effect: N "test classes" that each need their own database holding the typical
 * fixture, either cloned from a template seeded once, or seeded afresh before every class. Each class connects and
 * runs one query; its database is dropped after it. Total wall time of the suite, one run each way: a suite is
 * already {@code classes} measurements in a row, and a run of both takes about a minute.
 */
final class SuiteBench {

    static final String TEMPLATE = "suite: seed a template once, clone per class";
    static final String REIMPORT = "suite: import into a fresh empty database per class";

    private final BenchContext context;
    private final TypicalFixture fixture;
    private final int classes;

    SuiteBench(BenchContext context, TypicalFixture fixture) {
        this.context = context;
        this.fixture = fixture;
        this.classes = context.options().suiteClasses();
    }

    void run(ResultTable table) throws Exception {
        Timings template = new Timings();
        Timings reimport = new Timings();
        context.progress("4. whole suite of %d classes, once each way", classes);
        verifyAndDrop(TEMPLATE, template.time(this::cloneEachClass));
        verifyAndDrop(REIMPORT, reimport.time(this::importEachClass));
        table.section(String.format(Locale.ROOT, "4. Whole suite: %d test classes, each on its own database with the "
                + "30x100 fixture; total wall time", classes));
        table.row(TEMPLATE, template, template, perClass(template) + "; one run each way");
        table.row(REIMPORT, reimport, template, perClass(reimport) + "; empty db = copy of a schema-only template");
    }

    /** Runs the suite the template way; returns the last class's database, kept for checking. */
    private String cloneEachClass() throws Exception {
        Databases databases = context.databases();
        String template = databases.copyOf("suite_template", fixture.emptyTemplate());
        try (Connection c = context.server().connect(template); Snapshot snapshot = fixture.open()) {
            SnapshotImporter.builder().build().importInto(c, snapshot);
        }
        String name = null;
        for (int i = 0; i < classes; i++) {
            name = databases.newName("suite_clone");
            databases.create(name, template);
            runTestClass(name, i == classes - 1);
        }
        databases.drop(template);
        return name;
    }

    /** Runs the suite the import-per-class way; returns the last class's database, kept for checking. */
    private String importEachClass() throws Exception {
        SnapshotImporter importer = SnapshotImporter.builder().schemaCache(new SchemaCache()).build();
        String name = null;
        for (int i = 0; i < classes; i++) {
            name = context.databases().copyOf("suite_fresh", fixture.emptyTemplate());
            try (Connection c = context.server().connect(name); Snapshot snapshot = fixture.open()) {
                importer.importInto(c, snapshot);
            }
            runTestClass(name, i == classes - 1);
        }
        return name;
    }

    /** Connects and runs one query, like a test class would, then drops the database unless {@code keep}. */
    private void runTestClass(String database, boolean keep) throws Exception {
        try (Connection c = context.server().connect(database)) {
            long rows = Databases.count(c, "public.item_30");
            require(rows == TypicalFixture.ROWS_PER_TABLE, database + " has " + rows + " rows in item_30");
        }
        if (!keep) {
            context.databases().drop(database);
        }
    }

    private void verifyAndDrop(String label, String database) throws Exception {
        context.verifyRows(label, database, TypicalFixture.tables(), TypicalFixture.totalRows());
        context.databases().drop(database);
    }

    private String perClass(Timings timings) {
        return ResultTable.duration(timings.median() / classes) + " per class";
    }
}
