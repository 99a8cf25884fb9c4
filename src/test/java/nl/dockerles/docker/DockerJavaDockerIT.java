package nl.dockerles.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.RestartPolicy;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.PortMapping;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The container calls against the real daemon, with busybox. */
class DockerJavaDockerIT {
    private static DockerJavaDocker docker;
    private String runId;

    @BeforeAll
    static void connect() {
        docker = (DockerJavaDocker) DockerConnector.connect(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @BeforeEach
    void newRun() {
        runId = ItSupport.newRunId();
    }

    @AfterEach
    void removeWhatThisTestMade() {
        for (ContainerRow row : docker.listContainers(true, Map.of("nl.dockerles.it", runId))) {
            docker.removeContainer(row.id(), true, true);
        }
    }

    private ContainerSpec busybox(String name, List<String> command) {
        return new ContainerSpec("busybox:latest", command, name, false, false, false,
                List.of(), List.of(), List.of(), null, null, ItSupport.labels(runId));
    }

    private ContainerSpec shell() {
        return new ContainerSpec("busybox:latest", List.of("sh"), null, true, true, false,
                List.of(), List.of(), List.of(), null, null, ItSupport.labels(runId));
    }

    @Test
    void createStartListInspectStopRemove() throws Exception {
        String name = "dockerles-it-" + runId;
        String id = docker.createContainer(busybox(name, List.of("sleep", "300")));
        assertThat(docker.inspectContainer(name)).get().satisfies(info -> {
            assertThat(info.id()).isEqualTo(id);
            assertThat(info.status()).isEqualTo("created");
            assertThat(info.running()).isFalse();
            assertThat(info.startedAt()).isNull();
            assertThat(info.labels()).containsEntry(ItSupport.TEST_LABEL, "true");
        });

        docker.startContainer(id);
        assertThat(docker.inspectContainer(id)).get().extracting(ContainerInfo::running).isEqualTo(true);
        assertThat(docker.listContainers(false, Map.of("nl.dockerles.it", runId)))
                .singleElement().satisfies(row -> {
                    assertThat(row.name()).isEqualTo(name);
                    assertThat(row.image()).isEqualTo("busybox:latest");
                    assertThat(row.state()).isEqualTo("running");
                    assertThat(row.status()).startsWith("Up");
                });
        assertThat(docker.listContainers(true, Map.of("nl.dockerles.it", "iemand-anders"))).isEmpty();

        // busybox sleep as PID 1 ignores SIGTERM: after 1 s comes SIGKILL, 128 + 9.
        docker.stopContainer(id, 1);
        assertThat(docker.waitForExit(id, Duration.ofSeconds(5))).contains(137);
        ContainerInfo stopped = docker.inspectContainer(id).orElseThrow();
        assertThat(stopped.status()).isEqualTo("exited");
        assertThat(stopped.exitCode()).isEqualTo(137);
        assertThat(stopped.finishedAt()).isAfter(stopped.startedAt());
        docker.stopContainer(id, 1); // stopping a stopped container is fine

        docker.removeContainer(id, false, true);
        assertThat(docker.inspectContainer(id)).isEmpty();
        docker.removeContainer(id, false, true); // and removing a removed one too
    }

    @Test
    void theSpecReachesTheDaemon(@TempDir Path site) {
        ContainerSpec spec = new ContainerSpec("busybox:latest", List.of("sleep", "300"), null, false, false, false,
                List.of(new PortMapping(null, 0, 80, "tcp"), new PortMapping("127.0.0.1", 0, 53, "udp"),
                        new PortMapping(null, null, 9000, "tcp")),
                List.of(site + ":/site:ro"), List.of("KLEUR=blauw"), "on-failure:3", "1000:1000",
                ItSupport.labels(runId));
        String id = docker.createContainer(spec);
        docker.startContainer(id);
        InspectContainerResponse raw = docker.dockerClient().inspectContainerCmd(id).exec();
        assertThat(raw.getConfig().getEnv()).contains("KLEUR=blauw");
        assertThat(raw.getConfig().getUser()).isEqualTo("1000:1000");
        assertThat(raw.getHostConfig().getRestartPolicy()).isEqualTo(RestartPolicy.onFailureRestart(3));
        assertThat(raw.getHostConfig().getBinds()).singleElement()
                .satisfies(bind -> assertThat(bind.toString()).startsWith(site + ":/site:ro")); // Podman adds ",rprivate"
        assertThat(raw.getHostConfig().getPortBindings().getBindings()).containsKeys(ExposedPort.tcp(80), ExposedPort.udp(53));
        // Docker leaves an only exposed port out of the bindings; Podman lists it without a binding.
        assertThat(raw.getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(9000))).isNullOrEmpty();
        assertThat(raw.getConfig().getExposedPorts()).contains(ExposedPort.tcp(9000));

        ContainerInfo info = docker.inspectContainer(id).orElseThrow();
        assertThat(info.hostname()).isNotBlank().isEqualTo(raw.getConfig().getHostName());
        assertThat(info.ports()).extracting(PortMapping::containerPort).contains(80, 53).doesNotContain(9000);
        assertThat(info.ports()).filteredOn(p -> p.containerPort() == 80).allSatisfy(port -> {
            assertThat(port.hostPort()).isNotNull().isPositive();
            assertThat(port.protocol()).isEqualTo("tcp");
        });
        assertThat(info.ports()).filteredOn(p -> p.containerPort() == 53).singleElement().satisfies(port -> {
            assertThat(port.hostIp()).isEqualTo("127.0.0.1");
            assertThat(port.hostPort()).isNotNull().isPositive();
            assertThat(port.protocol()).isEqualTo("udp");
        });

        ContainerRow row = docker.listContainers(false, Map.of("nl.dockerles.it", runId)).get(0);
        assertThat(row.ports()).anySatisfy(port -> {
            assertThat(port.containerPort()).isEqualTo(80);
            assertThat(port.hostPort()).isNotNull().isPositive();
            assertThat(port.protocol()).isEqualTo("tcp");
        });
        assertThat(row.ports()).anySatisfy(port -> {
            assertThat(port.containerPort()).isEqualTo(53);
            assertThat(port.hostIp()).isEqualTo("127.0.0.1");
            assertThat(port.protocol()).isEqualTo("udp");
        });
    }

    @Test
    void aTtyShellRunsCommandsAndCtrlPCtrlQDetachesWhileItKeepsRunning() throws Exception {
        String id = docker.createContainer(shell());
        ItSupport.Screen screen = new ItSupport.Screen();
        try (ItSupport.Captured captured = new ItSupport.Captured()) {
            try (Docker.TtySession tty = docker.startAttached(id, screen)) {
                tty.send("echo hallo\n".getBytes());
                assertThat(ItSupport.await(() -> screen.text().matches("(?s).*\\nhallo\\r?\\n.*"),
                        Duration.ofSeconds(10))).as(screen.text()).isTrue();

                tty.send(new byte[] {0x10, 0x11});
                assertThat(tty.awaitEnd(Duration.ofSeconds(5))).isTrue();
                assertThat(docker.inspectContainer(id)).get().extracting(ContainerInfo::running).isEqualTo(true);
                tty.send("na het loskoppelen\n".getBytes()); // dropped, no error
            }
            docker.removeContainer(id, true, false);
            assertThat(captured.text()).isEmpty();
        }
    }

    @Test
    void ctrlDEndsTheShellWithExitZero() throws Exception {
        String id = docker.createContainer(shell());
        ItSupport.Screen screen = new ItSupport.Screen();
        try (ItSupport.Captured captured = new ItSupport.Captured()) {
            try (Docker.TtySession tty = docker.startAttached(id, screen)) {
                tty.send("echo klaar\n".getBytes());
                assertThat(ItSupport.await(() -> screen.text().contains("\nklaar"), Duration.ofSeconds(10))).isTrue();
                tty.send(new byte[] {0x04});
                assertThat(tty.awaitEnd(Duration.ofSeconds(5))).isTrue();
            }
            assertThat(docker.waitForExit(id, Duration.ofSeconds(5))).contains(0);
            assertThat(captured.text()).isEmpty();
        }
    }

    @Test
    void awaitEndDoesNotEndTheSessionWhenTheTimeIsUp() throws Exception {
        String id = docker.createContainer(shell());
        ItSupport.Screen screen = new ItSupport.Screen();
        Docker.TtySession tty = docker.startAttached(id, screen);
        try {
            assertThat(tty.awaitEnd(Duration.ofMillis(200))).isFalse();
            tty.send("echo nog-hier\n".getBytes());
            assertThat(ItSupport.await(() -> screen.text().contains("\nnog-hier"), Duration.ofSeconds(10))).isTrue();
        } finally {
            tty.close();
        }
        assertThat(tty.awaitEnd(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    void attachingToAContainerThatDoesNotExistSaysSo() {
        Throwable thrown = catchThrowable(() -> docker.startAttached("dockerles-bestaat-niet-" + runId, bytes -> { }));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                e -> assertThat(e.key()).isEqualTo("error.container.missing"));
    }

    @Test
    void aMissingImageIsImageMissing() {
        ContainerSpec spec = new ContainerSpec("nl-dockerles-test/ontbreekt:1", List.of(), null, false, false, false,
                List.of(), List.of(), List.of(), null, null, ItSupport.labels(runId));
        Throwable thrown = catchThrowable(() -> docker.createContainer(spec));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.IMAGE_MISSING);
            assertThat(e.key()).isEqualTo("error.image.missing");
            assertThat(e.args()).containsExactly("nl-dockerles-test/ontbreekt:1");
        });
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = "dockerles-it-" + runId;
        docker.createContainer(busybox(name, List.of("true")));
        Throwable thrown = catchThrowable(() -> docker.createContainer(busybox(name, List.of("true"))));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CONFLICT);
            assertThat(e.key()).isEqualTo("error.name.taken");
            assertThat(e.args()[0]).isEqualTo(name);
        });
    }

    @Test
    void pullingWithoutARegistryFailsFastAndQuietly() {
        List<Docker.PullProgress> progress = new ArrayList<>();
        Throwable thrown;
        String output;
        long start = System.nanoTime();
        try (ItSupport.Captured captured = new ItSupport.Captured()) {
            thrown = catchThrowable(() -> docker.pullImage("nl-dockerles-test/bestaat-niet:1", progress::add));
            output = captured.text();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(output).isEmpty();
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.IMAGE_MISSING);
            assertThat(e.key()).isEqualTo("error.image.pull.failed");
            assertThat(e.args()[0]).isEqualTo("nl-dockerles-test/bestaat-niet:1");
            assertThat((String) e.args()[1]).isNotBlank();
        });
    }

    @Test
    void imagesAreFoundByReference() {
        assertThat(docker.imageExists("busybox:latest")).isTrue();
        assertThat(docker.imageExists("busybox")).isTrue();
        assertThat(docker.imageExists("nl-dockerles-test/ontbreekt:1")).isFalse();
    }

    @Test
    void waitingForARunningContainerEndsAtTheTimeout() {
        String id = docker.createContainer(busybox(null, List.of("sleep", "300")));
        docker.startContainer(id);
        long start = System.nanoTime();
        Optional<Integer> exit = docker.waitForExit(id, Duration.ofMillis(300));
        assertThat(exit).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(docker.inspectContainer(id)).get().extracting(ContainerInfo::running).isEqualTo(true);
    }

    @Test
    void unknownContainers() {
        String nobody = "dockerles-bestaat-niet-" + runId;
        assertThat(docker.inspectContainer(nobody)).isEmpty();
        assertThat(docker.waitForExit(nobody, Duration.ofSeconds(1))).isEmpty();
        docker.removeContainer(nobody, true, true);
        Throwable thrown = catchThrowable(() -> docker.stopContainer(nobody, 1));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.container.missing");
        });
    }

    @Test
    void aDaemonErrorCarriesTheDaemonsWords() {
        String id = docker.createContainer(busybox(null, List.of("/bestaat/niet")));
        Throwable thrown = catchThrowable(() -> docker.startContainer(id));
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
            assertThat(e.key()).isEqualTo("error.docker.failed");
            assertThat((String) e.args()[0]).contains("/bestaat/niet").doesNotStartWith("Status");
        });
    }
}
