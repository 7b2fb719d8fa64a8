package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What the consumer's tests do with the shop database: write a customer of their own, count what they see. */
final class ShopRows {

    /** Customers in the committed snapshot (fixtures/shop). */
    static final int SNAPSHOT_CUSTOMERS = 60;

    private ShopRows() {
    }

    /**
     * Inserts a customer owned by {@code owner} (the identity column must have been moved past the snapshot's ids)
     * and asserts that the database holds the snapshot's customers plus exactly {@code expectedWrites} written by
     * tests, all of them by {@code owner}: no other class's (or, per isolation, method's) write is visible.
     */
    static void writeAndCheck(DataSource dataSource, String owner, int expectedWrites) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            writeAndCheck(connection, owner, expectedWrites);
        }
    }

    static void writeAndCheck(Connection connection, String owner, int expectedWrites) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into customers (email, name) values (?, 'written by a test') returning id")) {
            insert.setString(1, owner + "-" + System.nanoTime() + "@test.example");
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                assertEquals(true, id.getLong(1) > SNAPSHOT_CUSTOMERS, "identity moved past the snapshot's ids");
            }
        }
        assertEquals(SNAPSHOT_CUSTOMERS + expectedWrites, count(connection, "select count(*) from customers"));
        assertEquals(0, count(connection, "select count(*) from customers where email like '%@test.example' "
                + "and email not like '" + owner + "-%'"), "writes of other tests are visible");
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
