package dev.seedkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerSpecTests {

    @Test
    void describesAUrlServerWithoutItsPasswordButWithItsUser() {
        ServerSpec spec = ServerSpec.url("jdbc:postgresql://postgres:postgres@db.example/postgres?password=postgres",
                "postgres", "postgres");

        assertThat(spec.toString()).isEqualTo("URL jdbc:postgresql://postgres:***@db.example/postgres?password=*** "
                + "as postgres");
    }
}
