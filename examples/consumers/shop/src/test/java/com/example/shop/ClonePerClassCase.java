package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each class gets its own clone: writes of other classes are never visible; a class sees its own. Extended by the 50 classes of {@link ClonePerClassTests}. */
@SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.CLONE_PER_CLASS)
abstract class ClonePerClassCase {

    @Test
    void seesOnlyItsOwnWrite(DataSource dataSource) throws SQLException {
        ShopRows.writeAndCheck(dataSource, getClass().getSimpleName(), 1);
    }
}
