package dev.seedkit.examples.junit;

import static dev.seedkit.examples.junit.WholeSnapshotTests.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Reference rows that a migration inserts itself: {@code reference-rows/V1__orders.sql} creates the order tables
 * and inserts the order statuses with ids of its own (new 1, paid 2, shipped 3, cancelled 4), while the snapshot
 * was exported from a database that got them in another order (new 1, cancelled 2, paid 3, shipped 4). With
 * {@code seedkit.naturalKeys = public.order_status=code} in {@code junit-platform.properties}, the snapshot's
 * statuses are matched to the migration's by code, and every order's {@code status_id} is rewritten to the
 * migration's id for the same status. (Plain ids would keep the migration's rows and point the orders at the
 * wrong statuses, without an error.)
 */
@SeedFromFixtures(value = "classpath:fixtures/reference-rows", initScripts = "classpath:reference-rows/V1__orders.sql")
class ReferenceRowsTests {

    @Test
    void everyOrderHasTheStatusItHadWhereTheSnapshotWasExported(DataSource db) throws SQLException {
        assertThat(statusPerOrder(db)).isEqualTo("1:shipped 2:paid 3:cancelled 4:new 5:shipped");
    }

    @Test
    void theMigrationsStatusesKeepTheirIds(DataSource db) throws SQLException {
        assertThat(value(db, "select count(*) from order_status")).isEqualTo(4);
        assertThat(value(db, "select id from order_status where code = 'cancelled'")).isEqualTo(4);
    }

    private static String statusPerOrder(DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select string_agg(o.id || ':' || st.code, ' ' order by o.id) "
                     + "from orders o join order_status st on st.id = o.status_id")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
