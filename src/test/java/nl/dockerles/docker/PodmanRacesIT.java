package nl.dockerles.docker;

import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podman 4.3 answers some calls with an error when they come in the moment a process ends or restarts. A proxy
 * in front of the real daemon gives those answers, so each daemon shows dockerles deals with them:
 * <ul>
 * <li>a wait: 500 "read /proc/N/cgroup: no such process" (containers/podman#16383), at the moment the daemon
 * tells the exit: the step still shows the container's output and its real exit code;</li>
 * <li>an inspect: the same answer, asked again;</li>
 * <li>a {@code docker rm -f}: 500 "container state improper", when Podman restarts the container as it kills it:
 * the container is still removed.</li>
 * </ul>
 */
class PodmanRacesIT extends RealDaemonIT {
    @TempDir
    Path home;
    private UnixSocketProxy proxy;
    private Docker viaProxy;

    @BeforeEach
    void throughTheProxy() throws Exception {
        proxy = new UnixSocketProxy(ItSupport.daemonSocket());
        viaProxy = DockerConnector.connect(Map.of("DOCKER_HOST", proxy.dockerHost()), home);
    }

    @AfterEach
    void closeTheProxy() throws Exception {
        viaProxy.close();
        proxy.close();
    }

    @Test
    void waitRaceAttachGivesTheRealExitCode() {
        proxy.failNextWaitAsPodman43();
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 1; echo klaar; exit 3")));
        ItSupport.Screen screen = new ItSupport.Screen();
        assertThat(viaProxy.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(3);
        assertThat(screen.text()).isEqualTo("klaar\n");
        assertThat(proxy.requests()).contains("/wait");
    }

    @Test
    void waitRaceAttachToAnAutoRemovedContainerGivesTheRealExitCode() {
        proxy.failNextWaitAsPodman43();
        ContainerSpec spec = made.busybox(List.of("sh", "-c", "sleep 1; echo weg; exit 5"));
        String id = made.runDetached(new ContainerSpec(spec.image(), spec.command(), null, false, false, true,
                List.of(), List.of(), List.of(), null, null, made.labels()));
        ItSupport.Screen screen = new ItSupport.Screen();
        assertThat(viaProxy.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(5);
        assertThat(screen.text()).isEqualTo("weg\n");
    }

    @Test
    void waitRaceWaitForExitGivesTheRealExitCode() {
        proxy.failNextWaitAsPodman43();
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 1; exit 4")));
        assertThat(viaProxy.waitForExit(id, Duration.ofSeconds(20))).contains(4);
        assertThat(proxy.requests()).contains("/wait");
    }

    @Test
    void inspectRaceIsAskedAgain() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        proxy.failNextInspectAsPodman43();
        assertThat(viaProxy.inspectContainer(id)).hasValueSatisfying(c -> assertThat(c.running()).isTrue());
        assertThat(proxy.requests().split("GET [^ ]*/containers/" + id + "/json", -1)).hasSize(3);
    }

    @Test
    void removeRaceStillRemovesTheContainer() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        proxy.failNextRemoveAsPodman43();
        viaProxy.removeContainer(id, true, true);
        assertThat(docker.inspectContainer(id)).isEmpty();
        // Asked twice: the first answer was Podman's, the second the daemon's.
        assertThat(proxy.requests().split("DELETE [^ ]*/containers/" + id, -1)).hasSize(3);
    }

    /**
     * The real thing: without the retries, 2 of 3 runs of this test failed on Podman 4.3 (a removal), and 1 of 9
     * with them (an inspect, before that was asked again).
     */
    @Test
    void aContainerThatKeepsRestartingIsRemovedEveryTime() throws Exception {
        for (int i = 0; i < 12; i++) {
            ContainerSpec spec = made.busybox(List.of("false"));
            String id = made.runDetached(new ContainerSpec(spec.image(), spec.command(), null, false, false, false,
                    List.of(), List.of(), List.of(), "always", null, made.labels()));
            int restarts = 1 + i % 3; // another moment in its loop each time
            assertThat(ItSupport.await(() -> docker.inspectContainer(id)
                    .filter(c -> c.restartCount() >= restarts).isPresent(), Duration.ofSeconds(15))).isTrue();
            docker.removeContainer(id, true, true);
            assertThat(docker.inspectContainer(id)).as("run " + i).isEmpty();
        }
    }
}
