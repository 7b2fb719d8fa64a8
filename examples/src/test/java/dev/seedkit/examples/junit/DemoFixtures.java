package dev.seedkit.examples.junit;

import dev.seedkit.junit.SeedFromFixtures;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The team's own annotation: the committed demo snapshot on the demo schema, pinned to its fixture version. Test
 * classes say {@code @DemoFixtures} instead of repeating the attributes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SeedFromFixtures(value = "classpath:fixtures/demo", initializer = DemoSchema.class, version = "demo-1")
public @interface DemoFixtures {
}
