package dev.seedkit.spring;

import dev.seedkit.junit.Isolation;
import dev.seedkit.junit.SeededDatabase;
import dev.seedkit.junit.SeedkitExtension;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.annotation.Rollback;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The JUnit side of {@link SeededDataSource}. In {@code beforeAll} (which JUnit runs before Spring builds or fetches
 * the class's context: that happens when the test instance is prepared) it has Seedkit's own extension give the
 * class its database, and points the declaration's {@link DataSourceTarget} at it; in {@code afterAll} it lets go,
 * and Seedkit drops the copy when the class's store closes. Per method it re-clones the copy
 * ({@link Isolation#CLONE_PER_METHOD}) or checks that Spring will roll the method back
 * ({@link Isolation#ROLLBACK_PER_METHOD}). State lives in the class's store; {@code @Nested} classes share their
 * enclosing class's database.
 */
final class SeededDataSourceExtension implements TestInstancePreConstructCallback, BeforeAllCallback,
        BeforeEachCallback, AfterAllCallback {

    private static final Namespace NAMESPACE = Namespace.create(SeededDataSourceExtension.class);
    private static final String SERVING = "serving";

    /** What a class with {@link SeededDataSource} is served: its database, as the isolation in force says. */
    private record Serving(String testClass, TemplateDeclaration declaration, Isolation isolation,
                           SeededDatabase database, AtomicInteger methodsStarted) {
    }

    /**
     * Before a test instance is made. With {@code @TestInstance(PER_CLASS)} Spring prepares the instance, and so
     * starts the context, before {@code beforeAll}: serve the class's database before that. Per method, this is the
     * one moment between two methods that is outside Spring's own method callbacks (whose test transaction holds a
     * connection from {@code beforeEach} to {@code afterEach}): re-clone the copy here for
     * {@link Isolation#CLONE_PER_METHOD}.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (perClassInstance(context)) {
            if (context.getTestMethod().isEmpty()) {
                beforeAll(context);
            }
            return;
        }
        Serving serving = context.getStore(NAMESPACE).get(SERVING, Serving.class);
        if (serving != null && serving.isolation() == Isolation.CLONE_PER_METHOD) {
            reseedAfterFirstMethod(serving);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Serving earlier = context.getStore(NAMESPACE).get(SERVING, Serving.class);
        if (earlier != null && earlier.testClass().equals(testClass.getName())) {
            return; // served before the instance was made (PER_CLASS)
        }
        Optional<SeededDataSource> annotation = AnnotationSupport.findAnnotation(testClass, SeededDataSource.class);
        if (annotation.isEmpty()) {
            return; // a @Nested class: served its enclosing class's database
        }
        TemplateDeclaration declaration = TemplateDeclaration.of(annotation.get());
        Isolation isolation = isolation(annotation.get(), context);
        Isolation perClass = isolation == Isolation.SHARED ? Isolation.SHARED : Isolation.CLONE_PER_CLASS;
        declaration.extension(perClass).beforeAll(context);
        SeededDatabase database = SeedkitExtension.seededDatabase(context).orElseThrow(() ->
                new ExtensionConfigurationException("Seedkit made no database for " + testClass.getName()));
        DataSourceTarget.of(declaration).serve(testClass.getName(), database);
        context.getStore(NAMESPACE).put(SERVING, new Serving(testClass.getName(), declaration, isolation, database,
                new AtomicInteger()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Serving serving = context.getStore(NAMESPACE).get(SERVING, Serving.class);
        if (serving == null) {
            return;
        }
        if (serving.isolation() == Isolation.CLONE_PER_METHOD && perClassInstance(context)) {
            reseedAfterFirstMethod(serving); // one instance for all methods: no moment outside Spring's callbacks
        } else if (serving.isolation() == Isolation.ROLLBACK_PER_METHOD) {
            requireSpringRollback(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Serving serving = context.getStore(NAMESPACE).get(SERVING, Serving.class);
        if (serving != null && serving.testClass().equals(context.getRequiredTestClass().getName())) {
            DataSourceTarget.of(serving.declaration()).release(serving.testClass());
        }
    }

    private static boolean perClassInstance(ExtensionContext context) {
        return context.getTestInstanceLifecycle().orElse(Lifecycle.PER_METHOD) == Lifecycle.PER_CLASS;
    }

    /** Gives the next method a fresh copy, unless it is the class's first. */
    private static void reseedAfterFirstMethod(Serving serving) {
        if (serving.methodsStarted().getAndIncrement() > 0) {
            serving.database().reseed();
        }
    }

    /** The declared isolation, else the configuration parameter Seedkit's JUnit extension reads, else per class. */
    private static Isolation isolation(SeededDataSource annotation, ExtensionContext context) {
        if (annotation.isolation() != Isolation.DEFAULT) {
            return annotation.isolation();
        }
        Optional<String> configured = context.getConfigurationParameter(SeedkitExtension.ISOLATION_PROPERTY);
        if (configured.isEmpty()) {
            return Isolation.CLONE_PER_CLASS;
        }
        try {
            Isolation isolation = Isolation.valueOf(configured.get().trim().toUpperCase(Locale.ROOT));
            return isolation == Isolation.DEFAULT ? Isolation.CLONE_PER_CLASS : isolation;
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(SeedkitExtension.ISOLATION_PROPERTY + "=" + configured.get()
                    + " names no isolation: use clone_per_class, clone_per_method, rollback_per_method or shared.",
                    e);
        }
    }

    /**
     * With {@link Isolation#ROLLBACK_PER_METHOD} the rollback is Spring's: the method must run in Spring's test
     * transaction ({@code @Transactional}, not {@code NOT_SUPPORTED} or {@code NEVER}) and not commit it.
     */
    private static void requireSpringRollback(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        Transactional transactional = Optional.ofNullable(
                        AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class))
                .orElseGet(() -> TestContextAnnotationUtils.findMergedAnnotation(testClass, Transactional.class));
        Rollback rollback = Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method, Rollback.class))
                .orElseGet(() -> TestContextAnnotationUtils.findMergedAnnotation(testClass, Rollback.class));
        boolean inTransaction = transactional != null && transactional.propagation() != Propagation.NOT_SUPPORTED
                && transactional.propagation() != Propagation.NEVER;
        if (!inTransaction || (rollback != null && !rollback.value())) {
            throw new ExtensionConfigurationException(testClass.getName() + "." + method.getName() + " runs with "
                    + "isolation ROLLBACK_PER_METHOD, but Spring would " + (inTransaction ? "commit its "
                    + "transaction (@Commit or @Rollback(false))" : "run it outside a test transaction")
                    + ", so its writes would reach the next method. With Spring the rollback is Spring's: annotate "
                    + "the method or class with @Transactional and let it roll back, or use isolation "
                    + "CLONE_PER_METHOD.");
        }
    }
}
