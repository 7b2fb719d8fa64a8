package dev.seedkit.junit;

import dev.seedkit.core.importer.ImportMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a PostgreSQL database seeded with a whole snapshot.
 *
 * <pre>{@code
 * @SeedFromFixtures("classpath:fixtures/demo")
 * class OrderRepositoryTests {
 *     @Test
 *     void findsOpenOrders(DataSource db) { ... }     // or Connection, or SeededDatabase
 * }
 * }</pre>
 *
 * <p>The snapshot is imported once per server and run into a template database; each test class then gets a copy
 * of it as its {@link #isolation()} says. Test methods, {@code @BeforeEach} and {@code @BeforeAll} methods can take
 * a {@link javax.sql.DataSource}, a {@link java.sql.Connection} (closed after the method) or a
 * {@link SeededDatabase} parameter.
 *
 * <p>The annotation works on test classes, on their superclasses (it is {@link Inherited}), on enclosing classes of
 * {@code @Nested} classes (the nearest annotation wins) and as a meta-annotation, so teams can write their own:
 *
 * <pre>{@code
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target(ElementType.TYPE)
 * @Inherited
 * @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/schema.sql")
 * public @interface CustomerFixtures {
 * }
 * }</pre>
 *
 * <p>Every attribute left at its default falls back to a configuration parameter (for example in
 * {@code junit-platform.properties}; keys are the constants of {@link SeedkitExtension}), then to a built-in value.
 * {@link SeedTables} imports only some tables; {@link SeedkitExtension#builder()} is the programmatic twin.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SeedAnnotationsExtension.class)
public @interface SeedFromFixtures {

    /**
     * Where the snapshot is: {@code classpath:fixtures/demo} or a directory path (relative to the working
     * directory); or hand-written fixtures, a folder of {@code .csv} / {@code .yml} files or one such file. Several
     * locations load in order into one template, each in its own transaction, e.g. a snapshot and a YAML file of
     * extra rows: {@code @SeedFromFixtures({"classpath:fixtures/demo", "classpath:fixtures/orders-extra.yml"})}
     * ({@link #tables()} applies to the first). Empty means {@value SeedkitExtension#SNAPSHOT_PROPERTY}, which may
     * list several separated by commas; there is no built-in location.
     */
    String[] value() default {};

    /**
     * Tables to import ({@code orders} or {@code sales.orders}), each with every table it references through foreign
     * keys, so the data stays referentially intact. Empty: the whole snapshot. {@link SeedTables} says the same
     * with the tables first.
     */
    String[] tables() default {};

    /** The snapshot version the test expects; a different one fails the class. Empty: not pinned. */
    String version() default "";

    /** The snapshot checksum the test expects; a different one fails the class. Empty: not pinned. */
    String checksum() default "";

    /** How the snapshot is imported into the template; see {@link ImportMode}. */
    ImportMode mode() default ImportMode.DEFAULT;

    /**
     * SQL scripts ({@code classpath:...} or file paths) that create the schema before the import, run in order.
     * Empty means {@value SeedkitExtension#INIT_SCRIPTS_PROPERTY} (comma-separated), else none.
     */
    String[] initScripts() default {};

    /**
     * Code that creates the schema (Flyway, Liquibase, ...), run after {@link #initScripts()}. The interface itself
     * means {@value SeedkitExtension#INITIALIZER_PROPERTY} (a class name), else none.
     */
    Class<? extends SchemaInitializer> initializer() default SchemaInitializer.class;

    /** How far one test's writes reach; see {@link Isolation}. */
    Isolation isolation() default Isolation.DEFAULT;

    /** Which server the databases live on; see {@link DatabaseKind}. */
    DatabaseKind database() default DatabaseKind.DEFAULT;
}
