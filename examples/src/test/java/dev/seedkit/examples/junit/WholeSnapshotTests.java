package dev.seedkit.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import dev.seedkit.junit.SeededDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The whole committed snapshot, seeded once into a template and cloned for this class. */
@SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class)
class WholeSnapshotTests {

    @Test
    void everyTableHoldsTheSnapshotsRows(SeededDatabase database) {
        assertThat(database.snapshotVersion()).contains("demo-1");
        assertThat(database.rowCounts()).hasSize(22).containsEntry("public.users", 108L)
                .containsEntry("public.purchases", 100L);
    }

    @Test
    void everyReferenceResolvesSoQueriesAcrossTablesWork(DataSource db) throws SQLException {
        assertThat(value(db, "select count(*) from public.purchases p join public.users u on u.id = p.user_id"))
                .isEqualTo(100);
        assertThat(value(db, "select count(*) from public.users u join public.instructors i on i.id = u.instructor_id"
                + " where i.user_id is not null")).isPositive();
    }

    @Test
    void sequencesWereMovedPastTheLoadedKeysSoNewRowsDoNotCollide(Connection connection) throws SQLException {
        long maxId = value(connection, "select max(id) from public.users");
        long newId = value(connection, "insert into public.users (first_name, last_name, email, status)"
                + " values ('New', 'User', 'new.user@example.com', 'active') returning id");
        assertThat(newId).isGreaterThan(maxId);
    }

    static long value(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            return value(c, sql);
        }
    }

    static long value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
