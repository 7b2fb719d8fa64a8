package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.internal.Location;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class SqlScriptRunnerTests {

    private static DataSource dataSource(TestDatabase database) {
        return new SimpleDataSource(database::connect, database.name());
    }

    private static void run(TestDatabase database, String location) {
        SqlScriptRunner.run(dataSource(database), location,
                Location.parse(location).readText(Location.defaultLoader(), "Init script", "a test"));
    }

    @Test
    void runsAScriptWithStringsCommentsAndFunctionBodiesFullOfSemicolons(TestDatabase database) throws SQLException {
        run(database, "classpath:sql/orders-schema.sql");

        assertThat(database.query("select name from customers order by id"))
                .containsExactly(List.of("Ada; 'the' Countess"),
                        List.of("Grace 'Amazing'; Hopper"));
        assertThat(database.queryValue("select note from orders where id = 11")).isEqualTo("it's; \"quoted\"");
        assertThat(database.queryValue("select order_count(1)")).isEqualTo("1");
        assertThat(database.queryValue("select customer_label(2)")).isEqualTo("Grace 'Amazing'; Hopper (1 orders)");
    }

    @Test
    void namesTheScriptTheLineAndPostgresqlsErrorWhenAStatementFails(TestDatabase database) throws SQLException {
        assertThatThrownBy(() -> run(database, "classpath:sql/broken.sql"))
                .isInstanceOfSatisfying(SeedException.class,
                        e -> assertThat(e.code()).isEqualTo(SeedException.Code.DATABASE))
                .hasMessage("Init script classpath:sql/broken.sql failed at line 3: ERROR: relation \"missing_table\" "
                        + "does not exist [statement: insert into fine select id from missing_table]");
        assertThat(database.queryValue("select count(*) from fine")).as("statements before it ran").isEqualTo("0");
    }
}
