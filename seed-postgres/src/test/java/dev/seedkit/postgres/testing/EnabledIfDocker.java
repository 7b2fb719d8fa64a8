package dev.seedkit.postgres.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class only where Testcontainers finds Docker. Elsewhere the class is skipped with a
 * logged reason, never silently; with {@code SEEDKIT_REQUIRE_DOCKER=true} (as in CI) a missing Docker fails instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
public @interface EnabledIfDocker {
}
