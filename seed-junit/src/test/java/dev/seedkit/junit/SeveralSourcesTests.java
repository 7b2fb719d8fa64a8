package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several locations on one annotation load in order into one template: a snapshot, then a YAML file on top. */
@ExtendWith(TestPostgres.class)
class SeveralSourcesTests {

    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    @Test
    void aSnapshotAndAYamlFileOfExtraRowsSeedOneTemplate(PostgresServer server) {
        EngineRuns.on(server).run(SnapshotPlusYamlTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(seen.get("orders")).isEqualTo("3");
        assertThat(seen.get("extra")).isEqualTo("extra");
        assertThat(seen.get("changes")).isEqualTo("no changes");
        assertThat(seen.get("version")).isEqualTo("junit-demo-1+fixtures:orders-extra.yml");
        assertThat(((Map<?, ?>) seen.get("rows")).get("public.orders")).isEqualTo(3L);
    }

    @SeedFromFixtures(value = {"classpath:fixtures/demo", "classpath:fixtures/orders-extra.yml"},
            initScripts = "classpath:sql/orders-schema.sql")
    static class SnapshotPlusYamlTestCase {
        @Test
        void seesBoth(Connection connection, SeededDatabase database) throws SQLException {
            seen.put("orders", queryValue(connection, "select count(*) from orders"));
            seen.put("extra", queryValue(connection, "select note from orders where id = 12"));
            seen.put("changes", database.changes().render());
            seen.put("version", database.snapshotVersion().orElse(""));
            seen.put("rows", database.rowCounts());
        }
    }
}
