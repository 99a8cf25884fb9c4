package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failures that need no daemon to find out. */
class DockerConnectorTest {
    @TempDir
    Path home;

    private DockerlesException failure(Map<String, String> env) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> DockerConnector.connect(env, home));
        assertThat(thrown).isInstanceOf(DockerlesException.class);
        return (DockerlesException) thrown;
    }

    @Test
    void sshThatIsNotInstalledIsSaidSo() throws Exception {
        Path empty = Files.createDirectories(home.resolve("bin"));
        DockerlesException e = failure(Map.of("DOCKER_HOST", "ssh://me@server", "PATH", empty.toString()));
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
        assertThat(e.key()).isEqualTo("error.docker.ssh.missing");
        assertThat(e.args()).containsExactly("ssh://me@server (DOCKER_HOST)", empty.toString());
    }

    /** A stand-in for ssh on PATH: it writes its arguments to ssh.args and then does {@code body}. */
    private Map<String, String> fakeSsh(String body, String... more) throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path ssh = bin.resolve("ssh");
        Files.writeString(ssh, "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + home.resolve("ssh.args") + "\n" + body + "\n");
        Files.setPosixFilePermissions(ssh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.util.Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", bin + ":/usr/bin:/bin",
                "TMPDIR", Files.createDirectories(home.resolve("tmp")).toString()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void sshRunsTheDockerClisCommandLineAndItsFailureIsExplained() throws Exception {
        Map<String, String> env = fakeSsh("echo 'Host key verification failed.' >&2; exit 255",
                "DOCKER_HOST", "ssh://root@127.0.0.1:2222");
        DockerlesException e = failure(env);
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
        assertThat(e.key()).isEqualTo("error.docker.ssh.hostkey");
        assertThat(e.args()).containsExactly("ssh://root@127.0.0.1:2222 (DOCKER_HOST)",
                "ssh -o BatchMode=yes -o ConnectTimeout=30 -T -l root -p 2222 -- 127.0.0.1 docker system dial-stdio",
                "Host key verification failed.", "127.0.0.1", "ssh -p 2222 root@127.0.0.1");
        assertThat(Files.readAllLines(home.resolve("ssh.args"))).containsExactly("-o", "BatchMode=yes", "-o",
                "ConnectTimeout=30", "-T", "-l", "root", "-p", "2222", "--", "127.0.0.1", "docker", "system",
                "dial-stdio");
        // Nothing left behind: the bridge's folder in TMPDIR is gone.
        try (var left = Files.list(home.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aRemoteMachineWithoutDockerIsSaidSo() throws Exception {
        DockerlesException e = failure(fakeSsh("echo 'bash: line 1: docker: command not found' >&2; exit 127",
                "DOCKER_HOST", "ssh://werk"));
        assertThat(e.key()).isEqualTo("error.docker.ssh.nodocker");
        assertThat(e.args()[2]).isEqualTo("bash: line 1: docker: command not found");
        assertThat(e.args()[4]).isEqualTo("ssh werk");
    }

    @Test
    void aContextWithAnSshHostGoesOverSsh() throws Exception {
        Path config = home.resolve(".docker");
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.sha256Hex("werk")));
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"werk\",\"Endpoints\":{\"docker\":{\"Host\":\"ssh://ik@server\"}}}");
        DockerlesException e = failure(fakeSsh("echo 'ik@server: Permission denied (publickey).' >&2; exit 255",
                "DOCKER_CONTEXT", "werk"));
        assertThat(e.key()).isEqualTo("error.docker.ssh.auth");
        assertThat(e.args()[0]).isEqualTo("ssh://ik@server (context werk)");
        assertThat(Files.readAllLines(home.resolve("ssh.args"))).containsSubsequence("-l", "ik", "--", "server");
    }

    @Test
    void anSshAddressWithAPasswordIsRefused() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "ssh://me:geheim@server"));
        assertThat(e.key()).isEqualTo("error.docker.ssh.address");
    }

    @Test
    void aMissingSocketIsNotTriedButReported() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "unix://" + home.resolve("nergens.sock")));
        assertThat(e.key()).isEqualTo("error.docker.unreachable");
        assertThat(nl.dockerles.Messages.dutch().of(e)).contains("Geprobeerd:\n  - unix://" + home.resolve("nergens.sock")
                + " (DOCKER_HOST): bestaat niet\nWat nu:");
        assertThat(new nl.dockerles.Messages(java.util.Locale.ENGLISH).of(e))
                .contains("  - unix://" + home.resolve("nergens.sock") + " (DOCKER_HOST): does not exist\n");
    }

    @Test
    void tlsWithoutCertificatesIsAnError() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1"));
        assertThat(e.key()).isEqualTo("error.docker.tls.certs");
        assertThat(e.args()).containsExactly(home.resolve(".docker").toString(), "ca.pem, cert.pem, key.pem",
                "tcp://127.0.0.1:2376 (DOCKER_HOST)");
    }

    @Test
    void unreadableCertificatesAreAnError() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        for (String file : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            Files.writeString(certs.resolve(file), "geen certificaat");
        }
        DockerlesException e = failure(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()));
        assertThat(e.key()).isEqualTo("error.docker.tls.invalid");
    }

    @Test
    void anUnsupportedSchemeIsReported() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "http://localhost:2375"));
        assertThat(e.key()).isEqualTo("error.docker.unreachable");
        assertThat(nl.dockerles.Messages.dutch().of(e)).contains("http:// wordt niet ondersteund");
        assertThat(new nl.dockerles.Messages(java.util.Locale.ENGLISH).of(e)).contains("the scheme http:// is not supported");
    }
}
