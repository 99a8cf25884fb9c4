package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A daemon that disappears in the middle of a call is DOCKER_UNAVAILABLE, not a stack trace. */
class LostConnectionIT {
    @TempDir
    Path home;

    @Test
    void aCallCutOffHalfwayIsDockerUnavailable() throws Exception {
        String runId = ItSupport.newRunId();
        try (Docker direct = DockerConnector.connect(System.getenv(), Path.of(System.getProperty("user.home")))) {
            String id = direct.createContainer(new ContainerSpec("busybox:latest", List.of("sleep", "300"), null,
                    false, false, false, List.of(), List.of(), List.of(), null, null, ItSupport.labels(runId)));
            try {
                direct.startContainer(id);
                UnixSocketProxy proxy = new UnixSocketProxy(ItSupport.daemonSocket());
                Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", proxy.dockerHost()));
                try (Docker viaProxy = DockerConnector.connect(env, home)) {
                    CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
                        try {
                            viaProxy.waitForExit(id, Duration.ofSeconds(30));
                            return null;
                        } catch (Throwable t) {
                            return t;
                        }
                    });
                    assertThat(ItSupport.await(() -> proxy.requests().contains("/wait"), Duration.ofSeconds(5))).isTrue();
                    proxy.close();
                    Throwable thrown = waiting.get(10, TimeUnit.SECONDS);
                    assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
                        assertThat(e.key()).isEqualTo("error.docker.lost");
                    });

                    // And the next call, with nothing listening any more, says the same.
                    Throwable next = org.assertj.core.api.Assertions.catchThrowable(
                            () -> viaProxy.listContainers(true, Map.of()));
                    assertThat(next).isInstanceOfSatisfying(DockerlesException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE));
                }
            } finally {
                direct.removeContainer(id, true, true);
            }
        }
    }
}
