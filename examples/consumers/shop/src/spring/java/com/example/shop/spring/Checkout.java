package com.example.shop.spring;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places and pays orders, each in one transaction. */
@Service
public class Checkout {

    private final Orders orders;

    public Checkout(Orders orders) {
        this.orders = orders;
    }

    /** Places an order of {@code quantity} of the product {@code sku} for the customer, paid at once. */
    @Transactional
    public long buy(String email, String sku, int quantity) {
        long id = orders.place(email, sku, quantity);
        orders.pay(id);
        return id;
    }
}
