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
 * Gives the annotated test class a PostgreSQL database seeded with some tables of a snapshot, plus every table
 * they reference through foreign keys, so the data stays referentially intact.
 *
 * <pre>{@code
 * @SeedTables(value = {"orders"}, from = "classpath:fixtures/demo")   // orders, customers, products, ...
 * class OrderTotalsTests {
 *     @Test
 *     void sumsOpenOrders(Connection connection) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>It is a shorthand for {@code @SeedFromFixtures(value = "classpath:fixtures/demo", tables = "orders")}, for
 * classes that read better with the tables first. Everything else works as for {@link SeedFromFixtures}: one
 * template per server and distinct table set,
 * copies per class or method, injected {@code DataSource}, {@code Connection} and {@link SeededDatabase},
 * meta-annotations, inheritance, {@code @Nested} classes, and defaults from configuration parameters. A class
 * carries either this annotation or {@link SeedFromFixtures}, not both.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SeedAnnotationsExtension.class)
public @interface SeedTables {

    /** Names of the tables to import ({@code orders} or {@code sales.orders}); their parents come along. */
    String[] value();

    /**
     * Where the snapshot is: {@code classpath:fixtures/demo} or a directory path. Empty means
     * {@value SeedkitExtension#SNAPSHOT_PROPERTY}; there is no built-in location.
     */
    String from() default "";

    /** The snapshot version the test expects; a different one fails the class. Empty: not pinned. */
    String version() default "";

    /** The snapshot checksum the test expects; a different one fails the class. Empty: not pinned. */
    String checksum() default "";

    /** How the snapshot is imported into the template; see {@link ImportMode}. */
    ImportMode mode() default ImportMode.DEFAULT;

    /** SQL scripts that create the schema before the import; as {@link SeedFromFixtures#initScripts()}. */
    String[] initScripts() default {};

    /** Code that creates the schema; as {@link SeedFromFixtures#initializer()}. */
    Class<? extends SchemaInitializer> initializer() default SchemaInitializer.class;

    /** How far one test's writes reach; see {@link Isolation}. */
    Isolation isolation() default Isolation.DEFAULT;

    /** Which server the databases live on; see {@link DatabaseKind}. */
    DatabaseKind database() default DatabaseKind.DEFAULT;
}
