package dev.seedkit.spring;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.junit.DatabaseKind;
import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SchemaInitializer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a Spring test class its own seeded PostgreSQL database behind the application's {@code DataSource}, while
 * Spring's context cache keeps serving one application context to every class with the same declaration.
 *
 * <pre>{@code
 * @SpringBootTest
 * @SeededDataSource(value = "classpath:fixtures/shop", initializer = FlywayMigrations.class)
 * abstract class ShopIntegrationTest { }
 *
 * class OrderServiceTests extends ShopIntegrationTest {
 *     @Autowired OrderService orders;
 *     @Test void placesAnOrder() { ... }            // writes here are invisible to every other class
 * }
 * }</pre>
 *
 * <p>The application context gets one {@code DataSource} bean from Seedkit: it replaces the application's (the
 * primary one, or the only one; also the embedded database {@code @JdbcTest} and {@code @DataJpaTest} would put in),
 * and hands out connections to the database of the test class running now. Before each class starts, even before
 * the context starts for the first class, it is pointed at that class's copy of the template, which Seedkit seeds
 * once per run exactly as for {@code @SeedFromFixtures} (same attributes, same configuration parameters). So a cached
 * context never serves a dropped database, and classes never see each other's writes. Spring Boot's own Flyway or
 * Liquibase finds the schema current when the template was built with the same migrations ({@link #initializer()}).
 *
 * <p>{@link #isolation()} with Spring:
 * <ul>
 *   <li>{@link Isolation#CLONE_PER_CLASS} (default): a fresh copy per test class;</li>
 *   <li>{@link Isolation#CLONE_PER_METHOD}: the class's copy is cloned again before every test method after the
 *       first (before its test instance is made, outside Spring's test transaction), so each method starts from the
 *       seeded data (one clone per method, on the test's path);</li>
 *   <li>{@link Isolation#ROLLBACK_PER_METHOD}: a copy per class, and every test method must run in Spring's test
 *       transaction ({@code @Transactional} on the method or class, not {@code @Commit}), which Spring rolls back;
 *       a method that would commit fails before it runs. Seedkit starts no transaction of its own here;</li>
 *   <li>{@link Isolation#SHARED}: one copy for every class of the template, for read-only suites.</li>
 * </ul>
 *
 * <p>One cached context has one {@code DataSource}, which serves one class at a time: with JUnit's parallel
 * execution, keep classes that share a declaration apart, e.g. with
 * {@code @ResourceLock(SeededDataSource.RESOURCE_LOCK)} on their base class (a second class that starts while
 * another is served fails, saying so). Works with Spring Framework 6.2 and 7 (Spring Boot 3.5 and 4.0).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SeededDataSourceExtension.class)
public @interface SeededDataSource {

    /** A name for a JUnit {@code @ResourceLock} that keeps Spring test classes with this annotation apart. */
    String RESOURCE_LOCK = "dev.seedkit.spring.SeededDataSource";

    /**
     * Where the snapshot or fixtures are ({@code classpath:fixtures/demo}, a path, a {@code .yml} file, or several
     * loaded in order), as {@code @SeedFromFixtures#value()}; empty means the configuration parameter
     * {@code seedkit.snapshot}.
     */
    String[] value() default {};

    /** Tables to import, each with the tables it references; empty: the whole snapshot. */
    String[] tables() default {};

    /** The snapshot version the test expects; empty: not pinned. */
    String version() default "";

    /** The snapshot checksum the test expects; empty: not pinned. */
    String checksum() default "";

    /** How the snapshot is imported into the template. */
    ImportMode mode() default ImportMode.DEFAULT;

    /** SQL scripts that create the schema before the import; empty means {@code seedkit.initScripts}. */
    String[] initScripts() default {};

    /**
     * Code that creates the schema, such as {@code FlywayMigrations} or {@code LiquibaseMigrations}: give the
     * application's own migrations, so that Spring Boot's migration finds the schema current at start-up.
     */
    Class<? extends SchemaInitializer> initializer() default SchemaInitializer.class;

    /** How far one test's writes reach; see the class comment for what each mode means with Spring. */
    Isolation isolation() default Isolation.DEFAULT;

    /** Which server the databases live on. */
    DatabaseKind database() default DatabaseKind.DEFAULT;
}
