package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedTables;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Only the purchases, plus exactly the ancestor rows they need: users (and their creators), discount codes. */
@SeedTables(value = "public.purchases", from = "classpath:fixtures/demo", initializer = DemoSchema.class)
class SeedTablesTests {

    @Test
    void loadsTheChosenTableAndOnlyTheAncestorRowsItReferences(DataSource db) throws SQLException {
        assertThat(value(db, "select count(*) from public.purchases")).isEqualTo(100);
        assertThat(value(db, "select count(*) from public.users u where not exists (select 1 from public.purchases p"
                + " where p.user_id = u.id) and not exists (select 1 from public.users c where c.created_by = u.id)"
                + " and not exists (select 1 from public.instructors i where i.id = u.instructor_id)"))
                .as("every user is there because something references it").isZero();
        assertThat(value(db, "select count(*) from public.trading_accounts")).as("children are not pulled in").isZero();
    }
}
