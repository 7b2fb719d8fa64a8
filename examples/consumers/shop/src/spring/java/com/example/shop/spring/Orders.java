package com.example.shop.spring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines, through Spring's JdbcClient. */
@Repository
public class Orders {

    private final JdbcClient jdbc;

    public Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from orders").query(Long.class).single();
    }

    public long countPlacedBy(String email) {
        return jdbc.sql("select count(*) from orders o join customers c on c.id = o.customer_id where c.email = ?")
                .param(email).query(Long.class).single();
    }

    /** Inserts an open order of the customer with one line and returns its id. */
    public long place(String email, String sku, int quantity) {
        long id = jdbc.sql("insert into orders (customer_id) select id from customers where email = ? returning id")
                .param(email).query(Long.class).single();
        jdbc.sql("insert into order_lines (order_id, line_no, product_id, quantity)"
                        + " select ?, 1, id, ? from products where sku = ?")
                .params(id, quantity, sku).update();
        return id;
    }

    public String status(long id) {
        return jdbc.sql("select status from orders where id = ?").param(id).query(String.class).single();
    }

    public void pay(long id) {
        jdbc.sql("update orders set status = 'paid' where id = ? and status = 'open'").param(id).update();
    }
}
