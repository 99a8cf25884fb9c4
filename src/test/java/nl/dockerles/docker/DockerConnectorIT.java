package nl.dockerles.docker;

import com.sun.net.httpserver.HttpServer;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Finding the real daemon on this machine, and failing fast when there is none. */
class DockerConnectorIT {
    private static final Duration FAST = Duration.ofMillis(2000);

    @TempDir
    Path home;

    private static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("DOCKER_HOST");
        env.remove("DOCKER_CONTEXT");
        env.remove("DOCKER_API_VERSION");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Test
    void connectsAndNegotiatesTheApiVersion() {
        try (Docker docker = DockerConnector.connect(env(), home)) {
            DaemonInfo daemon = docker.daemon();
            // Without DOCKER_HOST dockerles tries the known sockets: the default one, or where this daemon listens
            // (Podman's /run/podman/podman.sock, which the tests reach through DOCKER_HOST).
            assertThat(daemon.host()).isEqualTo(ItSupport.daemonHost());
            assertThat(daemon.serverVersion()).isNotBlank();
            assertThat(daemon.os()).isEqualTo("linux");
            assertThat(daemon.architecture()).isNotBlank();
            assertThat(daemon.operatingSystem()).isNotBlank();
            assertThat(daemon.kernelVersion()).isNotBlank();
            assertThat(daemon.negotiatedApiVersion())
                    .isEqualTo(ApiVersions.choose(daemon.apiVersion(), null, null));
            if (daemon.apiVersion().equals("1.41")) {
                assertThat(daemon.negotiatedApiVersion()).isEqualTo("1.41"); // Docker 20.10, as on this machine
            }
        }
    }

    @Test
    void aDockerApiVersionAboveTheDaemonsIsADutchSentence() {
        int[] newest = parse(daemonClient().versionCmd().exec().getApiVersion());
        String tooNew = newest[0] + "." + (newest[1] + 1);
        assertThatThrownBy(() -> DockerConnector.connect(env("DOCKER_API_VERSION", tooNew), home).close())
                .isInstanceOfSatisfying(nl.dockerles.DockerlesException.class,
                        e -> assertThat(e.key()).isEqualTo("error.api.toonew"));
    }

    @Test
    void dockerApiVersionIsHonoured() {
        String minimum = daemonClient().versionCmd().exec().getMinAPIVersion();
        if (minimum != null && ApiVersions.compare(parse(minimum), parse("1.40")) > 0) {
            // A daemon that no longer speaks 1.40 (Docker 29, or 28 with DOCKER_MIN_API_VERSION=1.44): a Dutch
            // sentence with what to do, not the daemon's English "client version 1.40 is too old" (issue 12).
            assertThatThrownBy(() -> DockerConnector.connect(env("DOCKER_API_VERSION", "1.40"), home).close())
                    .isInstanceOfSatisfying(nl.dockerles.DockerlesException.class,
                            e -> assertThat(e.key()).isEqualTo("error.api.tooold"));
            return;
        }
        try (Docker docker = DockerConnector.connect(env("DOCKER_API_VERSION", "1.40"), home)) {
            assertThat(docker.daemon().negotiatedApiVersion()).isEqualTo("1.40");
            assertThat(docker.listContainers(true, Map.of(ItSupport.TEST_LABEL, "nooit"))).isEmpty();
        }
    }

    private static com.github.dockerjava.api.DockerClient daemonClient() {
        return org.testcontainers.DockerClientFactory.instance().client();
    }

    private static int[] parse(String version) {
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    @Test
    void aContextLeadsToItsEndpoint() throws Exception {
        Path meta = home.resolve(".docker/contexts/meta").resolve(DockerContexts.sha256Hex("lokaal"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"lokaal\",\"Endpoints\":{\"docker\":{\"Host\":\"" + ItSupport.daemonHost() + "\"}}}");
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"lokaal\"}");
        try (Docker docker = DockerConnector.connect(env(), home)) {
            assertThat(docker.daemon().serverVersion()).isNotBlank();
        }
    }

    @Test
    void aMissingSocketFailsFastWithDockerUnavailable() {
        assertUnavailableWithin(FAST, env("DOCKER_HOST", "unix:///nonexistent.sock"),
                "  - unix:///nonexistent.sock (DOCKER_HOST): bestaat niet");
    }

    @Test
    void aClosedTcpPortFailsFastWithDockerUnavailable() {
        assertUnavailableWithin(FAST, env("DOCKER_HOST", "tcp://127.0.0.1:1"),
                "  - tcp://127.0.0.1:1 (DOCKER_HOST): verbinding geweigerd");
    }

    @Test
    void aServerThatNeverAnswersStillFailsWithinTheBudget() throws Exception {
        // The kernel accepts the connection (backlog) but nobody ever reads or answers: a hung daemon.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String host = "tcp://127.0.0.1:" + silent.getLocalPort();
            assertUnavailableWithin(FAST, env("DOCKER_HOST", host),
                    "  - " + host + " (DOCKER_HOST): geen antwoord binnen 1.8 s");
        }
    }

    @Test
    void somethingThatIsNotDockerIsCalledSo() throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        web.start();
        try {
            String host = "tcp://127.0.0.1:" + web.getAddress().getPort();
            assertUnavailableWithin(FAST, env("DOCKER_HOST", host),
                    "  - " + host + " (DOCKER_HOST): antwoordt, maar niet als Docker daemon (HTTP 404)");
        } finally {
            web.stop(0);
        }
    }

    private void assertUnavailableWithin(Duration limit, Map<String, String> env, String expectedLine) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> DockerConnector.connect(env, home).close());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(limit);
        assertThat(thrown).isInstanceOfSatisfying(DockerlesException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
            assertThat(e.key()).isEqualTo("error.docker.unreachable");
            if (expectedLine != null) {
                // What was tried, one line each, in the user's language (Dutch here).
                assertThat(nl.dockerles.Messages.dutch().of(e)).contains("Geprobeerd:\n" + expectedLine + "\nWat nu:");
            }
        });
    }
}
