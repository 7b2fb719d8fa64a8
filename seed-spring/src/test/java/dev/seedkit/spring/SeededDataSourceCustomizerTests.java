package dev.seedkit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seedkit.junit.Isolation;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Which DataSource bean the customizer replaces, and when two test classes share one cached context. */
class SeededDataSourceCustomizerTests {

    @SeededDataSource(value = "classpath:fixtures/shop.yml", isolation = Isolation.CLONE_PER_CLASS)
    static class PerClass {
    }

    @SeededDataSource(value = "classpath:fixtures/shop.yml", isolation = Isolation.ROLLBACK_PER_METHOD)
    static class RolledBack {
    }

    @SeededDataSource(value = "classpath:fixtures/shop.yml", tables = "orders")
    static class OrdersOnly {
    }

    @Test
    void classesThatDeclareTheSameTemplateShareAContextWhateverTheirIsolation() {
        assertThat(customizer(PerClass.class)).isEqualTo(customizer(RolledBack.class))
                .hasSameHashCodeAs(customizer(RolledBack.class));
        assertThat(customizer(PerClass.class)).isNotEqualTo(customizer(OrdersOnly.class));
    }

    @Test
    void classesWithoutTheAnnotationGetNoCustomizer() {
        assertThat(new SeededDataSourceCustomizerFactory().createContextCustomizer(String.class, java.util.List.of()))
                .isNull();
    }

    @Test
    void replacesTheOnlyDataSourceUnderItsName() {
        try (AnnotationConfigApplicationContext context = contextWith(OneDataSource.class)) {
            assertThat(context.getBean("appDataSource")).isInstanceOf(SeededDataSourceProxy.class);
            assertThat(context.getBeansOfType(DataSource.class)).hasSize(1);
        }
    }

    @Test
    void replacesThePrimaryOneOfSeveralAndLeavesTheOthers() {
        try (AnnotationConfigApplicationContext context = contextWith(PrimaryAndReporting.class)) {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(SeededDataSourceProxy.class);
            assertThat(context.getBean("reporting")).isInstanceOf(SimpleDriverDataSource.class);
        }
    }

    @Test
    void addsOneWhereTheApplicationHasNone() {
        try (AnnotationConfigApplicationContext context = contextWith(NoDataSource.class)) {
            assertThat(context.getBean(DataSourceReplacer.DEFAULT_NAME)).isInstanceOf(SeededDataSourceProxy.class);
        }
    }

    @Test
    void refusesSeveralDataSourcesWithoutAPrimaryOne() {
        assertThatThrownBy(() -> contextWith(TwoDataSources.class).close())
                .hasMessageContaining("the context defines 2 (main, reporting) and none of them is @Primary: mark "
                        + "the one that Seedkit should replace @Primary");
    }

    private static SeededDataSourceCustomizer customizer(Class<?> testClass) {
        return (SeededDataSourceCustomizer) new SeededDataSourceCustomizerFactory().createContextCustomizer(testClass,
                java.util.List.of());
    }

    private static AnnotationConfigApplicationContext contextWith(Class<?> configuration) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(configuration);
        customizer(PerClass.class).customizeContext(context, null);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    static class OneDataSource {
        @Bean
        DataSource appDataSource() {
            return new SimpleDriverDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryAndReporting {
        @Bean
        @Primary
        DataSource main() {
            return new SimpleDriverDataSource();
        }

        @Bean
        DataSource reporting() {
            return new SimpleDriverDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource main() {
            return new SimpleDriverDataSource();
        }

        @Bean
        DataSource reporting() {
            return new SimpleDriverDataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoDataSource {
    }
}
