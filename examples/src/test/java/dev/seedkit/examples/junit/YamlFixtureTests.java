package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A Rider-style YAML dataset ({@code fixtures/team.yml}: table to rows) seeds like a snapshot. */
// README: YAML fixtures
@SeedFromFixtures(value = "classpath:fixtures/team.yml", initializer = DemoSchema.class)
class YamlFixtureTests {

    @Test
    void rowsLoadParentsFirstWithNestedMapsAsJson(Connection connection) throws SQLException {
        assertThat(value(connection, "select count(*) from public.users where instructor_id = 5")).isEqualTo(2);
        assertThat(value(connection, "select count(*) from public.users where "
                + "preferences @> '{\"notifications\": {\"email\": true}}'")).isOne();
    }
    // README: end

    @Test
    void quotedEmptyIsTheEmptyStringAndAColumnARowLeavesOutIsNull(Connection connection) throws SQLException {
        assertThat(value(connection, "select count(*) from public.users where id = 51 and bio = ''")).isOne();
        assertThat(value(connection, "select count(*) from public.users where id = 50 and bio is null")).isOne();
    }
}
