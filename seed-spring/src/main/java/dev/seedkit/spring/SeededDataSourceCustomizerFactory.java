package dev.seedkit.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: gives the context of a test class with {@link SeededDataSource}
 * (on the class, a superclass, an enclosing class or a meta-annotation) a {@link SeededDataSourceCustomizer}.
 */
final class SeededDataSourceCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        SeededDataSource annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                SeededDataSource.class);
        return annotation == null ? null : new SeededDataSourceCustomizer(TemplateDeclaration.of(annotation));
    }
}
