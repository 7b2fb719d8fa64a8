package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} tests: Spring rolls each method back, on the class's own copy. */
@Transactional
class RolledBackCheckoutTests extends ShopIntegrationTest {

    @Autowired
    Checkout checkout;

    @RepeatedTest(3)
    void everyRepetitionStartsFromTheSnapshot() {
        long before = orders.countPlacedBy("customer5@shop.example");
        assertThat(orders.count()).isEqualTo(SNAPSHOT_ORDERS);

        checkout.buy("customer5@shop.example", "SKU-0003", 1);

        assertThat(orders.countPlacedBy("customer5@shop.example")).isEqualTo(before + 1);
    }
}
