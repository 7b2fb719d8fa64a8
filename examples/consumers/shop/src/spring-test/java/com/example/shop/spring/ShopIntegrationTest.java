package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.FlywayMigrations;
import dev.seedkit.spring.SeededDataSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The base class of the shop's Spring tests, as Spring users write one: every subclass gets its own copy of the
 * snapshot behind the application's DataSource, all of them share one application context, and none needs
 * {@code @DirtiesContext}. Every subclass writes, so a copy shared by mistake fails {@link #startsFromTheSnapshot()}, which runs first.
 */
@SpringBootTest
@SeededDataSource(value = "classpath:fixtures/shop", initializer = FlywayMigrations.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShopIntegrationTest {

    static final long SNAPSHOT_ORDERS = 120;
    private static final Set<ApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    @Autowired
    ApplicationContext context;
    @Autowired
    Orders orders;

    @Test
    @Order(0)
    void startsFromTheSnapshot() {
        assertThat(orders.count()).isEqualTo(SNAPSHOT_ORDERS);
    }

    @Test
    void sharesOneApplicationContextWithTheOtherClasses() {
        CONTEXTS.add(context);

        assertThat(CONTEXTS).hasSize(1);
    }
}
