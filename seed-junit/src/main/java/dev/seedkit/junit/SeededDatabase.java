package dev.seedkit.junit;

import dev.seedkit.core.changes.Baseline;
import dev.seedkit.core.changes.Changes;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The seeded database of the current test scope (class, or method with {@link Isolation#CLONE_PER_METHOD} and
 * {@link Isolation#ROLLBACK_PER_METHOD}), injected as a parameter of test, {@code @BeforeEach} and
 * {@code @BeforeAll} methods.
 *
 * <p>{@link #properties()} feeds frameworks that build their own pool, such as Spring Boot:
 *
 * <pre>{@code
 * @SeedFromFixtures("classpath:fixtures/demo")
 * @SpringBootTest
 * class OrderServiceTests {
 *     static SeededDatabase database;
 *
 *     @BeforeAll
 *     static void remember(SeededDatabase seeded) {
 *         database = seeded;
 *     }
 *
 *     @DynamicPropertySource
 *     static void datasource(DynamicPropertyRegistry registry) {
 *         database.properties().forEach((key, value) -> registry.add(key, () -> value));
 *     }
 * }
 * }</pre>
 *
 * <p>Use {@link Isolation#CLONE_PER_CLASS} or {@link Isolation#SHARED} that way: the framework's own pool does not
 * take part in a {@link Isolation#ROLLBACK_PER_METHOD} transaction, and a per-method copy changes its URL.
 */
public interface SeededDatabase {

    /** Name of the database on the server, e.g. {@code seedkit_3fa2c1d0_81b2e4f7}. */
    String databaseName();

    /** JDBC URL of the database, without credentials. */
    String jdbcUrl();

    /** Role to connect as. */
    String username();

    /** Password of {@link #username()}; may be empty where the server trusts local connections. */
    String password();

    /** The server the database lives on, for logs; never contains the password. */
    String serverDescription();

    /** The isolation in force for this database. */
    Isolation isolation();

    /**
     * A pooled data source for this database; within a {@link Isolation#ROLLBACK_PER_METHOD} test method, the one
     * that hands out the test's transactional connection. The same object that is injected as {@code DataSource}.
     */
    DataSource dataSource();

    /**
     * Connection settings under Spring Boot's keys, in this order: {@code spring.datasource.url},
     * {@code spring.datasource.username}, {@code spring.datasource.password}.
     */
    Map<String, String> properties();

    /**
     * Puts the seeded data back. With {@link Isolation#ROLLBACK_PER_METHOD} inside a test method, rolls the test's
     * transaction back (the injected connection stays usable). Otherwise drops this scope's copy and clones it from
     * the template again under the same name; connections taken from the old copy are closed, so take new ones. With
     * {@link Isolation#SHARED} that resets the copy every sharing class sees.
     */
    void reseed();

    /** The snapshot version, as far as the importer reported it. */
    Optional<String> snapshotVersion();

    /** Rows imported per table, as far as the importer reported them; empty when nothing was reported. */
    Map<String, Long> rowCounts();

    /**
     * What the test changed since the template was seeded: per table, the rows inserted, updated (with the columns
     * that differ) and deleted, seen through {@link #dataSource()} (within a {@link Isolation#ROLLBACK_PER_METHOD}
     * test method, its own uncommitted writes). Computed set-based against the seeded rows, which are captured once
     * per template, from a fresh copy of it, the first time a test asks; see {@link Baseline}.
     */
    Changes changes();

    /** Like {@link #changes()}, over {@code tables} only ({@code schema.table}, or a bare name one schema has). */
    Changes changes(String... tables);
}
