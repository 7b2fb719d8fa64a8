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
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> dockerProblem(), String.class);
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        if ("true".equalsIgnoreCase(System.getenv("SEEDKIT_REQUIRE_DOCKER"))) {
            throw new IllegalStateException("SEEDKIT_REQUIRE_DOCKER=true but " + problem + "; run "
                    + ".ci/docker/setup.sh first");
        }
        String reason = problem + ": skipping " + context.getDisplayName()
                + " (set SEEDKIT_REQUIRE_DOCKER=true to make this an error)";
        log.warn(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * Empty when Testcontainers can start containers here; otherwise why not. A reachable engine that cannot pull
     * Testcontainers' own helper image (no registry, Ryuk not disabled) counts as unusable, not as an error.
     */
    private static String dockerProblem() {
        try {
            return PostgresServers.dockerAvailable() ? "" : "Docker is not available to Testcontainers";
        } catch (RuntimeException e) {
            return "Docker is reachable but Testcontainers cannot use it (" + e.getMessage() + ")";
        }
    }
}
