package dev.seedkit.core.internal;

import static dev.seedkit.core.snapshot.SnapshotFixture.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.core.SeedException.Code;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reading of locations for snapshots and single files (the JUnit extension's init scripts). */
class LocationTests {

    @Test
    void readsClassPathFileAndPlainLocations() {
        assertThat(Location.parse("classpath:/fixtures/demo/")).isEqualTo(new Location(null, "fixtures/demo"));
        assertThat(Location.parse("file:fixtures/demo")).isEqualTo(new Location(Path.of("fixtures/demo"), null));
        assertThat(Location.parse("fixtures/demo")).isEqualTo(new Location(Path.of("fixtures/demo"), null));
        assertThat(Location.parse("classpath:fixtures/demo")).hasToString("classpath:fixtures/demo");
    }

    @Test
    void readsTheTextOfAFileAtAPathWithOrWithoutTheFilePrefix(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("init.sql"), "create table t (id int);\n");

        assertThat(Location.parse("file:" + script).readText(Location.defaultLoader(), "Init script", "a test"))
                .isEqualTo("create table t (id int);\n");
        assertThat(Location.parse(script.toString()).readText(Location.defaultLoader(), "Init script", "a test"))
                .isEqualTo("create table t (id int);\n");
    }

    @Test
    void readsAClassPathResourceWithTheClassLoaderItIsGiven(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/only-here.sql"), "select 1;\n");
        Location location = Location.parse("classpath:sql/only-here.sql");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(location.readText(loader, "Init script", "a test")).isEqualTo("select 1;\n");
        }
        assertFailure(() -> location.readText(Location.defaultLoader(), "Init script", "a test"),
                Code.CONFIGURATION, "Init script not found: classpath:sql/only-here.sql (a test). Looked for the "
                        + "classpath resource sql/only-here.sql; fix the location or add the file.");
    }

    @Test
    void saysWhereItLookedForAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nothing-here.sql");
        assertFailure(() -> Location.parse("file:" + missing).readText(Location.defaultLoader(), "Init script",
                "@SeedFromFixtures on SomeTests"), Code.CONFIGURATION, "Init script not found: " + missing
                + " (@SeedFromFixtures on SomeTests). Looked for the path " + missing + "; fix the location or add "
                + "the file.");
    }
}
