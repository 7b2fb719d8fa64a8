package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.databases;
import static dev.seedkit.junit.EngineRuns.queryValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Clones of a template are reached through pools that the template lends out one clone after another. */
@ExtendWith(TestPostgres.class)
class ConnectionPoolTests {

    private RunOwnership owner;

    @BeforeEach
    void claim(PostgresServer server) {
        owner = RunOwnership.claim(server);
    }

    @AfterEach
    void release() {
        owner.close();
    }

    @ParameterizedTest
    @EnumSource(value = Isolation.class, names = {"CLONE_PER_CLASS", "CLONE_PER_METHOD", "ROLLBACK_PER_METHOD"})
    void startsOnePoolForAllClonesOfATemplateWhenClassesRunOneAfterAnother(Isolation isolation,
                                                                          PostgresServer server) {
        int poolsBefore = ConnectionPool.started();

        EngineRuns.on(server).with(SeedkitExtension.ISOLATION_PROPERTY, isolation.name())
                .run(NothingLeftBehindTests.FirstTestCase.class, NothingLeftBehindTests.NestingTestCase.class)
                .testEvents().assertStatistics(stats -> stats.started(10).succeeded(10));

        assertThat(ConnectionPool.started() - poolsBefore).isEqualTo(1);
    }

    @Test
    void aDroppedCloneHandsItsPoolBackOnceHoweverOftenItIsClosed(PostgresServer server) throws SQLException {
        try (TemplateDatabase template = template(server)) {
            ClonedDatabase first = ClonedDatabase.of(template);
            DataSource firstPool = first.dataSource();
            first.close();
            first.close();
            assertThat(databases(server, first.name())).isEmpty();

            ClonedDatabase second = ClonedDatabase.of(template);
            ClonedDatabase third = ClonedDatabase.of(template);

            assertThat(second.dataSource()).isSameAs(firstPool);
            assertThat(third.dataSource()).isNotSameAs(firstPool);
            assertThat(queryValue(second.dataSource(), "select current_database()")).isEqualTo(second.name());
            assertThat(queryValue(third.dataSource(), "select current_database()")).isEqualTo(third.name());
            second.close();
            third.close();
            assertThat(databases(server, "seedkit_%")).doesNotContain(second.name(), third.name());
        }
    }

    private TemplateDatabase template(PostgresServer server) {
        SeedSettings settings = new SeedSettings(new SeedRequest("classpath:fixtures/demo", List.of(),
                ImportMode.INSERT_MISSING, "", "", "ConnectionPoolTests"), List.of(), null, Isolation.CLONE_PER_CLASS,
                ServerSpec.embedded(), false, 0);
        return new TemplateDatabase(server, TemplateRecipe.prepare(settings, new RecipeReads(
                new RecordingSeeder("pools", "c0ffee", Map.of()))), settings, owner);
    }
}
