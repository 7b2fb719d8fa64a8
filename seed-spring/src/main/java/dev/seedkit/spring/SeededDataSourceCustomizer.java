package dev.seedkit.spring;

import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts Seedkit's {@code DataSource} into a test's application context. Equal for equal {@link TemplateDeclaration}s
 * (whatever the isolation), so Spring's context cache builds one context for all classes that declare the same
 * template, and the {@link DataSourceTarget} they share decides which class's database it serves.
 *
 * <p>Before any bean is defined it sets {@value #REPLACE_PROPERTY}{@code =none}, so that the embedded database of
 * {@code @AutoConfigureTestDatabase} (part of {@code @JdbcTest}, {@code @DataJpaTest}) stays out; after the
 * configuration classes are read, {@link DataSourceReplacer} swaps the application's {@code DataSource} for a
 * {@link SeededDataSourceProxy}.
 */
final class SeededDataSourceCustomizer implements ContextCustomizer {

    /** Spring Boot's switch for {@code @AutoConfigureTestDatabase(replace = ...)}. */
    static final String REPLACE_PROPERTY = "spring.test.database.replace";
    private static final String REPLACER_BEAN = "dev.seedkit.spring.dataSourceReplacer";

    private final TemplateDeclaration declaration;

    SeededDataSourceCustomizer(TemplateDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
        context.addBeanFactoryPostProcessor(new Registrar(context.getEnvironment(), declaration));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SeededDataSourceCustomizer that && declaration.equals(that.declaration);
    }

    @Override
    public int hashCode() {
        return declaration.hashCode();
    }

    @Override
    public String toString() {
        return "SeededDataSourceCustomizer" + declaration;
    }

    /**
     * Runs first among the context's post-processors: turns the test database replacement off (this property
     * source comes after every customizer's, so it wins) and defines the {@link DataSourceReplacer}, which runs
     * after the configuration classes have defined the application's beans.
     */
    private record Registrar(ConfigurableEnvironment environment, TemplateDeclaration declaration)
            implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            environment.getPropertySources().addFirst(new MapPropertySource("Seedkit @SeededDataSource",
                    Map.of(REPLACE_PROPERTY, "none")));
            RootBeanDefinition replacer = new RootBeanDefinition(DataSourceReplacer.class,
                    () -> new DataSourceReplacer(declaration));
            replacer.setRole(RootBeanDefinition.ROLE_INFRASTRUCTURE);
            registry.registerBeanDefinition(REPLACER_BEAN, replacer);
        }

        @Override
        public void postProcessBeanFactory(
                org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
            // everything happens in postProcessBeanDefinitionRegistry
        }
    }
}
