package dev.seedkit.core.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The manifest's source names host, port and database, and never credentials or other URL parameters. */
class SourceNameTests {

    @Test
    void keepsHostPortAndDatabaseOnly() {
        assertThat(SourceName.of("jdbc:postgresql://db.example:5433/demo?user=u&password=secret&ssl=true"))
                .isEqualTo("db.example:5433/demo");
        assertThat(SourceName.of("jdbc:postgresql://u:secret@db.example/demo")).isEqualTo("db.example/demo");
        assertThat(SourceName.of("jdbc:postgresql://h1:5432,h2:5433/demo?targetServerType=primary"))
                .isEqualTo("h1:5432,h2:5433/demo");
        assertThat(SourceName.of("jdbc:postgresql:demo?password=x")).isEqualTo("localhost:5432/demo");
        assertThat(SourceName.of("jdbc:postgresql:///demo")).isEqualTo("localhost/demo");
    }
}
