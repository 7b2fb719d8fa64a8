package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void rejectsANonPostgresUrlWithAnExampleAndWithoutThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:mysql://h/db?password=topsecret"))
                .isInstanceOf(PostgresServerException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/database")
                .hasMessageNotContaining("topsecret");
    }
}
