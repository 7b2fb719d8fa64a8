package dev.seedkit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Where a test class's {@link SeedDeclaration} comes from: annotations, or a {@link SeedkitExtension} builder. */
@FunctionalInterface
interface DeclarationSource {

    /** A declaration found for a test class, and whether it belongs to that class rather than an enclosing one. */
    record Found(SeedDeclaration declaration, boolean onThisClass) {
    }

    /** The declaration that applies to the class of {@code classContext}, if any. */
    Optional<Found> find(ExtensionContext classContext);

    /**
     * The classes a {@code @Nested} class runs in, nearest first; empty for a top-level class. Read from the parent
     * contexts (JUnit before 5.12 has no {@code getEnclosingTestClasses()}), so a {@code @Nested} class written in a
     * superclass runs in the subclass being run, not in the superclass. A class template's invocation and the
     * template itself (JUnit 5.13's {@code @ParameterizedClass}) have the same class and count once.
     */
    static List<Class<?>> enclosingTestClasses(ExtensionContext classContext) {
        List<Class<?>> enclosing = new ArrayList<>();
        Class<?> previous = classContext.getRequiredTestClass();
        for (Optional<ExtensionContext> parent = classContext.getParent(); parent.isPresent();
             parent = parent.get().getParent()) {
            Optional<Class<?>> testClass = parent.get().getTestClass();
            if (testClass.isPresent() && testClass.get() != previous) {
                enclosing.add(testClass.get());
                previous = testClass.get();
            }
        }
        return enclosing;
    }
}
