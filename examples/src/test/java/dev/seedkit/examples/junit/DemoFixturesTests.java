package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeededDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The team's meta-annotation, pinned to the snapshot's version: one word on the class. */
@DemoFixtures
class DemoFixturesTests {

    @Test
    void theMetaAnnotationSeedsThePinnedSnapshot(SeededDatabase database, DataSource db) throws SQLException {
        assertThat(database.snapshotVersion()).contains("demo-1");
        assertThat(value(db, "select count(*) from public.platform_events")).isEqualTo(100);
    }
}
