package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import java.sql.Connection;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A ready-made {@link SchemaInitializer} that runs the project's own Liquibase changelog, from Spring Boot's default
 * location {@value #DEFAULT_CHANGELOG} on the class path, on the template database before the snapshot is imported:
 *
 * <pre>{@code
 * @SeedFromFixtures(value = "classpath:fixtures/demo", initializer = LiquibaseMigrations.class)
 * class OrderRepositoryTests { ... }
 * }</pre>
 *
 * <p>Liquibase is an optional dependency of Seedkit: the project brings its own {@code org.liquibase:liquibase-core}
 * (4.x). For another changelog, subclass it and override {@link #changelog()}; a subclass needs a constructor without
 * parameters. The changelog runs once per template, not per test class.
 */
public class LiquibaseMigrations implements SchemaInitializer {

    /** Where Spring Boot looks for the master changelog by default. */
    public static final String DEFAULT_CHANGELOG = "db/changelog/db.changelog-master.yaml";

    /** Runs every pending change set of {@link #changelog()}, with no contexts or labels. */
    @Override
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts, LabelExpression): the API every 4.x release has
    public void initialize(DataSource dataSource) throws Exception {
        OptionalLibrary.require("liquibase.Liquibase", "Liquibase", "org.liquibase:liquibase-core", getClass());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelog(),
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
            liquibase.update(new Contexts(), new LabelExpression());
        } catch (LiquibaseException e) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Liquibase could not update the template "
                    + "database from changelog " + changelog() + " (on the class path): " + e.getMessage()
                    + ". Fix the changelog, or override LiquibaseMigrations.changelog() to name yours.", e);
        }
    }

    /** The master changelog's class-path location; default {@value #DEFAULT_CHANGELOG}. */
    protected String changelog() {
        return DEFAULT_CHANGELOG;
    }
}
