package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Each method runs in a transaction rolled back after it: only its own write is visible. Extended by the 50 classes of {@link RollbackPerMethodTests}. */
@SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.ROLLBACK_PER_METHOD)
abstract class RollbackPerMethodCase {

    @Test
    void seesOnlyItsOwnWrite(Connection connection) throws SQLException {
        ShopRows.writeAndCheck(connection, getClass().getSimpleName(), 1);
    }
}
