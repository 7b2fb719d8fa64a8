package dev.seedkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One rule picks the server kind, for PostgresServers.fromEnvironment and the JUnit extension alike. */
@ExtendWith(TestPostgres.class)
class ServerKindTests {

    @Test
    void anExplicitKindWinsThenAConfiguredUrlThenEmbedded() {
        String url = "jdbc:postgresql://localhost:5432/postgres";
        assertThat(ServerKind.configured(settings(Map.of(ServerKind.DATABASE, "container", ServerKind.JDBC_URL, url))))
                .isEqualTo(ServerKind.CONTAINER);
        assertThat(ServerKind.configured(settings(Map.of(ServerKind.DATABASE, "Embedded", ServerKind.JDBC_URL, url))))
                .isEqualTo(ServerKind.EMBEDDED);
        assertThat(ServerKind.configured(settings(Map.of(ServerKind.JDBC_URL, url)))).isEqualTo(ServerKind.URL);
        assertThat(ServerKind.configured(settings(Map.of(ServerKind.DATABASE, " url ")))).isEqualTo(ServerKind.URL);
        assertThat(ServerKind.configured(settings(Map.of(ServerKind.DATABASE, "  ", ServerKind.JDBC_URL, url))))
                .as("blank is not set").isEqualTo(ServerKind.URL);
    }

    @Test
    void namesTheKindsWhenTheSettingNamesNone() {
        assertThatThrownBy(() -> ServerKind.configured(settings(Map.of(ServerKind.DATABASE, "oracle"))))
                .isInstanceOf(PostgresServerException.class)
                .hasMessage("Unknown seedkit.database 'oracle': use one of embedded, container, url.");
    }

    @Test
    void namesEachSettingsEnvironmentVariable() {
        assertThat(ServerKind.variable(ServerKind.DATABASE)).isEqualTo("SEEDKIT_DATABASE");
        assertThat(ServerKind.variable(ServerKind.JDBC_URL)).isEqualTo("SEEDKIT_JDBC_URL");
        assertThat(ServerKind.variable(ServerKind.JDBC_USER)).isEqualTo("SEEDKIT_JDBC_USER");
        assertThat(ServerKind.variable(ServerKind.JDBC_PASSWORD)).isEqualTo("SEEDKIT_JDBC_PASSWORD");
        assertThat(ServerKind.variable(ServerKind.CONTAINER_IMAGE)).isEqualTo("SEEDKIT_CONTAINER_IMAGE");
    }

    @Test
    void fromEnvironmentStartsTheKindNamedEvenWhenAUrlIsConfigured(TestDatabase db) {
        try (PostgresServer server = withProperties(Map.of(ServerKind.DATABASE, "embedded", ServerKind.JDBC_URL,
                db.jdbcUrl(), ServerKind.JDBC_USER, db.username(), ServerKind.JDBC_PASSWORD, db.password()))) {
            assertThat(server.description()).startsWith("embedded PostgreSQL");
        }
    }

    @Test
    void fromEnvironmentUsesTheRunningServerWhenTheKindIsUrl(TestDatabase db) {
        try (PostgresServer server = withProperties(Map.of(ServerKind.DATABASE, "url", ServerKind.JDBC_URL,
                db.jdbcUrl(), ServerKind.JDBC_USER, db.username(), ServerKind.JDBC_PASSWORD, db.password()))) {
            assertThat(server.description()).startsWith("external PostgreSQL ");
            assertThat(server.defaultDatabase()).isEqualTo(db.name());
        }
    }

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    /** {@link PostgresServers#fromEnvironment()} with these system properties set, restored afterwards. */
    private static PostgresServer withProperties(Map<String, String> properties) {
        Map<String, String> before = new HashMap<>();
        properties.forEach((key, value) -> before.put(key, System.setProperty(key, value)));
        try {
            return PostgresServers.fromEnvironment();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
