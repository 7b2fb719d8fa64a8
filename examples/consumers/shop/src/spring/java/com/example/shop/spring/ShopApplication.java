package com.example.shop.spring;

import com.example.shop.OrderTotals;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The shop as a Spring Boot application (built with -Dspring-boot=3.5 or 4.0 only): Boot's DataSource, JdbcClient,
 * transactions and Flyway (the migrations in db/migration), plus the plain {@link OrderTotals} as a bean.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    @Bean
    OrderTotals orderTotals(DataSource dataSource) {
        return new OrderTotals(dataSource);
    }
}
