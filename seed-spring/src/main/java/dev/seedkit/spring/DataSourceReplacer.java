package dev.seedkit.spring;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;

/**
 * Replaces the application's {@code DataSource} bean definition with one of a {@link SeededDataSourceProxy}, under
 * the same name: the only {@code DataSource}, or the primary one among several; with none, adds one named
 * {@value #DEFAULT_NAME}. Runs after the configuration classes (Spring Boot's auto-configuration included) have
 * defined their beans, as Spring Boot's own test database replacement does.
 */
final class DataSourceReplacer implements BeanDefinitionRegistryPostProcessor, Ordered {

    static final String DEFAULT_NAME = "dataSource";

    private final TemplateDeclaration declaration;

    DataSourceReplacer(TemplateDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            throw new IllegalStateException("@SeededDataSource needs a bean factory that lists its beans; "
                    + registry.getClass().getName() + " does not");
        }
        String name = replaced(beanFactory);
        if (registry.containsBeanDefinition(name)) {
            registry.removeBeanDefinition(name);
        }
        RootBeanDefinition proxy = new RootBeanDefinition(SeededDataSourceProxy.class,
                () -> new SeededDataSourceProxy(DataSourceTarget.of(declaration)));
        proxy.setPrimary(true);
        registry.registerBeanDefinition(name, proxy);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // the replacement happens in postProcessBeanDefinitionRegistry
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The name of the bean to replace (or to add). */
    private static String replaced(ConfigurableListableBeanFactory beanFactory) {
        List<String> names = Arrays.asList(beanFactory.getBeanNamesForType(DataSource.class, true, false));
        if (names.isEmpty()) {
            return DEFAULT_NAME;
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        List<String> primary = names.stream().filter(name -> isPrimary(beanFactory, name)).toList();
        if (primary.size() != 1) {
            throw new IllegalStateException("@SeededDataSource replaces the application's DataSource, but the "
                    + "context defines " + names.size() + " (" + String.join(", ", names) + ") and "
                    + (primary.isEmpty() ? "none of them is" : primary.size() + " of them are") + " @Primary: mark "
                    + "the one that Seedkit should replace @Primary, and only that one.");
        }
        return primary.get(0);
    }

    private static boolean isPrimary(ConfigurableListableBeanFactory beanFactory, String name) {
        if (!beanFactory.containsBeanDefinition(name)) {
            return false;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        return definition.isPrimary();
    }
}
