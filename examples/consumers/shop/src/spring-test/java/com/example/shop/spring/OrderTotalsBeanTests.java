package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.OrderTotals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The plain OrderTotals, as a bean on Seedkit's DataSource, over the snapshot and over what this class buys. */
class OrderTotalsBeanTests extends ShopIntegrationTest {

    @Autowired
    OrderTotals totals;
    @Autowired
    Checkout checkout;

    @Test
    void sumsTheSnapshotsOrderLines() throws Exception {
        assertThat(totals.spentBy("customer8@shop.example")).isEqualByComparingTo("1042.50");
    }

    @Test
    void countsWhatTheCustomerBuys() throws Exception {
        BigDecimal before = totals.spentBy("customer1@shop.example");

        checkout.buy("customer1@shop.example", "SKU-0001", 4);

        assertThat(totals.spentBy("customer1@shop.example")).isEqualByComparingTo(before.add(new BigDecimal("15.00")));
    }
}
