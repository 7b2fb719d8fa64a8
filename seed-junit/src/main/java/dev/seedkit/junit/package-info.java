/**
 * The JUnit 5 extension: {@link dev.seedkit.junit.SeedFromFixtures} and {@link dev.seedkit.junit.SeedTables} (or
 * their programmatic twin {@link dev.seedkit.junit.SeedkitExtension}) give test classes a seeded PostgreSQL
 * database, built once per server as a template and cloned for each test class or method as
 * {@link dev.seedkit.junit.Isolation} says, injected as a {@code DataSource}, a {@code Connection} or a
 * {@link dev.seedkit.junit.SeededDatabase}.
 *
 * <p>Public: the two annotations, {@code SeedkitExtension} (with the configuration keys), the enums
 * {@code Isolation} and {@code DatabaseKind}, {@code SchemaInitializer} and {@code SeededDatabase}; the import
 * mode is the core's {@link dev.seedkit.core.importer.ImportMode}. Everything else is package-private.
 */
package dev.seedkit.junit;

