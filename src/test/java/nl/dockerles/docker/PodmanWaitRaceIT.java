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
 * Podman 4.3 may answer a wait with 500 "read /proc/N/cgroup: no such process" when the process ends just as it
 * looks (containers/podman#16383). A proxy in front of the real daemon gives that answer, at the moment the
 * daemon tells the exit: the step still shows the container's output and its real exit code.
 */
class PodmanWaitRaceIT extends RealDaemonIT {
    @TempDir
    Path home;
    private UnixSocketProxy proxy;
    private Docker viaProxy;

    @BeforeEach
    void throughTheProxy() throws Exception {
        proxy = new UnixSocketProxy(ItSupport.daemonSocket());
        viaProxy = DockerConnector.connect(Map.of("DOCKER_HOST", proxy.dockerHost()), home);
        proxy.failNextWaitAsPodman43();
    }

    @AfterEach
    void closeTheProxy() throws Exception {
        viaProxy.close();
        proxy.close();
    }

    @Test
    void attachGivesTheRealExitCode() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 1; echo klaar; exit 3")));
        ItSupport.Screen screen = new ItSupport.Screen();
        assertThat(viaProxy.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(3);
        assertThat(screen.text()).isEqualTo("klaar\n");
        assertThat(proxy.requests()).contains("/wait");
    }

    @Test
    void attachToAnAutoRemovedContainerGivesTheRealExitCode() {
        ContainerSpec spec = made.busybox(List.of("sh", "-c", "sleep 1; echo weg; exit 5"));
        String id = made.runDetached(new ContainerSpec(spec.image(), spec.command(), null, false, false, true,
                List.of(), List.of(), List.of(), null, null, made.labels()));
        ItSupport.Screen screen = new ItSupport.Screen();
        assertThat(viaProxy.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(5);
        assertThat(screen.text()).isEqualTo("weg\n");
    }

    @Test
    void waitForExitGivesTheRealExitCode() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 1; exit 4")));
        assertThat(viaProxy.waitForExit(id, Duration.ofSeconds(20))).contains(4);
        assertThat(proxy.requests()).contains("/wait");
    }
}
