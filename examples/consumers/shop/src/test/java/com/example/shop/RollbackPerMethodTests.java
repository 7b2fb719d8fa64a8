package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** ROLLBACK_PER_METHOD: 20 methods in one class, and 50 classes. */
class RollbackPerMethodTests {

    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.ROLLBACK_PER_METHOD)
    class Methods {

        @Test
        void write01(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write02(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write03(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write04(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write05(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write06(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write07(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write08(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write09(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write10(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write11(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write12(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write13(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write14(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write15(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write16(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write17(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write18(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write19(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }

        @Test
        void write20(Connection connection) throws SQLException {
            ShopRows.writeAndCheck(connection, "Methods", 1);
        }
    }

    @Nested
    class Class01 extends RollbackPerMethodCase {
    }

    @Nested
    class Class02 extends RollbackPerMethodCase {
    }

    @Nested
    class Class03 extends RollbackPerMethodCase {
    }

    @Nested
    class Class04 extends RollbackPerMethodCase {
    }

    @Nested
    class Class05 extends RollbackPerMethodCase {
    }

    @Nested
    class Class06 extends RollbackPerMethodCase {
    }

    @Nested
    class Class07 extends RollbackPerMethodCase {
    }

    @Nested
    class Class08 extends RollbackPerMethodCase {
    }

    @Nested
    class Class09 extends RollbackPerMethodCase {
    }

    @Nested
    class Class10 extends RollbackPerMethodCase {
    }

    @Nested
    class Class11 extends RollbackPerMethodCase {
    }

    @Nested
    class Class12 extends RollbackPerMethodCase {
    }

    @Nested
    class Class13 extends RollbackPerMethodCase {
    }

    @Nested
    class Class14 extends RollbackPerMethodCase {
    }

    @Nested
    class Class15 extends RollbackPerMethodCase {
    }

    @Nested
    class Class16 extends RollbackPerMethodCase {
    }

    @Nested
    class Class17 extends RollbackPerMethodCase {
    }

    @Nested
    class Class18 extends RollbackPerMethodCase {
    }

    @Nested
    class Class19 extends RollbackPerMethodCase {
    }

    @Nested
    class Class20 extends RollbackPerMethodCase {
    }

    @Nested
    class Class21 extends RollbackPerMethodCase {
    }

    @Nested
    class Class22 extends RollbackPerMethodCase {
    }

    @Nested
    class Class23 extends RollbackPerMethodCase {
    }

    @Nested
    class Class24 extends RollbackPerMethodCase {
    }

    @Nested
    class Class25 extends RollbackPerMethodCase {
    }

    @Nested
    class Class26 extends RollbackPerMethodCase {
    }

    @Nested
    class Class27 extends RollbackPerMethodCase {
    }

    @Nested
    class Class28 extends RollbackPerMethodCase {
    }

    @Nested
    class Class29 extends RollbackPerMethodCase {
    }

    @Nested
    class Class30 extends RollbackPerMethodCase {
    }

    @Nested
    class Class31 extends RollbackPerMethodCase {
    }

    @Nested
    class Class32 extends RollbackPerMethodCase {
    }

    @Nested
    class Class33 extends RollbackPerMethodCase {
    }

    @Nested
    class Class34 extends RollbackPerMethodCase {
    }

    @Nested
    class Class35 extends RollbackPerMethodCase {
    }

    @Nested
    class Class36 extends RollbackPerMethodCase {
    }

    @Nested
    class Class37 extends RollbackPerMethodCase {
    }

    @Nested
    class Class38 extends RollbackPerMethodCase {
    }

    @Nested
    class Class39 extends RollbackPerMethodCase {
    }

    @Nested
    class Class40 extends RollbackPerMethodCase {
    }

    @Nested
    class Class41 extends RollbackPerMethodCase {
    }

    @Nested
    class Class42 extends RollbackPerMethodCase {
    }

    @Nested
    class Class43 extends RollbackPerMethodCase {
    }

    @Nested
    class Class44 extends RollbackPerMethodCase {
    }

    @Nested
    class Class45 extends RollbackPerMethodCase {
    }

    @Nested
    class Class46 extends RollbackPerMethodCase {
    }

    @Nested
    class Class47 extends RollbackPerMethodCase {
    }

    @Nested
    class Class48 extends RollbackPerMethodCase {
    }

    @Nested
    class Class49 extends RollbackPerMethodCase {
    }

    @Nested
    class Class50 extends RollbackPerMethodCase {
    }
}
