package dev.seedkit.junit;

import static dev.seedkit.junit.EngineRuns.databases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.importer.ImportMode;
import dev.seedkit.postgres.PostgresServer;
import dev.seedkit.postgres.testing.TestPostgres;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Copies made ahead of need: handed out once each, made off the caller's path, none left after the run. */
@ExtendWith(TestPostgres.class)
class ReadyClonesTests {

    private RunOwnership owner;

    @BeforeEach
    void claim(PostgresServer server) {
        owner = RunOwnership.claim(server);
    }

    @AfterEach
    void release() {
        owner.close();
    }

    @Test
    void laterCopiesAreMadeAheadOnTheBackgroundThread(PostgresServer server) throws Exception {
        TemplateDatabase template = template(server, "ahead", 2);
        String prefix;
        try (template) {
            template.build();
            prefix = clonePrefix(template);
            List<ClonedDatabase> used = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                awaitReady(template, 2);
                used.add(ClonedDatabase.of(template));
            }
            used.forEach(ClonedDatabase::close);

            ReadyClones.Counts counts = template.clones().counts();
            assertThat(counts.madeOnPath()).as("copies made on the caller's path").isEqualTo(1);
            assertThat(counts.madeAhead()).as("copies made ahead").isGreaterThanOrEqualTo(5);
            assertThat(template.strategy().chosen()).as("method chosen after two copies of each kind").isNotNull();
        }
        assertThat(databases(server, prefix + "%")).as("copies left after the template closed").isEmpty();
    }

    @Test
    void neverHandsOneCopyToTwoCallersWhateverTheParallelism(PostgresServer server) throws Exception {
        TemplateDatabase template = template(server, "parallel", 2);
        String prefix;
        try (template) {
            template.build();
            prefix = clonePrefix(template);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> taken = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    taken.add(callers.submit(() -> {
                        ClonedDatabase clone = ClonedDatabase.of(template);
                        clone.close();
                        return clone.name();
                    }));
                }
                Set<String> names = new HashSet<>();
                for (Future<String> name : taken) {
                    assertThat(names.add(name.get())).as("handed out once: " + name.get()).isTrue();
                }
            } finally {
                callers.shutdown();
            }
        }
        assertThat(databases(server, prefix + "%")).as("copies left after the template closed").isEmpty();
    }

    @Test
    void withoutAPoolEveryCopyIsMadeAndDroppedOnTheCallersPath(PostgresServer server) throws Exception {
        try (TemplateDatabase template = template(server, "off", 0)) {
            template.build();
            ClonedDatabase clone = ClonedDatabase.of(template);
            clone.close();

            assertThat(databases(server, clone.name())).as("dropped by close itself").isEmpty();
            assertThat(template.clones().counts()).isEqualTo(new ReadyClones.Counts(0, 1));
        }
    }

    private static void awaitReady(TemplateDatabase template, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (template.clones().readyCount() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Every copy's name starts so: {@code seedkit_<8 hex digits of the template>_}. */
    private static String clonePrefix(TemplateDatabase template) {
        String name = template.newCloneName();
        return name.substring(0, name.lastIndexOf('_') + 1);
    }

    private TemplateDatabase template(PostgresServer server, String version, int readyClones)
            throws SQLException {
        SeedSettings settings = new SeedSettings(new SeedRequest("classpath:fixtures/demo", List.of(),
                ImportMode.INSERT_MISSING, "", "", "ReadyClonesTests"), List.of(), null, Isolation.CLONE_PER_CLASS,
                ServerSpec.embedded(), false, readyClones);
        return new TemplateDatabase(server, TemplateRecipe.prepare(settings, new RecipeReads(
                new RecordingSeeder("ready-" + version, "c0ffee", Map.of()))), settings, owner);
    }
}
