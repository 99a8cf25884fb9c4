package nl.dockerles.it;

import nl.dockerles.docker.UnixSocketProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon goes away in the middle of a step: a Dutch message within seconds, never a hang. */
class DaemonGoneIT {

    @AfterEach
    void removeWhatTheCutRunLeft() {
        // The run could not clean up without its daemon; the labels say what is ours.
        DaemonState.managedContainers("lifecycle").forEach(container ->
                DaemonState.client().removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true)
                        .exec());
    }

    @Test
    void aDaemonThatStopsMidStepEndsTheRunWithADutchMessage() throws Exception {
        try (UnixSocketProxy daemon = new UnixSocketProxy(DaemonState.socket())) {
            DockerlesJar demo = DockerlesJar.start(Map.of("DOCKER_HOST", daemon.dockerHost(),
                    "DOCKERLES_PREFIX", "weg"), "demo", "lifecycle");
            // docker stop takes ~10 s: pull the plug while it waits.
            assertThat(demo.awaitOutput("$ docker stop weg-demo", Duration.ofSeconds(60))).as(demo.out()).isTrue();
            daemon.close();
            long cut = System.nanoTime();

            DockerlesJar.Result result = demo.await(Duration.ofSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - cut);

            assertThat(took).as("ended after the daemon went").isLessThan(Duration.ofSeconds(5));
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("De verbinding met de Docker daemon").contains("viel weg")
                    .contains("docker version").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
