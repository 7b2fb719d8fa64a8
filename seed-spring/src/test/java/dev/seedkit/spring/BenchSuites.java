package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seedkit.junit.FlywayMigrations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The 50-class Spring suite of {@link ContextCacheBenchTests}, twice: as {@link SeededDataSource} is meant to be
 * used (one cached context, the database swapped under it per class) and with {@code @DirtiesContext} per class (a
 * context started and closed per class, as suites did to avoid a DataSource pointing at a dropped copy). Same
 * methods, same seeded database per class.
 */
final class BenchSuites {

    static final int CLASSES = 50;

    private BenchSuites() {
    }

    /** What every class does: read, commit a write, read again. */
    abstract static class ShopMethods {
        @Autowired
        ShopApplication.Registration registration;
        @Autowired
        ShopApplication.Customers customers;

        @Test
        void readsTheSeededCustomers() {
            assertThat(customers.count()).isGreaterThanOrEqualTo(ShopTestCases.SEEDED);
        }

        @Test
        void registersACustomer() {
            int before = customers.count();
            registration.register(getClass().getSimpleName() + "@example.com", "Bench");
            assertThat(customers.count()).isEqualTo(before + 1);
        }
    }

    @SpringBootTest(properties = "scenario=bench-cached")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    abstract static class CachedContext extends ShopMethods {
    }

    @SpringBootTest(properties = "scenario=bench-dirties-context")
    @SeededDataSource(value = "classpath:fixtures/shop.yml", initializer = FlywayMigrations.class)
    @DirtiesContext
    abstract static class ContextPerClass extends ShopMethods {
    }

    static class Cached01 extends CachedContext {
    }

    static class Cached02 extends CachedContext {
    }

    static class Cached03 extends CachedContext {
    }

    static class Cached04 extends CachedContext {
    }

    static class Cached05 extends CachedContext {
    }

    static class Cached06 extends CachedContext {
    }

    static class Cached07 extends CachedContext {
    }

    static class Cached08 extends CachedContext {
    }

    static class Cached09 extends CachedContext {
    }

    static class Cached10 extends CachedContext {
    }

    static class Cached11 extends CachedContext {
    }

    static class Cached12 extends CachedContext {
    }

    static class Cached13 extends CachedContext {
    }

    static class Cached14 extends CachedContext {
    }

    static class Cached15 extends CachedContext {
    }

    static class Cached16 extends CachedContext {
    }

    static class Cached17 extends CachedContext {
    }

    static class Cached18 extends CachedContext {
    }

    static class Cached19 extends CachedContext {
    }

    static class Cached20 extends CachedContext {
    }

    static class Cached21 extends CachedContext {
    }

    static class Cached22 extends CachedContext {
    }

    static class Cached23 extends CachedContext {
    }

    static class Cached24 extends CachedContext {
    }

    static class Cached25 extends CachedContext {
    }

    static class Cached26 extends CachedContext {
    }

    static class Cached27 extends CachedContext {
    }

    static class Cached28 extends CachedContext {
    }

    static class Cached29 extends CachedContext {
    }

    static class Cached30 extends CachedContext {
    }

    static class Cached31 extends CachedContext {
    }

    static class Cached32 extends CachedContext {
    }

    static class Cached33 extends CachedContext {
    }

    static class Cached34 extends CachedContext {
    }

    static class Cached35 extends CachedContext {
    }

    static class Cached36 extends CachedContext {
    }

    static class Cached37 extends CachedContext {
    }

    static class Cached38 extends CachedContext {
    }

    static class Cached39 extends CachedContext {
    }

    static class Cached40 extends CachedContext {
    }

    static class Cached41 extends CachedContext {
    }

    static class Cached42 extends CachedContext {
    }

    static class Cached43 extends CachedContext {
    }

    static class Cached44 extends CachedContext {
    }

    static class Cached45 extends CachedContext {
    }

    static class Cached46 extends CachedContext {
    }

    static class Cached47 extends CachedContext {
    }

    static class Cached48 extends CachedContext {
    }

    static class Cached49 extends CachedContext {
    }

    static class Cached50 extends CachedContext {
    }

    static class Dirtied01 extends ContextPerClass {
    }

    static class Dirtied02 extends ContextPerClass {
    }

    static class Dirtied03 extends ContextPerClass {
    }

    static class Dirtied04 extends ContextPerClass {
    }

    static class Dirtied05 extends ContextPerClass {
    }

    static class Dirtied06 extends ContextPerClass {
    }

    static class Dirtied07 extends ContextPerClass {
    }

    static class Dirtied08 extends ContextPerClass {
    }

    static class Dirtied09 extends ContextPerClass {
    }

    static class Dirtied10 extends ContextPerClass {
    }

    static class Dirtied11 extends ContextPerClass {
    }

    static class Dirtied12 extends ContextPerClass {
    }

    static class Dirtied13 extends ContextPerClass {
    }

    static class Dirtied14 extends ContextPerClass {
    }

    static class Dirtied15 extends ContextPerClass {
    }

    static class Dirtied16 extends ContextPerClass {
    }

    static class Dirtied17 extends ContextPerClass {
    }

    static class Dirtied18 extends ContextPerClass {
    }

    static class Dirtied19 extends ContextPerClass {
    }

    static class Dirtied20 extends ContextPerClass {
    }

    static class Dirtied21 extends ContextPerClass {
    }

    static class Dirtied22 extends ContextPerClass {
    }

    static class Dirtied23 extends ContextPerClass {
    }

    static class Dirtied24 extends ContextPerClass {
    }

    static class Dirtied25 extends ContextPerClass {
    }

    static class Dirtied26 extends ContextPerClass {
    }

    static class Dirtied27 extends ContextPerClass {
    }

    static class Dirtied28 extends ContextPerClass {
    }

    static class Dirtied29 extends ContextPerClass {
    }

    static class Dirtied30 extends ContextPerClass {
    }

    static class Dirtied31 extends ContextPerClass {
    }

    static class Dirtied32 extends ContextPerClass {
    }

    static class Dirtied33 extends ContextPerClass {
    }

    static class Dirtied34 extends ContextPerClass {
    }

    static class Dirtied35 extends ContextPerClass {
    }

    static class Dirtied36 extends ContextPerClass {
    }

    static class Dirtied37 extends ContextPerClass {
    }

    static class Dirtied38 extends ContextPerClass {
    }

    static class Dirtied39 extends ContextPerClass {
    }

    static class Dirtied40 extends ContextPerClass {
    }

    static class Dirtied41 extends ContextPerClass {
    }

    static class Dirtied42 extends ContextPerClass {
    }

    static class Dirtied43 extends ContextPerClass {
    }

    static class Dirtied44 extends ContextPerClass {
    }

    static class Dirtied45 extends ContextPerClass {
    }

    static class Dirtied46 extends ContextPerClass {
    }

    static class Dirtied47 extends ContextPerClass {
    }

    static class Dirtied48 extends ContextPerClass {
    }

    static class Dirtied49 extends ContextPerClass {
    }

    static class Dirtied50 extends ContextPerClass {
    }
}
