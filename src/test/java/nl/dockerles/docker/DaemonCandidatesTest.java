package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DaemonCandidatesTest {
    private static final String LINUX = "Linux";

    @TempDir
    Path home;

    private List<String> hosts(Map<String, String> env, String os) {
        return DaemonCandidates.list(env, home, os).stream().map(c -> c.host().toString()).toList();
    }

    @Test
    void withoutAnythingTheSocketsAreTriedInOrder() {
        assertThat(hosts(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), LINUX)).containsExactly(
                "unix:///var/run/docker.sock",
                "unix://" + home + "/.docker/run/docker.sock",
                "unix://" + home + "/.docker/desktop/docker.sock",
                "unix:///run/user/1000/docker.sock",
                "unix:///run/user/1000/podman/podman.sock",
                "unix:///run/podman/podman.sock");
    }

    @Test
    void withoutXdgRuntimeDirItsSocketsAreLeftOut() {
        assertThat(hosts(Map.of(), "Mac OS X")).containsExactly(
                "unix:///var/run/docker.sock",
                "unix://" + home + "/.docker/run/docker.sock",
                "unix://" + home + "/.docker/desktop/docker.sock",
                "unix:///run/podman/podman.sock");
    }

    @Test
    void windowsUsesTheNamedPipe() {
        assertThat(hosts(Map.of(), "Windows 11")).containsExactly("npipe:////./pipe/docker_engine");
    }

    @Test
    void dockerHostWinsOverEverything() throws IOException {
        writeContext("werk", "tcp://werk:2376");
        Map<String, String> env = Map.of("DOCKER_HOST", "unix:///tmp/mijn.sock", "DOCKER_CONTEXT", "werk");
        List<DaemonCandidate> candidates = DaemonCandidates.list(env, home, LINUX);
        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.host()).isEqualTo(URI.create("unix:///tmp/mijn.sock"));
            assertThat(c.source()).isEqualTo("DOCKER_HOST");
            assertThat(c.tlsCertPath()).isNull();
        });
    }

    @Test
    void tcpWithoutPortGetsDockersDefaultPort() {
        assertThat(hosts(Map.of("DOCKER_HOST", "tcp://docker.example"), LINUX))
                .containsExactly("tcp://docker.example:2375");
        assertThat(hosts(Map.of("DOCKER_HOST", "tcp://docker.example", "DOCKER_TLS_VERIFY", "1"), LINUX))
                .containsExactly("tcp://docker.example:2376");
    }

    @Test
    void tlsVerifyUsesDockerCertPathOrElseTheConfigDirectory() {
        DaemonCandidate withPath = DaemonCandidates.list(Map.of("DOCKER_HOST", "tcp://h:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), home, LINUX).get(0);
        assertThat(withPath.tlsCertPath()).isEqualTo(Path.of("/certs"));

        DaemonCandidate withoutPath = DaemonCandidates.list(Map.of("DOCKER_HOST", "tcp://h:2376",
                "DOCKER_TLS_VERIFY", "true"), home, LINUX).get(0);
        assertThat(withoutPath.tlsCertPath()).isEqualTo(home.resolve(".docker"));

        DaemonCandidate off = DaemonCandidates.list(Map.of("DOCKER_HOST", "tcp://h:2375",
                "DOCKER_TLS_VERIFY", "0"), home, LINUX).get(0);
        assertThat(off.tlsCertPath()).isNull();
    }

    @Test
    void dockerContextNamesTheContext() throws IOException {
        Path tls = writeContext("werk", "tcp://werk.example:2376");
        Files.createDirectories(tls);
        DaemonCandidate candidate = DaemonCandidates.list(Map.of("DOCKER_CONTEXT", "werk"), home, LINUX).get(0);
        assertThat(candidate.host()).isEqualTo(URI.create("tcp://werk.example:2376"));
        assertThat(candidate.source()).isEqualTo("context werk");
        assertThat(candidate.tlsCertPath()).isEqualTo(tls);
    }

    @Test
    void currentContextComesFromConfigJsonInDockerConfig() throws IOException {
        Path configDir = home.resolve("elders");
        writeContext(configDir, "thuis", "unix:///run/thuis.sock");
        Files.writeString(configDir.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"thuis\"}");
        assertThat(hosts(Map.of("DOCKER_CONFIG", configDir.toString()), LINUX))
                .containsExactly("unix:///run/thuis.sock");
    }

    @Test
    void theDefaultContextMeansTheUsualSockets() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"default\"}");
        assertThat(hosts(Map.of(), LINUX)).first().isEqualTo("unix:///var/run/docker.sock");
        assertThat(hosts(Map.of("DOCKER_CONTEXT", "default"), LINUX)).first()
                .isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void aBrokenConfigJsonMeansNoContext() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{niet json");
        assertThat(hosts(Map.of(), LINUX)).first().isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    void anUnknownContextIsAnErrorLikeInTheDockerCli() {
        assertThatThrownBy(() -> DaemonCandidates.list(Map.of("DOCKER_CONTEXT", "bestaatniet"), home, LINUX))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
                    assertThat(e.key()).isEqualTo("error.docker.context.unknown");
                    assertThat(e.args()[0]).isEqualTo("bestaatniet");
                });
    }

    @Test
    void anUnparsableDockerHostIsAnError() {
        assertThatThrownBy(() -> DaemonCandidates.list(Map.of("DOCKER_HOST", "geen uri met spaties"), home, LINUX))
                .isInstanceOfSatisfying(DockerlesException.class,
                        e -> assertThat(e.key()).isEqualTo("error.docker.host.invalid"));
    }

    @Test
    void contextDirectoriesAreNamedByTheSha256OfTheName() {
        // The value the docker CLI uses for the context "default" is well known.
        assertThat(DockerContexts.sha256Hex("default"))
                .isEqualTo("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
    }

    private Path writeContext(String name, String host) throws IOException {
        return writeContext(home.resolve(".docker"), name, host);
    }

    /** Writes a context as `docker context create` does; returns its TLS directory (not created). */
    private Path writeContext(Path configDir, String name, String host) throws IOException {
        String hash = DockerContexts.sha256Hex(name);
        Path meta = configDir.resolve("contexts/meta").resolve(hash);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},"
                + "\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
        return configDir.resolve("contexts/tls").resolve(hash).resolve("docker");
    }
}
