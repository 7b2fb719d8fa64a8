package dev.seedkit.core.exporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * The example application's database (module {@code examples}, {@code dev.seedkit.examples.DemoDatabase}), built
 * from that module's SQL files: 22 tables in {@code public} and {@code audit}, with a users-instructors cycle,
 * self-references, a composite partly-NULL foreign key, a reference to a unique text column, identity and
 * generated columns, and a key-less log. {@code seed-core} cannot depend on {@code examples}, so this runs the
 * same scripts the same way {@code DemoDatabase.build} does (migrations, then the data steps with
 * {@code ${scale}} and {@code ${seed}} replaced, in one transaction each, then {@code VACUUM (ANALYZE)}).
 */
final class DemoSchema {

    /** The schemas the demo database uses. */
    static final List<String> SCHEMAS = List.of("public", "audit");

    /** The one reference the demo schema leaves undeclared. */
    static final String VIRTUAL_FOREIGN_KEY = "public.platform_events(correlation_purchase_id) -> public.purchases(id)";

    private static final List<String> MIGRATIONS = List.of("V1__accounts.sql", "V2__trading.sql", "V3__content.sql",
            "V4__audit.sql");
    private static final List<String> DATA = List.of("1-prepare.sql", "2-accounts.sql", "3-trading.sql",
            "4-content.sql", "5-finish.sql");

    private final Path resources;

    private DemoSchema(Path resources) {
        this.resources = resources;
    }

    /** The scripts in {@code examples/src/main/resources/db}, found from the module or the project directory. */
    static DemoSchema find() {
        for (String candidate : List.of("../examples/src/main/resources/db", "examples/src/main/resources/db")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path.resolve("migration"))) {
                return new DemoSchema(path);
            }
        }
        throw new IllegalStateException("The examples module's SQL scripts (examples/src/main/resources/db) are not "
                + "found from " + Path.of("").toAbsolutePath() + "; run from the project or seed-core directory.");
    }

    /** Creates the demo schema, without data. */
    void migrate(Connection c) throws Exception {
        run(c, MIGRATIONS.stream().map(m -> resources.resolve("migration").resolve(m)).toList(), 0, 0);
    }

    /** Creates the demo schema and fills it with {@code users} users' worth of data. */
    void build(Connection c, int users, long seed) throws Exception {
        migrate(c);
        run(c, DATA.stream().map(d -> resources.resolve("demo-data").resolve(d)).toList(), users, seed);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
    }

    private static void run(Connection c, List<Path> scripts, int scale, long seed) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (Path script : scripts) {
                s.execute(Files.readString(script).replace("${scale}", Integer.toString(scale))
                        .replace("${seed}", Long.toString(seed)));
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
