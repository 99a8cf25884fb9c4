package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** logs, exec and attach against the real daemon: what the container really wrote and how it really ended. */
class ContainerStreamsIT extends RealDaemonIT {

    @Test
    void logsHaveStdoutAndStderrAndTailCuts() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "echo a; echo b >&2; echo c; echo één")));
        assertThat(docker.waitForExit(id, Duration.ofSeconds(10))).contains(0);

        // The daemon keeps stdout and stderr apart: between the two the order may differ (docker logs too).
        assertThat(docker.logs(id, null).lines()).containsExactlyInAnyOrder("a", "b", "c", "één");
        assertThat(docker.logs(id, null).replace("b\n", "")).isEqualTo("a\nc\néén\n");
        assertThat(docker.logs(id, 1).lines()).hasSize(1);
    }

    @Test
    void logsOfTwoLines() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "echo a; echo b")));
        assertThat(docker.waitForExit(id, Duration.ofSeconds(10))).contains(0);
        assertThat(docker.logs(id, null)).isEqualTo("a\nb\n");
    }

    @Test
    void logsOfAContainerThatIsNotThere() {
        Throwable thrown = catchThrowable(() -> docker.logs("dockerles-bestaat-niet-" + made.runId, null));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                e -> assertThat(e.key()).isEqualTo("error.container.missing"));
    }

    @Test
    void execRunsInTheContainerAndGivesItsExitCode() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        ContainerInfo info = docker.inspectContainer(id).orElseThrow();

        Docker.ExecResult hostname = docker.exec(id, List.of("hostname"), null, Duration.ofSeconds(10));
        assertThat(hostname.exitCode()).isZero();
        assertThat(hostname.output().strip()).isEqualTo(info.hostname()).isNotBlank();

        Docker.ExecResult failing = docker.exec(id, List.of("sh", "-c", "echo stuk >&2; exit 3"), null,
                Duration.ofSeconds(10));
        assertThat(failing.exitCode()).isEqualTo(3);
        assertThat(failing.output()).isEqualTo("stuk\n");

        Docker.ExecResult asNobody = docker.exec(id, List.of("id", "-u"), "nobody", Duration.ofSeconds(10));
        assertThat(asNobody.output().strip()).isEqualTo("65534");
    }

    @Test
    void anExecThatTakesTooLongIsStoppedWaitingFor() {
        String id = made.runDetached(made.busybox(List.of("sleep", "300")));
        long start = System.nanoTime();
        Throwable thrown;
        try (ItSupport.Captured captured = new ItSupport.Captured()) {
            thrown = catchThrowable(() -> docker.exec(id, List.of("sleep", "30"), null, Duration.ofMillis(500)));
            assertThat(captured.text()).isEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.exec.timeout");
            assertThat(e.args()).containsExactly("sleep 30", id, "1");
        });
    }

    @Test
    void execInAStoppedContainerSaysItDoesNotRun() {
        String id = docker.createContainer(made.busybox(List.of("true")));
        Throwable thrown = catchThrowable(() -> docker.exec(id, List.of("ls"), null, Duration.ofSeconds(5)));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.container.notrunning");
        });
    }

    @Test
    void attachFollowsTheOutputUntilTheProcessEnds() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 2; echo klaar")));
        ItSupport.Screen screen = new ItSupport.Screen();
        long start = System.nanoTime();
        Optional<Integer> exit = docker.attachUntilExit(id, screen, Duration.ofSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(exit).contains(0);
        assertThat(screen.text()).isEqualTo("klaar\n");
        assertThat(took).isGreaterThan(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void attachToASilentSleepGivesItsExitCode() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 3; exit 4")));
        ItSupport.Screen screen = new ItSupport.Screen();
        long start = System.nanoTime();
        assertThat(docker.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(2000));
        assertThat(screen.text()).isEmpty();
    }

    @Test
    void attachToSleep3() {
        String id = made.runDetached(made.busybox(List.of("sleep", "3")));
        assertThat(docker.attachUntilExit(id, bytes -> { }, Duration.ofSeconds(20))).contains(0);
        assertThat(docker.inspectContainer(id)).get().extracting(ContainerInfo::running).isEqualTo(false);
    }

    @Test
    void attachEndsEmptyAtTheTimeoutAndLeavesTheContainerRunning() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "echo begin; sleep 300")));
        ItSupport.Screen screen = new ItSupport.Screen();
        long start = System.nanoTime();
        assertThat(docker.attachUntilExit(id, screen, Duration.ofMillis(700))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(docker.inspectContainer(id)).get().extracting(ContainerInfo::running).isEqualTo(true);
        // No old logs: "begin" was written before the attach.
        assertThat(screen.text()).isEmpty();
    }

    @Test
    void attachToAnExitedContainerGivesItsCodeAtOnce() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "exit 7")));
        assertThat(docker.waitForExit(id, Duration.ofSeconds(10))).contains(7);
        assertThat(docker.attachUntilExit(id, bytes -> { }, Duration.ofSeconds(10))).contains(7);
    }

    @Test
    void attachRightAfterTheStartOfAShortProcessNeverHangs() {
        for (int i = 0; i < 5; i++) {
            String id = made.runDetached(made.busybox(List.of("sh", "-c", "exit 2")));
            long start = System.nanoTime();
            assertThat(docker.attachUntilExit(id, bytes -> { }, Duration.ofSeconds(15))).contains(2);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void attachToAnAutoRemovedContainerStillGivesItsExitCode() {
        var spec = made.busybox(List.of("sh", "-c", "sleep 1; echo weg; exit 5"));
        var autoRemove = new nl.dockerles.daemon.ContainerSpec(spec.image(), spec.command(), null, false, false, true,
                List.of(), List.of(), List.of(), null, null, made.labels());
        String id = made.runDetached(autoRemove);
        ItSupport.Screen screen = new ItSupport.Screen();
        assertThat(docker.attachUntilExit(id, screen, Duration.ofSeconds(20))).contains(5);
        assertThat(screen.text()).isEqualTo("weg\n");
    }

    @Test
    void attachToAContainerThatIsNotThere() {
        Throwable thrown = catchThrowable(() -> docker.attachUntilExit("dockerles-bestaat-niet-" + made.runId,
                bytes -> { }, Duration.ofSeconds(5)));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                e -> assertThat(e.key()).isEqualTo("error.container.missing"));
    }
}
