package dev.seedkit.junit;

/**
 * How far one test's writes reach. Every mode starts from the same seeded template database, which is built once
 * per server and run; the modes differ in how often a test gets a fresh copy of it.
 *
 * <p>{@link #DEFAULT} means: the configuration parameter {@value SeedkitExtension#ISOLATION_PROPERTY}, else
 * {@link #CLONE_PER_CLASS}.
 */
public enum Isolation {

    /** Use the configuration parameter {@value SeedkitExtension#ISOLATION_PROPERTY}, else {@link #CLONE_PER_CLASS}. */
    DEFAULT,

    /**
     * Each test class gets its own copy ({@code CREATE DATABASE ... TEMPLATE}), dropped after the class. Tests of
     * one class see each other's writes; other classes never do. {@code @Nested} classes without an annotation of
     * their own share their enclosing class's copy.
     */
    CLONE_PER_CLASS,

    /**
     * Each test method gets its own copy, dropped after the method. There is no database for {@code @BeforeAll}
     * methods or constructors in this mode.
     */
    CLONE_PER_METHOD,

    /**
     * Each test class gets its own copy, and each test method runs in one transaction that is rolled back after it.
     * The injected {@code Connection} and {@code DataSource} hand out that same connection with auto-commit off;
     * {@code close()}, {@code commit()} and {@code setAutoCommit(..)} on it are ignored, so code under test cannot
     * end the transaction early. Cheapest per test, but code that opens its own connections (another pool, another
     * thread) does not see or share the test's transaction.
     */
    ROLLBACK_PER_METHOD,

    /**
     * All classes that use the same template (server, snapshot, tables, mode, schema initialisation) share one
     * copy for the whole run: writes are visible to every later test. For read-only suites.
     */
    SHARED
}
