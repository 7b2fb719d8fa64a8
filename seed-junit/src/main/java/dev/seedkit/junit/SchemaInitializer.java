package dev.seedkit.junit;

import javax.sql.DataSource;

/**
 * Creates the schema of a template database before the snapshot is imported into it, for teams whose schema
 * comes from migrations rather than SQL scripts:
 *
 * <pre>{@code
 * public class FlywayMigrations implements SchemaInitializer {
 *     public void initialize(DataSource dataSource) {
 *         Flyway.configure().dataSource(dataSource).load().migrate();
 *     }
 * }
 *
 * @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = FlywayMigrations.class)
 * class OrderRepositoryTests { ... }
 * }</pre>
 *
 * <p>Implementations need a constructor without parameters (any visibility). They run once per template, after
 * any {@code initScripts}, and must close every connection they open: a template with open connections cannot be
 * cloned (Seedkit terminates leftovers, but logs them).
 */
@FunctionalInterface
public interface SchemaInitializer {

    /** Creates the schema in the database behind {@code dataSource}. */
    void initialize(DataSource dataSource) throws Exception;
}
