package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each method gets its own clone: only the method's own write is visible. Extended by the 50 classes of {@link ClonePerMethodTests}. */
@SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.CLONE_PER_METHOD)
abstract class ClonePerMethodCase {

    @Test
    void seesOnlyItsOwnWrite(DataSource dataSource) throws SQLException {
        ShopRows.writeAndCheck(dataSource, getClass().getSimpleName(), 1);
    }
}
