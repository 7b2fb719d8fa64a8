package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A ready-made {@link SchemaInitializer} that runs the project's own Flyway migrations, from Flyway's default
 * location {@code classpath:db/migration}, on the template database before the snapshot is imported:
 *
 * <pre>{@code
 * @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = FlywayMigrations.class)
 * class OrderRepositoryTests { ... }
 * }</pre>
 *
 * <p>Flyway is an optional dependency of Seedkit: the project brings its own {@code org.flywaydb:flyway-core} (10 or
 * later) and, from Flyway 10 on, {@code org.flywaydb:flyway-database-postgresql}. To change Flyway's settings
 * (locations, schemas, placeholders), subclass it and override {@link #configure(FluentConfiguration)}; a subclass
 * needs a constructor without parameters. Migrations run once per template, not per test class.
 */
public class FlywayMigrations implements SchemaInitializer {

    /** Runs {@code migrate} with the configuration {@link #configure(FluentConfiguration)} returns. */
    @Override
    public void initialize(DataSource dataSource) {
        OptionalLibrary.require("org.flywaydb.core.Flyway", "Flyway", "org.flywaydb:flyway-core and "
                + "org.flywaydb:flyway-database-postgresql", getClass());
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource);
        try {
            configure(configuration).load().migrate();
        } catch (FlywayException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Flyway could not migrate the template database: "
                    + e.getMessage() + hint(e), e);
        }
    }

    /**
     * Adjusts Flyway's configuration; the default keeps Flyway's own defaults (migrations in
     * {@code classpath:db/migration}, the connection's default schema).
     */
    protected FluentConfiguration configure(FluentConfiguration configuration) {
        return configuration;
    }

    private static String hint(FlywayException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No database found to handle") || message.contains("Unsupported Database")) {
            return ". From Flyway 10 on, PostgreSQL support is a module of its own: add the test dependency "
                    + "org.flywaydb:flyway-database-postgresql (same version as flyway-core).";
        }
        return ". Fix the migration, or override FlywayMigrations.configure(...) to point Flyway at your migrations.";
    }
}
