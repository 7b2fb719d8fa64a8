package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Checkout commits: the order is there for the rest of this class, and for no other class. */
class CheckoutTests extends ShopIntegrationTest {

    @Autowired
    Checkout checkout;

    @Test
    void buyingPlacesAPaidOrder() {
        long id = checkout.buy("customer3@shop.example", "SKU-0002", 2);

        assertThat(orders.status(id)).isEqualTo("paid");
        assertThat(orders.count()).isGreaterThan(SNAPSHOT_ORDERS);
    }
}
