package nl.dockerles.engine.actions;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** api-calls shows only the requests of its own question, with the version prefix, and names the main one. */
class ApiCallsActionTest {
    private final ActionTesting testing = new ActionTesting();
    private final ApiCallsAction action = new ApiCallsAction();

    @Test
    void psIsOneGetOnContainersJsonAndEarlierCallsAreNotShown() {
        FakeDocker docker = recording();
        pending.add(new Docker.ApiCall("POST", "/v1.41/containers/create", 201, Duration.ofMillis(9)));

        String output = action.run(testing.context(docker), Map.of("request", "ps"));

        assertThat(output).isEqualTo("GET /v1.41/containers/json?all=false → 200 (3 ms)\n");
        assertThat(testing.facts.asMap()).containsEntry("api.first", "GET /v1.41/containers/json")
                .containsEntry("api.path", "/v1.41/containers/json").containsEntry("api.prefix", "/v1.41")
                .containsEntry("api.status", "200").containsEntry("api.calls", "1")
                .containsEntry("api.containers", "1").containsEntry("api.names", "bewoner");
        assertThat(testing.screen()).contains("JSON met één draaiende container: bewoner.");
    }

    @Test
    void versionAsksWhatDockerVersionAsksAndNothingElse() {
        FakeDocker docker = recording();
        docker.onDaemon = () -> {
            throw new AssertionError("docker version does not ask /info");
        };

        String output = action.run(testing.english(docker), Map.of("request", "version"));

        assertThat(output).isEqualTo("GET /v1.41/version → 200 (2 ms)\n");
        assertThat(testing.facts.asMap()).containsEntry("api.first", "GET /v1.41/version")
                .containsEntry("api.calls", "1").containsEntry("daemon.engine", "Docker Engine")
                .containsEntry("daemon.version", "20.10.24").containsEntry("daemon.api", "1.41")
                .containsEntry("daemon.os", "linux/amd64");
        assertThat(testing.screen())
                .contains("The answer: Docker Engine 20.10.24, API version 1.41 (dockerles speaks 1.41), linux/amd64.");
    }

    @Test
    void podmanAnsweringIsCalledPodman() {
        FakeDocker docker = recording();
        docker.onServerVersion = () -> {
            pending.add(new Docker.ApiCall("GET", "/v1.41/version", 200, Duration.ofMillis(4)));
            return new Docker.ServerVersion("4.3.1", "1.41", "1.41", "linux", "amd64", true);
        };

        action.run(testing.context(docker), Map.of("request", "version"));

        assertThat(testing.facts.asMap()).containsEntry("daemon.engine", "Podman")
                .containsEntry("daemon.version", "4.3.1");
        assertThat(testing.screen()).contains("Het antwoord: Podman 4.3.1, API-versie 1.41")
                .doesNotContain("Docker Engine");
    }

    @Test
    void anUnversionedPathHasAnEmptyPrefixAndAFailedCallShowsADash() {
        assertThat(ApiCallsAction.prefix("/v1.44/containers/json")).isEqualTo("/v1.44");
        assertThat(ApiCallsAction.prefix("/_ping")).isEmpty();
        assertThat(ApiCallsAction.pathOnly("/v1.41/containers/json?all=1")).isEqualTo("/v1.41/containers/json");
        assertThat(ApiCallsAction.render(List.of(new Docker.ApiCall("GET", "/_ping", 0, Duration.ofMillis(1))),
                new nl.dockerles.Messages(java.util.Locale.ENGLISH)))
                .isEqualTo("GET /_ping → - (1 ms)\n");
    }

    @Test
    void theShellEquivalentIsCurlOnTheSocketAndOnlyKnownRequestsAreAccepted() {
        assertThat(action.shell(Map.of("request", "ps")))
                .isEqualTo("curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json");
        assertThat(action.shell(Map.of("request", "version")))
                .isEqualTo("curl -s --unix-socket /var/run/docker.sock http://localhost/version");
        assertThatThrownBy(() -> action.shell(Map.of("request", "images")))
                .hasMessageContaining("error.content.invalid");
    }

    @Test
    void byHandCurlAndSocatReachThisRunsDaemonOnItsOwnSocket() {
        var podman = testing.context(new FakeDocker(new FakeTime()).host("unix:///run/podman/podman.sock"));
        TcpOpenAction open = new TcpOpenAction();

        assertThat(action.shell(action.asRun(podman, Map.of("request", "version"))))
                .isEqualTo("curl -s --unix-socket /run/podman/podman.sock http://localhost/version");
        assertThat(open.shell(open.asRun(podman, Map.of("port", "2375"))))
                .isEqualTo("socat TCP-LISTEN:2375,bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:/run/podman/podman.sock &");
        // A daemon elsewhere has no socket here: the line stays Docker's own, as demos/<id>.sh has it.
        var tcp = testing.context(new FakeDocker(new FakeTime()).host("tcp://10.0.0.5:2375"));
        assertThat(action.shell(action.asRun(tcp, Map.of("request", "ps"))))
                .isEqualTo("curl -s --unix-socket /var/run/docker.sock http://localhost/containers/json");
    }

    /** A daemon that records its HTTP calls as the real transport does. */
    /** Calls the daemon had, as the real client records them, until the action takes them. */
    private final List<Docker.ApiCall> pending = new ArrayList<>();

    /** ps lists one container; version asks GET /version, as docker version does. */
    private FakeDocker recording() {
        FakeDocker fake = new FakeDocker(new FakeTime());
        nl.dockerles.daemon.DaemonInfo daemon = new FakeDocker(new FakeTime()).daemon();
        fake.onListContainers = (all, labels) -> {
            pending.add(new Docker.ApiCall("GET", "/v1.41/containers/json?all=false", 200, Duration.ofMillis(3)));
            return List.of(new ContainerRow("b".repeat(64), "busybox", "sleep 300", 0, "running", "Up 1 second",
                    List.of(), List.of("/bewoner"), Map.of()));
        };
        fake.onServerVersion = () -> {
            pending.add(new Docker.ApiCall("GET", "/v1.41/version", 200, Duration.ofMillis(2)));
            return new Docker.ServerVersion(daemon.serverVersion(), daemon.apiVersion(),
                    daemon.negotiatedApiVersion(), daemon.os(), daemon.architecture(), daemon.podman());
        };
        fake.onTakeApiCalls = () -> {
            List<Docker.ApiCall> taken = List.copyOf(pending);
            pending.clear();
            return taken;
        };
        return fake;
    }
}
