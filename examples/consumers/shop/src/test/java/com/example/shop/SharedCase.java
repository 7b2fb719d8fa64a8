package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** All SHARED classes use one database: they only read, and see the snapshot. Extended by the 50 classes of {@link SharedTests}. */
@SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.SHARED)
abstract class SharedCase {

    @Test
    void seesTheSnapshot(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            assertEquals(240, ShopRows.count(connection, "select count(*) from order_lines"));
        }
    }
}
