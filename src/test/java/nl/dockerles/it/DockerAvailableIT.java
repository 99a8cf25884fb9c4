package nl.dockerles.it;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard: when Docker is not reachable in CI, this fails, so that integration tests can never be
 * skipped silently (a wrong docker-java version reports as "no Docker environment").
 */
class DockerAvailableIT {

    @Test
    void dockerIsReachableForTheIntegrationTests() {
        assertThat(DockerClientFactory.instance().isDockerAvailable())
                .as("Docker must be reachable for the integration tests; run .ci/docker-setup").isTrue();
        assertThat(DaemonState.client().inspectImageCmd("busybox:latest").exec().getId()).isNotBlank();
    }
}
