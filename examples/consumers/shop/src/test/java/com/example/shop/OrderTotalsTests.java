package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seedkit.junit.FlywayMigrations;
import dev.seedkit.junit.SeedFromFixtures;
import java.math.BigDecimal;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's first test: the schema from the project's Flyway migrations, the rows from the snapshot. */
@SeedFromFixtures(value = "classpath:fixtures/shop", initializer = FlywayMigrations.class)
class OrderTotalsTests {

    @Test
    void sumsEveryOrderLineOfTheCustomer(DataSource dataSource) throws Exception {
        BigDecimal spent = new OrderTotals(dataSource).spentBy("customer8@shop.example");

        assertEquals(new BigDecimal("1042.50"), spent);
    }
}
