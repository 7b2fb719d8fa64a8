package com.example.shop;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeedFromFixtures;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CLONE_PER_METHOD: 20 methods in one class, and 50 classes. */
class ClonePerMethodTests {

    @Nested
    @SeedFromFixtures(value = "classpath:fixtures/shop", isolation = Isolation.CLONE_PER_METHOD)
    class Methods {

        @Test
        void write01(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write02(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write03(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write04(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write05(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write06(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write07(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write08(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write09(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write10(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write11(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write12(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write13(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write14(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write15(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write16(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write17(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write18(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write19(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }

        @Test
        void write20(DataSource dataSource) throws SQLException {
            ShopRows.writeAndCheck(dataSource, "Methods", 1);
        }
    }

    @Nested
    class Class01 extends ClonePerMethodCase {
    }

    @Nested
    class Class02 extends ClonePerMethodCase {
    }

    @Nested
    class Class03 extends ClonePerMethodCase {
    }

    @Nested
    class Class04 extends ClonePerMethodCase {
    }

    @Nested
    class Class05 extends ClonePerMethodCase {
    }

    @Nested
    class Class06 extends ClonePerMethodCase {
    }

    @Nested
    class Class07 extends ClonePerMethodCase {
    }

    @Nested
    class Class08 extends ClonePerMethodCase {
    }

    @Nested
    class Class09 extends ClonePerMethodCase {
    }

    @Nested
    class Class10 extends ClonePerMethodCase {
    }

    @Nested
    class Class11 extends ClonePerMethodCase {
    }

    @Nested
    class Class12 extends ClonePerMethodCase {
    }

    @Nested
    class Class13 extends ClonePerMethodCase {
    }

    @Nested
    class Class14 extends ClonePerMethodCase {
    }

    @Nested
    class Class15 extends ClonePerMethodCase {
    }

    @Nested
    class Class16 extends ClonePerMethodCase {
    }

    @Nested
    class Class17 extends ClonePerMethodCase {
    }

    @Nested
    class Class18 extends ClonePerMethodCase {
    }

    @Nested
    class Class19 extends ClonePerMethodCase {
    }

    @Nested
    class Class20 extends ClonePerMethodCase {
    }

    @Nested
    class Class21 extends ClonePerMethodCase {
    }

    @Nested
    class Class22 extends ClonePerMethodCase {
    }

    @Nested
    class Class23 extends ClonePerMethodCase {
    }

    @Nested
    class Class24 extends ClonePerMethodCase {
    }

    @Nested
    class Class25 extends ClonePerMethodCase {
    }

    @Nested
    class Class26 extends ClonePerMethodCase {
    }

    @Nested
    class Class27 extends ClonePerMethodCase {
    }

    @Nested
    class Class28 extends ClonePerMethodCase {
    }

    @Nested
    class Class29 extends ClonePerMethodCase {
    }

    @Nested
    class Class30 extends ClonePerMethodCase {
    }

    @Nested
    class Class31 extends ClonePerMethodCase {
    }

    @Nested
    class Class32 extends ClonePerMethodCase {
    }

    @Nested
    class Class33 extends ClonePerMethodCase {
    }

    @Nested
    class Class34 extends ClonePerMethodCase {
    }

    @Nested
    class Class35 extends ClonePerMethodCase {
    }

    @Nested
    class Class36 extends ClonePerMethodCase {
    }

    @Nested
    class Class37 extends ClonePerMethodCase {
    }

    @Nested
    class Class38 extends ClonePerMethodCase {
    }

    @Nested
    class Class39 extends ClonePerMethodCase {
    }

    @Nested
    class Class40 extends ClonePerMethodCase {
    }

    @Nested
    class Class41 extends ClonePerMethodCase {
    }

    @Nested
    class Class42 extends ClonePerMethodCase {
    }

    @Nested
    class Class43 extends ClonePerMethodCase {
    }

    @Nested
    class Class44 extends ClonePerMethodCase {
    }

    @Nested
    class Class45 extends ClonePerMethodCase {
    }

    @Nested
    class Class46 extends ClonePerMethodCase {
    }

    @Nested
    class Class47 extends ClonePerMethodCase {
    }

    @Nested
    class Class48 extends ClonePerMethodCase {
    }

    @Nested
    class Class49 extends ClonePerMethodCase {
    }

    @Nested
    class Class50 extends ClonePerMethodCase {
    }
}
