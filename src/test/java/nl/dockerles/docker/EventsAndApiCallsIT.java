package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** docker events, the record of HTTP calls, and a second daemon over tcp://. */
class EventsAndApiCallsIT extends RealDaemonIT {

    @TempDir
    Path home;

    @Test
    void eventsShowStartAndDieWithTheExitCodeAndStopWhenClosed() throws Exception {
        List<Docker.ContainerEvent> seen = new CopyOnWriteArrayList<>();
        AutoCloseable events = docker.followEvents(made.runLabel(), seen::add);
        String id;
        try {
            id = made.runDetached(made.busybox(List.of("sh", "-c", "exit 3")));
            assertThat(ItSupport.await(() -> seen.stream().anyMatch(e -> e.action().equals("die")),
                    Duration.ofSeconds(10))).as(seen.toString()).isTrue();
        } finally {
            long start = System.nanoTime();
            events.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        String name = docker.inspectContainer(id).orElseThrow().name();
        assertThat(seen).extracting(Docker.ContainerEvent::action).containsSubsequence("create", "start", "die");
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.id()).isEqualTo(id);
            assertThat(e.name()).isEqualTo(name);
            assertThat(e.attributes()).containsEntry("nl.dockerles.it", made.runId);
            assertThat(e.timeNanos()).isPositive();
        });
        assertThat(seen).filteredOn(e -> e.action().equals("die")).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("exitCode", "3"));

        // Closed: the next container is seen by a new follower, not by the old one.
        int before = seen.size();
        List<Docker.ContainerEvent> second = new CopyOnWriteArrayList<>();
        AutoCloseable again = docker.followEvents(made.runLabel(), second::add);
        try {
            made.runDetached(made.busybox(List.of("true")));
            assertThat(ItSupport.await(() -> second.stream().anyMatch(e -> e.action().equals("die")),
                    Duration.ofSeconds(10))).isTrue();
        } finally {
            again.close();
        }
        assertThat(seen).hasSize(before);
    }

    @Test
    void eventsOfOtherLabelsAreNotSeen() throws Exception {
        List<Docker.ContainerEvent> mine = new CopyOnWriteArrayList<>();
        List<Docker.ContainerEvent> others = new CopyOnWriteArrayList<>();
        AutoCloseable a = docker.followEvents(made.runLabel(), mine::add);
        AutoCloseable b = docker.followEvents(Map.of("nl.dockerles.it", "iemand-anders"), others::add);
        try {
            made.runDetached(made.busybox(List.of("true")));
            assertThat(ItSupport.await(() -> mine.stream().anyMatch(e -> e.action().equals("die")),
                    Duration.ofSeconds(10))).isTrue();
        } finally {
            a.close();
            b.close();
        }
        assertThat(others).isEmpty();
    }

    @Test
    void closingTheDockerStopsItsEventStreams() throws Exception {
        Docker own = DockerConnector.connect(System.getenv(), Path.of(System.getProperty("user.home")));
        List<Docker.ContainerEvent> seen = new CopyOnWriteArrayList<>();
        own.followEvents(made.runLabel(), seen::add);
        long start = System.nanoTime();
        own.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        made.runDetached(made.busybox(List.of("true")));
        assertThat(docker.waitForExit(docker.listContainers(true, made.runLabel()).get(0).id(), Duration.ofSeconds(10)))
                .contains(0);
        assertThat(seen).isEmpty();
    }

    @Test
    void everyRequestIsRecordedWithItsStatus() {
        String api = docker.daemon().negotiatedApiVersion();
        docker.takeApiCalls();
        docker.listContainers(false, made.runLabel());
        docker.inspectContainer("dockerles-bestaat-niet-" + made.runId);
        List<Docker.ApiCall> calls = docker.takeApiCalls();

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).satisfies(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).startsWith("/v" + api + "/containers/json?")
                    .contains("filters=");
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.took()).isPositive().isLessThan(Duration.ofSeconds(5));
        });
        assertThat(calls.get(1).path()).endsWith("/containers/dockerles-bestaat-niet-" + made.runId + "/json");
        assertThat(calls.get(1).status()).isEqualTo(404);
        assertThat(docker.takeApiCalls()).isEmpty();
    }

    @Test
    void streamsAreRecordedWhenTheAnswerArrives() {
        String id = made.runDetached(made.busybox(List.of("sh", "-c", "sleep 1; echo klaar")));
        docker.takeApiCalls();
        assertThat(docker.attachUntilExit(id, bytes -> { }, Duration.ofSeconds(10))).contains(0);
        List<Docker.ApiCall> calls = docker.takeApiCalls();
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).contains("/containers/" + id + "/attach?");
            assertThat(call.status()).isEqualTo(200);
            // The headers come at once; the stream itself lasted a second.
            assertThat(call.took()).isLessThan(Duration.ofMillis(900));
        });
        assertThat(calls).anySatisfy(call -> assertThat(call.path()).contains("/containers/" + id + "/wait"));
    }

    @Test
    void aSecondDaemonOverTcpWorksTheSameWay() throws Exception {
        try (UnixSocketProxy proxy = new UnixSocketProxy(ItSupport.daemonSocket());
             Docker second = DockerConnector.connect(Map.of("DOCKER_HOST", proxy.dockerHost()), home)) {
            assertThat(second.daemon().host()).isEqualTo(proxy.dockerHost());
            List<Docker.ContainerEvent> seen = new CopyOnWriteArrayList<>();
            AutoCloseable events = second.followEvents(made.runLabel(), seen::add);
            try {
                String id = second.createContainer(made.busybox(List.of("sh", "-c", "sleep 1; echo via-tcp")));
                second.startContainer(id);
                ItSupport.Screen screen = new ItSupport.Screen();
                assertThat(second.attachUntilExit(id, screen, Duration.ofSeconds(10))).contains(0);
                assertThat(screen.text()).isEqualTo("via-tcp\n");
                assertThat(second.logs(id, null)).isEqualTo("via-tcp\n");
                assertThat(ItSupport.await(() -> seen.stream().anyMatch(e -> e.action().equals("die")),
                        Duration.ofSeconds(10))).isTrue();
            } finally {
                events.close();
            }
            assertThat(second.takeApiCalls()).isNotEmpty();
            assertThat(docker.listContainers(true, made.runLabel())).hasSize(1); // the same daemon, seen directly
        }
    }

    @Test
    void followingEventsOfADaemonThatIsGoneFailsFast() throws Exception {
        UnixSocketProxy proxy = new UnixSocketProxy(ItSupport.daemonSocket());
        try (Docker second = DockerConnector.connect(Map.of("DOCKER_HOST", proxy.dockerHost()), home)) {
            proxy.close();
            long start = System.nanoTime();
            Throwable thrown;
            try (ItSupport.Captured captured = new ItSupport.Captured()) {
                thrown = catchThrowable(() -> second.followEvents(Map.of(), e -> { }));
                assertThat(captured.text()).isEmpty();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE));
        }
    }
}
