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
        // Ctrl-P Ctrl-Q detached the shell on the daemon itself (Podman too: each key in a write of its own).
        assertThat(result.out()).contains("<Ctrl-P Ctrl-Q>").doesNotContain("reageert niet op Ctrl-P Ctrl-Q");
        assertThat(result.unfilled()).isEmpty();

        // Two reasons why stop waits (PID 1, and an interactive shell), and the --init contrast, live.
        String said = result.out().replaceAll("\\s+", " ");
        assertThat(said).contains("een interactieve shell negeert SIGTERM sowieso")
                .containsPattern("Ook 1\\d,\\d seconden, en exitcode 137\\.")
                .containsPattern("Nu ging het in 0,\\d seconden, met exitcode 143: 128 \\+ 15, SIGTERM\\.")
                .doesNotContain("stopt de container meteen");

        // Only this run's containers: a container of the test before may die within the same second.
        List<Event> all = DaemonState.events("lifecycle", start, end);
        List<Event> events = eventsOf(all, "demo");
        // Docker reports docker stop's signals as kill events and the removal as destroy; Podman 4.3 reports no
        // kill event for a stop, and the removal as remove.
        boolean podman = DaemonState.podman();
        assertThat(events).extracting(Event::getAction).containsSubsequence(podman
                ? List.of("create", "attach", "start", "die", "remove")
                : List.of("create", "attach", "start", "kill", "die", "destroy"));
        assertThat(events).filteredOn(e -> "die".equals(e.getAction()))
                .extracting(e -> e.getActor().getAttributes().get("exitCode")).containsExactly("137");
        // sleep as PID 1 ignores SIGTERM too: SIGKILL after the 10 s; with --init it ends at once, exit 143.
        assertThat(exitCode(eventsOf(all, "zonderinit"))).isEqualTo("137");
        assertThat(exitCode(eventsOf(all, "metinit"))).isEqualTo("143");
        if (!podman) {
            assertThat(termToDie(eventsOf(all, "zonderinit"))).isGreaterThan(Duration.ofSeconds(9));
            assertThat(termToDie(eventsOf(all, "metinit"))).isLessThan(Duration.ofSeconds(1));
        }
    }

    private static List<Event> eventsOf(List<Event> all, String name) {
        String id = all.stream().filter(e -> "create".equals(e.getAction()))
                .filter(e -> name.equals(e.getActor().getAttributes().get("name")))
                .reduce((a, b) -> b).orElseThrow().getId();
        return all.stream().filter(e -> id.equals(e.getId())).toList();
    }

    private static String exitCode(List<Event> events) {
        return events.stream().filter(e -> "die".equals(e.getAction())).findFirst().orElseThrow()
                .getActor().getAttributes().get("exitCode");
    }

    /** From docker stop's SIGTERM (kill, signal 15) to the container's end. */
    private static Duration termToDie(List<Event> events) {
        long term = events.stream().filter(e -> "kill".equals(e.getAction()))
                .filter(e -> "15".equals(e.getActor().getAttributes().get("signal")))
                .findFirst().orElseThrow().getTimeNano();
        long die = events.stream().filter(e -> "die".equals(e.getAction())).findFirst().orElseThrow().getTimeNano();
        return Duration.ofNanos(die - term);
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
        // The first screen (title and intro) comes before the connection is made; no step starts.
        assertThat(result.out()).doesNotContain("$ docker").doesNotContain("──");
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
