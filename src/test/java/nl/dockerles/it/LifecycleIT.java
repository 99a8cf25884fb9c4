package nl.dockerles.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dockerles demo lifecycle} against the real daemon, run as the built jar. */
class LifecycleIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("lifecycle")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void createsStopsAndRemovesARealContainer() throws Exception {
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "lifecycle");
        Instant end = Instant.now();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        // No terminal: no waiting, no colour codes, and no library log lines.
        assertThat(result.out()).doesNotContain("\u001B[").doesNotContain("SLF4J").doesNotContain("⏎");
        assertThat(result.out()).contains("$ docker run -it --name demo busybox sh")
                .containsPattern("/ # ps ax\\R")
                .contains("De shell (sh) heeft PID 1")
                .containsPattern("Exited \\(137\\)")
                .contains("→ ");
        assertThat(result.out()).containsPattern("Dat duurde 1\\d,\\d seconden");
        assertThat(result.unfilled()).isEmpty();

        // Only this run's container: a container of the test before may die within the same second.
        List<Event> all = DaemonState.events("lifecycle", start, end);
        String id = all.stream().filter(e -> "create".equals(e.getAction())).reduce((a, b) -> b).orElseThrow().getId();
        List<Event> events = all.stream().filter(e -> id.equals(e.getId())).toList();
        assertThat(events).extracting(Event::getAction)
                .containsSubsequence("create", "attach", "start", "kill", "die", "destroy");
        assertThat(events).filteredOn(e -> "die".equals(e.getAction()))
                .extracting(e -> e.getActor().getAttributes().get("exitCode")).containsExactly("137");
        assertThat(events).filteredOn(e -> "create".equals(e.getAction()))
                .extracting(e -> e.getActor().getAttributes().get("name")).containsExactly("demo");
    }

    @Test
    void aUsersOwnContainerNamedDemoSurvivesUntouched() throws Exception {
        DockerClient docker = DaemonState.client();
        String id = docker.createContainerCmd("busybox:latest").withName("demo").withCmd("sleep", "300")
                .withLabels(Map.of("nl.dockerles.test", "eigen-container")).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            var before = docker.inspectContainerCmd(id).exec();

            DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "lifecycle");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.err()).contains("Er bestaat al een container met de naam \"demo\"")
                    .doesNotContain("Exception");
            var after = docker.inspectContainerCmd(id).exec();
            assertThat(after.getState().getRunning()).isTrue();
            assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
            assertThat(after.getName()).isEqualTo("/demo");
        } finally {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    @Test
    void noDaemonGivesTheDutchMessageAndExitCodeWithinTwoSeconds() throws Exception {
        long started = System.nanoTime();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of("DOCKER_HOST", "unix:///tmp/geen-docker.sock"),
                "demo", "lifecycle");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("unix:///tmp/geen-docker.sock").contains("Docker")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SLF4J");
        assertThat(result.out()).isEmpty();
        // The JVM's own start is part of what the user waits for.
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void ctrlCMidDemoCleansUpWhatTheDemoMade() throws Exception {
        DockerlesJar demo = DockerlesJar.start(Map.of(), "demo", "lifecycle");
        // The stop step takes ~10 s: interrupt while the container exists.
        assertThat(demo.awaitOutput("$ docker stop demo", LIMIT)).isTrue();
        assertThat(DaemonState.managedContainers("lifecycle")).hasSize(1);
        demo.interrupt();
        DockerlesJar.Result result = demo.await(LIMIT);

        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(result.err()).contains("Onderbroken. Opgeruimd wat deze demo maakte: demo");
    }
}
