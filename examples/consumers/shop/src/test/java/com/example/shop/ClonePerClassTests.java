package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** CLONE_PER_CLASS: 20 methods in one class, and 50 classes. */
class ClonePerClassTests {

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.CLONE_PER_CLASS)
    class Methods {

        @Test
        @Order(1)
        void write01(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        @Order(2)
        void write02(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 2);
        }

        @Test
        @Order(3)
        void write03(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 3);
        }

        @Test
        @Order(4)
        void write04(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 4);
        }

        @Test
        @Order(5)
        void write05(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 5);
        }

        @Test
        @Order(6)
        void write06(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 6);
        }

        @Test
        @Order(7)
        void write07(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 7);
        }

        @Test
        @Order(8)
        void write08(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 8);
        }

        @Test
        @Order(9)
        void write09(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 9);
        }

        @Test
        @Order(10)
        void write10(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 10);
        }

        @Test
        @Order(11)
        void write11(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 11);
        }

        @Test
        @Order(12)
        void write12(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 12);
        }

        @Test
        @Order(13)
        void write13(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 13);
        }

        @Test
        @Order(14)
        void write14(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 14);
        }

        @Test
        @Order(15)
        void write15(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 15);
        }

        @Test
        @Order(16)
        void write16(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 16);
        }

        @Test
        @Order(17)
        void write17(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 17);
        }

        @Test
        @Order(18)
        void write18(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 18);
        }

        @Test
        @Order(19)
        void write19(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 19);
        }

        @Test
        @Order(20)
        void write20(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 20);
        }
    }

    @Nested
    class Class01 extends ClonePerClassCase {
    }

    @Nested
    class Class02 extends ClonePerClassCase {
    }

    @Nested
    class Class03 extends ClonePerClassCase {
    }

    @Nested
    class Class04 extends ClonePerClassCase {
    }

    @Nested
    class Class05 extends ClonePerClassCase {
    }

    @Nested
    class Class06 extends ClonePerClassCase {
    }

    @Nested
    class Class07 extends ClonePerClassCase {
    }

    @Nested
    class Class08 extends ClonePerClassCase {
    }

    @Nested
    class Class09 extends ClonePerClassCase {
    }

    @Nested
    class Class10 extends ClonePerClassCase {
    }

    @Nested
    class Class11 extends ClonePerClassCase {
    }

    @Nested
    class Class12 extends ClonePerClassCase {
    }

    @Nested
    class Class13 extends ClonePerClassCase {
    }

    @Nested
    class Class14 extends ClonePerClassCase {
    }

    @Nested
    class Class15 extends ClonePerClassCase {
    }

    @Nested
    class Class16 extends ClonePerClassCase {
    }

    @Nested
    class Class17 extends ClonePerClassCase {
    }

    @Nested
    class Class18 extends ClonePerClassCase {
    }

    @Nested
    class Class19 extends ClonePerClassCase {
    }

    @Nested
    class Class20 extends ClonePerClassCase {
    }

    @Nested
    class Class21 extends ClonePerClassCase {
    }

    @Nested
    class Class22 extends ClonePerClassCase {
    }

    @Nested
    class Class23 extends ClonePerClassCase {
    }

    @Nested
    class Class24 extends ClonePerClassCase {
    }

    @Nested
    class Class25 extends ClonePerClassCase {
    }

    @Nested
    class Class26 extends ClonePerClassCase {
    }

    @Nested
    class Class27 extends ClonePerClassCase {
    }

    @Nested
    class Class28 extends ClonePerClassCase {
    }

    @Nested
    class Class29 extends ClonePerClassCase {
    }

    @Nested
    class Class30 extends ClonePerClassCase {
    }

    @Nested
    class Class31 extends ClonePerClassCase {
    }

    @Nested
    class Class32 extends ClonePerClassCase {
    }

    @Nested
    class Class33 extends ClonePerClassCase {
    }

    @Nested
    class Class34 extends ClonePerClassCase {
    }

    @Nested
    class Class35 extends ClonePerClassCase {
    }

    @Nested
    class Class36 extends ClonePerClassCase {
    }

    @Nested
    class Class37 extends ClonePerClassCase {
    }

    @Nested
    class Class38 extends ClonePerClassCase {
    }

    @Nested
    class Class39 extends ClonePerClassCase {
    }

    @Nested
    class Class40 extends ClonePerClassCase {
    }

    @Nested
    class Class41 extends ClonePerClassCase {
    }

    @Nested
    class Class42 extends ClonePerClassCase {
    }

    @Nested
    class Class43 extends ClonePerClassCase {
    }

    @Nested
    class Class44 extends ClonePerClassCase {
    }

    @Nested
    class Class45 extends ClonePerClassCase {
    }

    @Nested
    class Class46 extends ClonePerClassCase {
    }

    @Nested
    class Class47 extends ClonePerClassCase {
    }

    @Nested
    class Class48 extends ClonePerClassCase {
    }

    @Nested
    class Class49 extends ClonePerClassCase {
    }

    @Nested
    class Class50 extends ClonePerClassCase {
    }
}
