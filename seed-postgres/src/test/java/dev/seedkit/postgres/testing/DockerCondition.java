package dev.seedkit.postgres.testing;

import dev.seedkit.postgres.PostgresServers;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The condition behind {@link EnabledIfDocker}; the answer is computed once per run, in the root store. */
final class DockerCondition implements ExecutionCondition {

    private static final Logger log = LoggerFactory.getLogger(DockerCondition.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean available = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> PostgresServers.dockerAvailable(), Boolean.class);
        if (available) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        String reason = "Docker is not available to Testcontainers: skipping " + context.getDisplayName()
                + " (set SEEDKIT_REQUIRE_DOCKER=true to make this an error)";
        if ("true".equalsIgnoreCase(System.getenv("SEEDKIT_REQUIRE_DOCKER"))) {
            throw new IllegalStateException("SEEDKIT_REQUIRE_DOCKER=true but Docker is not available to "
                    + "Testcontainers; run .ci/docker/setup.sh first");
        }
        log.warn(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
