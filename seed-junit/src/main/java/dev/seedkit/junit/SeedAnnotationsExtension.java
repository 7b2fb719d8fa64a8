package dev.seedkit.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link SeedFromFixtures} and {@link SeedTables}: registered by the annotations (once per
 * class, however many of them apply), configured by the nearest one. Stateless: one instance serves every class,
 * {@code @Nested} class and thread; state lives in the stores (see {@link SeedLifecycle}).
 */
final class SeedAnnotationsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private final SeedLifecycle lifecycle = new SeedLifecycle(new AnnotatedDeclarations(), SnapshotSeeder.INSTANCE);

    @Override
    public void beforeAll(ExtensionContext context) {
        lifecycle.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        lifecycle.beforeEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return lifecycle.supportsParameter(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lifecycle.resolveParameter(parameter, context);
    }
}
