package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresUrlTests {

    @Test
    void readsHostPortDatabaseAndCredentialsWithTheDriversParser() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db.example:6543/shop?user=app&password=s3cret");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void defaultsToPort5432AndThePostgresDatabase() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost/");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("postgres");
        assertThat(url.user()).isNull();
    }

    @Test
    void redactsPasswordsWhereverTheyStandInTheUrl() {
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?password=abc&user=u"))
                .isEqualTo("jdbc:postgresql://h/db?password=***&user=u");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?user=u&PASSWORD=abc"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&PASSWORD=***");
    }

    @Test
    void redactsTheUserInfoPasswordOfAUrl() {
        assertThat(PostgresUrl.redact("postgresql://app:pa55@h:5432/db and jdbc:postgresql://u:p%40ss@h/db"))
                .isEqualTo("postgresql://app:***@h:5432/db and jdbc:postgresql://u:***@h/db");
    }

    @Test
    void redactsPasswordAssignmentsAndJsonFields() {
        assertThat(PostgresUrl.redact("PGPASSWORD=hunter2 SEEDKIT_PASSWORD = s3cret psql"))
                .isEqualTo("PGPASSWORD=*** SEEDKIT_PASSWORD = *** psql");
        assertThat(PostgresUrl.redact("{\"user\" : \"app\", \"password\" : \"a \\\" b\", \"ssl\" : true}"))
                .isEqualTo("{\"user\" : \"app\", \"password\" : \"***\", \"ssl\" : true}");
        assertThat(PostgresUrl.redact("{user=app, password=x1}")).isEqualTo("{user=app, password=***}");
    }

    @Test
    void aPasswordThatIsAlsoAWordIsHiddenOnlyWhereItIsThePassword() {
        String text = "Could not connect to jdbc:postgresql://localhost:5432/postgres?user=postgres&password=postgres"
                + " as postgres: FATAL: password authentication failed for user \"postgres\"; "
                + "postgresql://postgres:postgres@localhost/postgres; PGPASSWORD=postgres; secret: postgres";

        assertThat(PostgresUrl.redact(text, List.of("postgres"))).isEqualTo("Could not connect to "
                + "jdbc:postgresql://localhost:5432/postgres?user=postgres&password=***"
                + " as postgres: FATAL: password authentication failed for user \"postgres\"; "
                + "postgresql://postgres:***@localhost/postgres; PGPASSWORD=***; secret: ***");
    }

    @Test
    void aKnownPasswordIsHiddenAsAWholeValueWhateverItsKey() {
        assertThat(PostgresUrl.redact("FATAL: s3cret-value rejected; token=s3cret-value, "
                + "not s3cret-values nor xs3cret-value; \"masked\":\"s3cret-value\"", List.of("s3cret-value")))
                .isEqualTo("FATAL: *** rejected; token=***, not s3cret-values nor xs3cret-value; \"masked\":\"***\"");
        assertThat(PostgresUrl.redact("user=s3cret-value", List.of("s3cret-value")))
                .as("a value of a user key is a user name, which stays").isEqualTo("user=s3cret-value");
    }

    @Test
    void rejectsANonPostgresUrlWithAnExampleAndWithoutThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:mysql://h/db?password=topsecret"))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database")
                .hasMessageNotContaining("topsecret");
    }
}
