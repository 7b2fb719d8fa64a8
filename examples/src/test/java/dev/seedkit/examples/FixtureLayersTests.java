package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.seedkit.core.SeedException;
import dev.seedkit.core.Seedkit;
import dev.seedkit.core.importer.ImportReport;
import dev.seedkit.core.snapshot.Snapshot;
import dev.seedkit.postgres.testing.TestDatabase;
import dev.seedkit.postgres.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed snapshot plus a hand-written YAML file on top, in plain Java: the one importer loads both, the YAML
 * rows referencing the snapshot's rows; a bad fixture is refused naming its file and line, with nothing written.
 */
@ExtendWith(TestPostgres.class)
class FixtureLayersTests {

    @Test
    void aYamlFileAddsRowsOnTopOfTheSnapshot(TestDatabase server) throws Exception {
        try (ScratchDatabase test = ScratchDatabase.create(server.server()); Connection connection = test.connect()) {
            DemoDatabase.migrate(connection);
            long inserted = 0;
            // README: snapshot plus fixtures
            for (String location : List.of("classpath:fixtures/demo", "classpath:fixtures/purchases-extra.yml")) {
                try (Snapshot snapshot = Seedkit.open(location)) {     // a snapshot, a fixture folder or file
                    ImportReport report = Seedkit.importer().build().importInto(connection, snapshot);
                    inserted += report.inserted();
                }
            }
            // README: end
            assertThat(inserted).isEqualTo(1146 + 2);     // the snapshot's rows, the YAML's two
            assertThat(count(connection, "select count(*) from public.purchases where discount_code = 'SPRING-50' "
                    + "and user_id = 1")).isOne();
            assertThat(count(connection, "insert into public.discount_codes (code, percent_off) values ('NEW', 5) "
                    + "returning id")).isEqualTo(901);
        }
    }

    @Test
    void aFixtureReferencingARowNeitherItNorTheDatabaseHoldsIsRefusedAndNothingIsWritten(TestDatabase server,
            @TempDir Path dir) throws Exception {
        Path fixture = Files.writeString(dir.resolve("purchases.yml"), """
                public.purchases:
                  - {id: 00000000-0000-4000-8000-000000000002, user_id: 1, amount: 5, status: paid,
                     purchased_at: 2026-04-02 10:00:00+00}
                  - id: 00000000-0000-4000-8000-000000000003
                    user_id: 424242
                    amount: 5
                    status: paid
                    purchased_at: 2026-04-02 10:00:00+00
                """);
        try (ScratchDatabase test = ScratchDatabase.create(server.server()); Connection connection = test.connect()) {
            DemoDatabase.migrate(connection);
            try (Snapshot snapshot = Seedkit.open("classpath:fixtures/demo")) {
                Seedkit.importer().build().importInto(connection, snapshot);
            }
            SeedException e = catchThrowableOfType(SeedException.class, () -> {
                try (Snapshot snapshot = Seedkit.open(fixture.toString())) {
                    Seedkit.importer().build().importInto(connection, snapshot);
                }
            });
            assertThat(e).hasMessageContaining("file purchases.yml, line 4, key (id)=(00000000-0000-4000-8000-"
                    + "000000000003): 1 row of public.purchases references no row of public.users through foreign "
                    + "key purchases_user_id_fkey: (user_id)=(424242)");
            assertThat(count(connection, "select count(*) from public.purchases")).isEqualTo(100);
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
