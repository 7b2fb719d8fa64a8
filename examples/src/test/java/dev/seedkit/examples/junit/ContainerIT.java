package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.DatabaseKind;
import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import dev.seedkit.postgres.testing.EnabledIfDocker;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same snapshot in a PostgreSQL container started through Testcontainers (the official {@code postgres} image
 * unless {@code seedkit.container.image} or {@code SEEDKIT_CONTAINER_IMAGE} names another). Needs Docker.
 */
@EnabledIfDocker
@SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class, database = DatabaseKind.CONTAINER)
class ContainerIT {

    @Test
    void seedsTheSnapshotIntoAContainer(SeededDatabase database, DataSource db) throws SQLException {
        assertThat(database.serverDescription()).startsWith("PostgreSQL container ");
        assertThat(value(db, "select count(*) from public.users")).isEqualTo(108);
    }
}
