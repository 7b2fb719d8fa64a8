package dev.seedkit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds {@link SeedFromFixtures} or {@link SeedTables} for a test class: on the class itself (directly, as a
 * meta-annotation, or inherited from a superclass or interface), else on the nearest class a {@code @Nested} class
 * runs in.
 */
final class AnnotatedDeclarations implements DeclarationSource {

    @Override
    public Optional<Found> find(ExtensionContext classContext) {
        List<Class<?>> nearestFirst = new ArrayList<>();
        nearestFirst.add(classContext.getRequiredTestClass());
        nearestFirst.addAll(DeclarationSource.enclosingTestClasses(classContext));
        for (int i = 0; i < nearestFirst.size(); i++) {
            Optional<SeedDeclaration> declaration = declarationOn(nearestFirst.get(i));
            if (declaration.isPresent()) {
                return Optional.of(new Found(declaration.get(), i == 0));
            }
        }
        return Optional.empty();
    }

    /** The declaration on {@code testClass} itself, not looking at enclosing classes. */
    static Optional<SeedDeclaration> declarationOn(Class<?> testClass) {
        Optional<SeedFromFixtures> fixtures = AnnotationSupport.findAnnotation(testClass, SeedFromFixtures.class);
        Optional<SeedTables> tables = AnnotationSupport.findAnnotation(testClass, SeedTables.class);
        if (fixtures.isPresent() && tables.isPresent()) {
            throw new ExtensionConfigurationException(testClass.getName() + " carries both @SeedFromFixtures and "
                    + "@SeedTables: keep one (@SeedFromFixtures(value = ..., tables = {...}) says what @SeedTables "
                    + "says).");
        }
        return fixtures.map(annotation -> SeedDeclaration.of(annotation, testClass))
                .or(() -> tables.map(annotation -> SeedDeclaration.of(annotation, testClass)));
    }
}
