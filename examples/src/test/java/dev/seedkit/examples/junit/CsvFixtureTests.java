package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A folder of hand-written CSV files ({@code fixtures/shop-csv}: {@code users.csv}, {@code instructors.csv},
 * {@code public.purchases.csv}) seeds like a snapshot: no manifest, values typed by the columns, the users &lt;-&gt;
 * instructors cycle loaded, sequences moved past the ids.
 */
// README: CSV fixtures
@SeedFromFixtures(value = "classpath:fixtures/shop-csv", initializer = DemoSchema.class)
class CsvFixtureTests {

    @Test
    void valuesAreTypedByTheColumnsTheyLoadInto(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select tags[2], "
                + "preferences->>'theme', birth_date, full_name from public.users where id = 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("beta");                // {vip,beta} into text[]
            assertThat(rs.getString(2)).isEqualTo("dark");                // {"theme": "dark"} into jsonb
            assertThat(rs.getString(3)).isEqualTo("1815-12-10");          // into date
            assertThat(rs.getString(4)).isEqualTo("Ada Lovelace");        // generated column, left out
        }
    }
    // README: end

    @Test
    void anEmptyFieldIsNullAndAQuotedEmptyFieldIsTheEmptyString(Connection connection) throws SQLException {
        assertThat(value(connection, "select count(*) from public.users where id = 3 and bio is null")).isOne();
        assertThat(value(connection, "select count(*) from public.users where id = 2 and bio = ''")).isOne();
    }

    @Test
    void columnsTheHeaderLeavesOutTakeTheirDefaults(Connection connection) throws SQLException {
        assertThat(value(connection, "select count(*) from public.users where id <= 3 and not is_verified"))
                .isEqualTo(3);
        assertThat(value(connection, "select sum(amount_with_tax) * 100 from public.purchases")).isEqualTo(7888);
    }

    @Test
    void sequencesWereMovedPastTheFixturesIds(Connection connection) throws SQLException {
        assertThat(value(connection, "insert into public.users (email, first_name, last_name) values "
                + "('new@example.com', 'New', 'User') returning id")).isEqualTo(4);
    }
}
