package com.example.shop;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The application code under test: what a customer has spent, over their order lines. */
public final class OrderTotals {

    private final DataSource dataSource;

    public OrderTotals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The sum of price x quantity over every order line of the customer with {@code email}. */
    public BigDecimal spentBy(String email) throws SQLException {
        String sql = "select coalesce(sum(p.price * l.quantity), 0) from customers c"
                + " join orders o on o.customer_id = c.id join order_lines l on l.order_id = o.id"
                + " join products p on p.id = l.product_id where c.email = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }
}
