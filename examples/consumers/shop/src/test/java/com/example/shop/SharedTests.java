package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SHARED: 20 methods in one class, and 50 classes. */
class SharedTests {

    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.SHARED)
    class Methods {

        @Test
        void read01(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read02(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read03(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read04(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read05(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read06(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read07(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read08(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read09(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read10(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read11(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read12(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read13(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read14(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read15(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read16(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read17(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read18(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read19(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }

        @Test
        void read20(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertEquals(ShopRows.SNAPSHOT_CUSTOMERS, ShopRows.count(connection, "select count(*) from customers"));
            }
        }
    }

    @Nested
    class Class01 extends SharedCase {
    }

    @Nested
    class Class02 extends SharedCase {
    }

    @Nested
    class Class03 extends SharedCase {
    }

    @Nested
    class Class04 extends SharedCase {
    }

    @Nested
    class Class05 extends SharedCase {
    }

    @Nested
    class Class06 extends SharedCase {
    }

    @Nested
    class Class07 extends SharedCase {
    }

    @Nested
    class Class08 extends SharedCase {
    }

    @Nested
    class Class09 extends SharedCase {
    }

    @Nested
    class Class10 extends SharedCase {
    }

    @Nested
    class Class11 extends SharedCase {
    }

    @Nested
    class Class12 extends SharedCase {
    }

    @Nested
    class Class13 extends SharedCase {
    }

    @Nested
    class Class14 extends SharedCase {
    }

    @Nested
    class Class15 extends SharedCase {
    }

    @Nested
    class Class16 extends SharedCase {
    }

    @Nested
    class Class17 extends SharedCase {
    }

    @Nested
    class Class18 extends SharedCase {
    }

    @Nested
    class Class19 extends SharedCase {
    }

    @Nested
    class Class20 extends SharedCase {
    }

    @Nested
    class Class21 extends SharedCase {
    }

    @Nested
    class Class22 extends SharedCase {
    }

    @Nested
    class Class23 extends SharedCase {
    }

    @Nested
    class Class24 extends SharedCase {
    }

    @Nested
    class Class25 extends SharedCase {
    }

    @Nested
    class Class26 extends SharedCase {
    }

    @Nested
    class Class27 extends SharedCase {
    }

    @Nested
    class Class28 extends SharedCase {
    }

    @Nested
    class Class29 extends SharedCase {
    }

    @Nested
    class Class30 extends SharedCase {
    }

    @Nested
    class Class31 extends SharedCase {
    }

    @Nested
    class Class32 extends SharedCase {
    }

    @Nested
    class Class33 extends SharedCase {
    }

    @Nested
    class Class34 extends SharedCase {
    }

    @Nested
    class Class35 extends SharedCase {
    }

    @Nested
    class Class36 extends SharedCase {
    }

    @Nested
    class Class37 extends SharedCase {
    }

    @Nested
    class Class38 extends SharedCase {
    }

    @Nested
    class Class39 extends SharedCase {
    }

    @Nested
    class Class40 extends SharedCase {
    }

    @Nested
    class Class41 extends SharedCase {
    }

    @Nested
    class Class42 extends SharedCase {
    }

    @Nested
    class Class43 extends SharedCase {
    }

    @Nested
    class Class44 extends SharedCase {
    }

    @Nested
    class Class45 extends SharedCase {
    }

    @Nested
    class Class46 extends SharedCase {
    }

    @Nested
    class Class47 extends SharedCase {
    }

    @Nested
    class Class48 extends SharedCase {
    }

    @Nested
    class Class49 extends SharedCase {
    }

    @Nested
    class Class50 extends SharedCase {
    }
}
