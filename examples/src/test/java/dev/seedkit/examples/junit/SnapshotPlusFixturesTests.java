package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The committed snapshot plus a hand-written YAML file of extra rows, seeded in order into one template. */
// README: snapshot plus fixtures in JUnit
@SeedFromFixtures(value = {"classpath:fixtures/demo", "classpath:fixtures/purchases-extra.yml"},
        initializer = DemoSchema.class)
class SnapshotPlusFixturesTests {

    @Test
    void theYamlRowsReferenceTheSnapshotsRows(Connection connection, SeededDatabase database) throws SQLException {
        assertThat(value(connection, "select count(*) from public.purchases p join public.users u on u.id = p.user_id "
                + "where p.discount_code = 'SPRING-50'")).isOne();
        assertThat(database.rowCounts()).containsEntry("public.purchases", 101L);
        assertThat(database.changes().isEmpty()).isTrue();           // the extra rows are part of what was seeded
    }
}
// README: end
