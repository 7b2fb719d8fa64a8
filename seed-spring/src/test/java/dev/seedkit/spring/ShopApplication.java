package dev.seedkit.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application the tests run: Spring Boot's auto-configured DataSource, JdbcTemplate, transactions and Flyway
 * (migrations in {@code db/migration}), a repository and a service over customers.
 */
@SpringBootApplication
public class ShopApplication {

    /** Counts how often a context of this application was refreshed (started) in this JVM. */
    @Component
    static class Refreshes implements ApplicationListener<ContextRefreshedEvent> {
        static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            COUNT.incrementAndGet();
        }
    }

    /** Customers, through JdbcTemplate. */
    @Repository
    static class Customers {
        private final JdbcTemplate jdbc;

        Customers(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        int count() {
            return jdbc.queryForObject("select count(*) from customers", Integer.class);
        }

        void add(String email, String name) {
            jdbc.update("insert into customers (email, name) values (?, ?)", email, name);
        }

        /** The database the repository's connections reach. */
        String database() {
            return jdbc.queryForObject("select current_database()", String.class);
        }
    }

    /** Registers customers, one transaction each. */
    @Service
    static class Registration {
        private final Customers customers;

        Registration(Customers customers) {
            this.customers = customers;
        }

        @Transactional
        void register(String email, String name) {
            customers.add(email, name);
        }
    }
}
