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
    void sshIsNotSupportedAndSaysWhatToUseInstead() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "ssh://me@server"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
        assertThat(e.key()).isEqualTo("error.docker.ssh");
        assertThat(e.args()).containsExactly("ssh://me@server (DOCKER_HOST)");
    }

    @Test
    void aMissingSocketIsNotTriedButReported() {
        DockerlesException e = failure(Map.of("DOCKER_HOST", "unix://" + home.resolve("nergens.sock")));
        assertThat(e.key()).isEqualTo("error.docker.unreachable");
        assertThat((String) e.args()[0]).isEqualTo("  - unix://" + home.resolve("nergens.sock") + " (DOCKER_HOST): bestaat niet");
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
        assertThat((String) e.args()[0]).contains("http:// wordt niet ondersteund");
    }
}
