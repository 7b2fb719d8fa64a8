package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.exporter.SnapshotExporter;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference rows a migration inserts with ids of its own ({@code order_status}: new 1, paid 2, shipped 3), and a
 * snapshot whose copies of them carry other ids (shipped 1, paid 2, new 3, refunded 4): with
 * {@value SeedkitExtension#NATURAL_KEYS_PROPERTY} naming {@code code}, the snapshot's orders point at the same
 * statuses as where it was exported; without it, plain ids keep the migration's rows and the orders point at the
 * wrong ones.
 */
@ExtendWith(TestPostgres.class)
class NaturalKeySettingTests {

    @TempDir
    static Path dir;

    static Path snapshot;

    @BeforeAll
    static void exportFromADatabaseWhoseStatusesHaveOtherIds(PostgresServer server) throws SQLException {
        String database = "production_" + System.nanoTime();
        EngineRuns.execute(server, "create database " + database);
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            s.execute("""
                    create table order_status (id serial primary key, code text not null unique, label text not null);
                    insert into order_status (code, label) values ('shipped', 'Shipped'), ('paid', 'Paid'),
                        ('new', 'New'), ('refunded', 'Refunded');
                    create table orders (id int primary key, status_id int not null references order_status,
                        total numeric(10,2));
                    insert into orders values (1, 1, 10.00), (2, 3, 20.00), (3, 4, 30.00);
                    """);
            snapshot = dir.resolve("reference-rows");
            SnapshotExporter.builder().build().export(c, snapshot);
        } finally {
            EngineRuns.execute(server, "drop database " + database + " with (force)");
        }
    }

    @Test
    void theOrdersPointAtTheirStatusesByCodeWhenTheNaturalKeyIsDeclared(PostgresServer server) {
        EngineRuns.on(server).with(SeedkitExtension.SNAPSHOT_PROPERTY, snapshot.toString())
                .with(SeedkitExtension.NATURAL_KEYS_PROPERTY, "public.order_status=code; public.nowhere=x")
                .run(ReferenceRowsTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void withoutItTheMigrationsIdsWinAndTheOrdersPointAtTheWrongStatuses(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).with(SeedkitExtension.SNAPSHOT_PROPERTY,
                snapshot.toString()).run(ReferenceRowsTestCase.class)))
                .singleElement().asString().contains("expected: \"1:shipped,2:new,3:refunded\"")
                .contains("but was: \"1:new,2:shipped,3:refunded\"");
    }

    @Test
    void aDeclarationThatIsNotTableEqualsColumnsFailsTheClass(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).with(SeedkitExtension.SNAPSHOT_PROPERTY,
                snapshot.toString()).with(SeedkitExtension.NATURAL_KEYS_PROPERTY, "order_status")
                .run(ReferenceRowsTestCase.class)))
                .anySatisfy(message -> assertThat(message).contains("Configuration parameter seedkit.naturalKeys "
                        + "holds 'order_status', which is not TABLE=COLUMNS"));
    }

    @SeedFromFixtures(initScripts = "classpath:sql/order-status-migration.sql")
    static class ReferenceRowsTestCase {
        @Test
        void ordersKeepTheirStatuses(DataSource db) throws SQLException {
            assertThat(queryValue(db, "select string_agg(o.id || ':' || s.code, ',' order by o.id) from orders o "
                    + "join order_status s on s.id = o.status_id")).isEqualTo("1:shipped,2:new,3:refunded");
            assertThat(queryValue(db, "select id from order_status where code = 'new'")).as("the migration's id")
                    .isEqualTo("1");
        }
    }
}
