package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.failureMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.seedkit.core.SeedException;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TestPostgres.class)
class FailureMessageTests {

    private static String nameOf(Class<?> testCase) {
        return testCase.getName();
    }

    @Test
    void saysWhereAMissingSnapshotWasLookedFor(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(MissingSnapshotTestCase.class,
                MissingSnapshotDirectoryTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(2,
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class)));
        String advice = "; fix the location, or export the snapshot there with the seedkit command line.";
        assertThat(failureMessages(results)).containsExactly(
                "Snapshot not found for @SeedFromFixtures on " + nameOf(MissingSnapshotTestCase.class) + ": No "
                        + "snapshot at classpath:fixtures/missing: the class path has no "
                        + "fixtures/missing/manifest.json. Put the snapshot under src/test/resources/fixtures/missing "
                        + "(or another class path folder), or fix the location.",
                "Snapshot not found for @SeedTables on " + nameOf(MissingSnapshotDirectoryTestCase.class) + ": No "
                        + "snapshot at target/no-such-snapshot: the directory does not exist. Export a snapshot there, "
                        + "or fix the location.");
    }

    @Test
    void asksForASnapshotLocationWhenThereIsNone(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).run(NoLocationTestCase.class))).containsExactly(
                "No snapshot location for @SeedFromFixtures on " + nameOf(NoLocationTestCase.class) + ": name one, "
                        + "e.g. @SeedFromFixtures(\"classpath:fixtures/demo\"), or set the configuration parameter "
                        + "seedkit.snapshot in junit-platform.properties.");
    }

    @Test
    void showsTheExpectedAndTheFoundVersionAndChecksum(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(WrongVersionTestCase.class,
                WrongChecksumTestCase.class);

        String mismatch = "Snapshot classpath:fixtures/demo is not the pinned one: SeedkitExtension in ";
        assertThat(failureMessages(results)).containsExactly(
                mismatch + nameOf(WrongVersionTestCase.class) + " expects version \"2\", found \"3\". If the new "
                        + "snapshot is intended, change the pin to version = \"3\"; otherwise restore the snapshot.",
                mismatch + nameOf(WrongChecksumTestCase.class) + " expects checksum \"abc\", found \"def\". If the "
                        + "new snapshot is intended, change the pin to checksum = \"def\"; otherwise restore the "
                        + "snapshot.");
    }

    @Test
    void showsExpectedAndFoundWhenTheSnapshotIsNotThePinnedVersion(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).run(WrongPinnedVersionTestCase.class))).containsExactly(
                "Snapshot classpath:fixtures/demo is not the pinned one: @SeedFromFixtures on "
                        + nameOf(WrongPinnedVersionTestCase.class) + " expects version \"1.0\", found "
                        + "\"junit-demo-1\". If the new snapshot is intended, change the pin to version = "
                        + "\"junit-demo-1\"; otherwise restore the snapshot.");
    }

    @Test
    void saysAPinCannotBeCheckedWhenTheSnapshotStatesNoVersion(PostgresServer server) {
        assertThat(failureMessages(EngineRuns.on(server).run(UncheckablePinTestCase.class))).containsExactly(
                "SeedkitExtension in " + nameOf(UncheckablePinTestCase.class) + " pins snapshot version \"1.0\", "
                        + "but snapshot classpath:fixtures/demo states no version, so the pin cannot be checked: "
                        + "remove the pin, or re-export the snapshot.");
    }

    @Test
    void namesAMissingInitScript(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(MissingScriptTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class)));
        assertThat(failureMessages(results)).containsExactly("Init script not found: classpath:sql/nothing-here.sql "
                + "(@SeedFromFixtures on " + nameOf(MissingScriptTestCase.class) + "). Looked for the classpath "
                + "resource sql/nothing-here.sql; fix the location or add the file.");
    }

    @Test
    void reportsAFailingInitScriptOnceAndThenRefersToIt(PostgresServer server) {
        EngineExecutionResults results = EngineRuns.on(server).run(BrokenScriptTestCase.class,
                AlsoBrokenScriptTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(2,
                finishedWithFailure(instanceOf(SeedException.class)));
        String failure = "Init script classpath:sql/broken.sql failed at line 3: ERROR: relation \"missing_table\" "
                + "does not exist [statement: insert into fine select id from missing_table]";
        List<String> messages = failureMessages(results);
        assertThat(messages).hasSize(2).contains(failure);
        assertThat(messages).anySatisfy(message -> assertThat(message).matches(
                "Template seedkit_tpl_[0-9a-f]{16} could not be seeded earlier in this run: \\Q" + failure + "\\E"));
    }

    @Test
    void explainsThatClonePerMethodHasNoDatabaseBeforeAll(PostgresServer server) {
        String testCase = nameOf(ClonePerMethodBeforeAllTestCase.class);

        assertThat(failureMessages(EngineRuns.on(server).run(ClonePerMethodBeforeAllTestCase.class))).containsExactly(
                "With isolation CLONE_PER_METHOD (@SeedFromFixtures on " + testCase + ") each test method gets its "
                        + "own database, so there is none for @BeforeAll methods or constructors of " + testCase
                        + ": take the parameter in the test method or a @BeforeEach method, or use CLONE_PER_CLASS.");
    }

    @SeedFromFixtures("classpath:fixtures/missing")
    static class MissingSnapshotTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SeedTables(value = "orders", from = "target/no-such-snapshot")
    static class MissingSnapshotDirectoryTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SeedFromFixtures
    static class NoLocationTestCase {
        @Test
        void neverRuns() {
        }
    }

    static class WrongVersionTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo").version("2")
                .seeder(new RecordingSeeder("3", "def", Map.of())).build();

        @Test
        void neverRuns() {
        }
    }

    static class WrongChecksumTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .version("3").checksum("abc").seeder(new RecordingSeeder("3", "def", Map.of())).build();

        @Test
        void neverRuns() {
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", version = "1.0")
    static class WrongPinnedVersionTestCase {
        @Test
        void neverRuns() {
        }
    }

    static class UncheckablePinTestCase {
        @RegisterExtension
        static SeedkitExtension seedkit = SeedkitExtension.builder().snapshot("classpath:fixtures/demo")
                .version("1.0").seeder(new RecordingSeeder(null, null, Map.of())).build();

        @Test
        void neverRuns() {
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/nothing-here.sql")
    static class MissingScriptTestCase {
        @Test
        void neverRuns() {
        }
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/broken.sql")
    static class BrokenScriptTestCase {
        @Test
        void neverRuns() {
        }
    }

    static class AlsoBrokenScriptTestCase extends BrokenScriptTestCase {
    }

    @SeedFromFixtures(value = "classpath:fixtures/demo", initScripts = "classpath:sql/orders-schema.sql",
            isolation = Isolation.CLONE_PER_METHOD)
    static class ClonePerMethodBeforeAllTestCase {
        @BeforeAll
        static void setUp(DataSource dataSource) {
        }

        @Test
        void neverRuns() {
        }
    }
}
