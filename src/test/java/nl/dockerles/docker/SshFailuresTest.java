package nl.dockerles.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;

import static nl.dockerles.docker.SshFailures.Kind;
import static org.assertj.core.api.Assertions.assertThat;

/** What ssh, the remote shell and the remote docker write when it fails, read as the kind of failure. */
class SshFailuresTest {
    @TempDir
    Path dir;

    @Test
    void sshsOwnWords() {
        assertThat(SshFailures.kind(255, "Host key verification failed.\r\n")).isEqualTo(Kind.HOSTKEY);
        assertThat(SshFailures.kind(255, "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@")).isEqualTo(Kind.HOSTKEY);
        assertThat(SshFailures.kind(255, "root@127.0.0.1: Permission denied (publickey).")).isEqualTo(Kind.AUTH);
        assertThat(SshFailures.kind(255, "ssh: Could not resolve hostname nergens: Name or service not known"))
                .isEqualTo(Kind.RESOLVE);
        assertThat(SshFailures.kind(255, "ssh: connect to host 127.0.0.1 port 1: Connection refused")).isEqualTo(Kind.REFUSED);
        assertThat(SshFailures.kind(255, "ssh: connect to host 10.1.2.3 port 22: Connection timed out"))
                .isEqualTo(Kind.NETWORK);
        assertThat(SshFailures.kind(255, "ssh: connect to host 10.1.2.3 port 22: No route to host")).isEqualTo(Kind.NETWORK);
    }

    @Test
    void theRemoteSideAfterALogin() {
        assertThat(SshFailures.kind(127, "bash: line 1: docker: command not found")).isEqualTo(Kind.NO_DOCKER);
        assertThat(SshFailures.kind(127, "sh: 1: docker: not found")).isEqualTo(Kind.NO_DOCKER);
        assertThat(SshFailures.kind(1, "docker: 'dial-stdio' is not a docker command.")).isEqualTo(Kind.NO_DIAL_STDIO);
        // The remote docker's "permission denied" is about the daemon's socket, not about ssh.
        assertThat(SshFailures.kind(1, "permission denied while trying to connect to the Docker daemon socket at "
                + "unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied"))
                .isEqualTo(Kind.DAEMON_ACCESS);
        assertThat(SshFailures.kind(1, "failed to open the raw stream connection: dial unix /var/run/docker.sock: "
                + "connect: no such file or directory")).isEqualTo(Kind.DAEMON_DOWN);
        assertThat(SshFailures.kind(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. "
                + "Is the docker daemon running?")).isEqualTo(Kind.DAEMON_DOWN);
        assertThat(SshFailures.kind(1, "iets heel anders")).isEqualTo(Kind.OTHER);
    }

    @Test
    void everyKindHasAMessageInBothLanguagesThatFormats() throws IOException {
        for (String bundle : new String[] {"/nl/dockerles/Messages.properties", "/nl/dockerles/Messages_en.properties"}) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Kind kind : Kind.values()) {
                String pattern = texts.getProperty(kind.messageKey());
                assertThat(pattern).as(bundle + " " + kind.messageKey()).isNotBlank();
                String text = new MessageFormat(pattern).format(new Object[] {"ssh://ik@server (DOCKER_HOST)",
                        "ssh -o BatchMode=yes -- server docker system dial-stdio", "wat ssh zei", "server",
                        "ssh ik@server"});
                assertThat(text).as(kind.messageKey()).contains("ssh://ik@server (DOCKER_HOST)",
                        "ssh -o BatchMode=yes -- server docker system dial-stdio", "wat ssh zei")
                        .doesNotContain("{");
            }
        }
    }

    @Test
    void saidKeepsTheLastLinesThatMatter() {
        assertThat(SshFailures.said("Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.\r\n"
                + "root@127.0.0.1: Permission denied (publickey).\r\n"))
                .isEqualTo("root@127.0.0.1: Permission denied (publickey).");
        assertThat(SshFailures.said("a\nb\n\nc\nd\n")).isEqualTo("b / c / d");
        assertThat(SshFailures.said("")).isEmpty();
    }

    @Test
    void sshIsFoundOnPathAsTheShellFindsIt() throws IOException {
        Path first = Files.createDirectories(dir.resolve("eerst"));
        Path second = Files.createDirectories(dir.resolve("later"));
        Files.writeString(first.resolve("ssh"), "niet uitvoerbaar");
        Path ssh = Files.writeString(second.resolve("ssh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(SshFailures.findSsh(Map.of("PATH", first + ":" + second), "Linux")).contains(ssh);
        assertThat(SshFailures.findSsh(Map.of("PATH", first.toString()), "Linux")).isEmpty();
    }
}
