package nl.dockerles.it;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard: when Docker is not reachable in CI, this fails, so that integration tests can never be
 * skipped silently (a wrong docker-java version reports as "no Docker environment"). Under
 * {@code .ci/with-daemon NAME} (which sets {@code DOCKERLES_DAEMON}) it also fails unless the tests really
 * reach that daemon, so that no daemon of the CI matrix is skipped silently either.
 */
class DockerAvailableIT {

    @Test
    void dockerIsReachableForTheIntegrationTests() {
        assertThat(DockerClientFactory.instance().isDockerAvailable())
                .as("Docker must be reachable for the integration tests; run .ci/docker-setup").isTrue();
        assertThat(DaemonState.client().inspectImageCmd("busybox:latest").exec().getId()).isNotBlank();
    }

    @Test
    void theDaemonOfThisCiPhaseIsTheOneReached() {
        String expected = System.getenv("DOCKERLES_DAEMON");
        if (expected == null || expected.isBlank()) {
            return; // a plain mvn verify: any daemon will do
        }
        Version version = DaemonState.client().versionCmd().exec();
        Info info = DaemonState.client().infoCmd().exec();
        List<String> components = version.getComponents() == null ? List.of() : version.getComponents().stream()
                .map(VersionComponent::getName).filter(Objects::nonNull).toList();
        boolean podman = components.stream().anyMatch(name -> name.toLowerCase().contains("podman"));
        String driverStatus = String.valueOf(info.getDriverStatuses());
        switch (expected) {
            case "docker20" -> {
                assertThat(podman).as("Podman answered instead of Docker 20.10").isFalse();
                assertThat(version.getVersion()).startsWith("20.10");
            }
            case "docker28" -> {
                assertThat(podman).as("Podman answered instead of Docker 28").isFalse();
                assertThat(version.getVersion()).startsWith("28.");
                assertThat(version.getMinAPIVersion()).isEqualTo("1.44");
                assertThat(driverStatus).as("the containerd image store").contains("io.containerd.snapshotter");
            }
            case "podman" -> assertThat(podman).as("components " + components).isTrue();
            case "mirror" -> {
                assertThat(podman).isFalse();
                assertThat(String.valueOf(info.getRegistryConfig().getMirrors()))
                        .as("registry-mirrors of the daemon").contains("127.0.0.1:5000");
            }
            default -> throw new AssertionError("unknown DOCKERLES_DAEMON " + expected);
        }
    }
}
