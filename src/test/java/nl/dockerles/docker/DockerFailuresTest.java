package nl.dockerles.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

class DockerFailuresTest {

    @Test
    void theDaemonsMessageIsTakenFromTheJsonBody() {
        var e = new ConflictException("{\"message\":\"Conflict. The container name \\\"/web\\\" is already in use\"}\n");
        assertThat(DockerFailures.daemonMessage(e)).isEqualTo("Conflict. The container name \"/web\" is already in use");
    }

    @Test
    void aBodyThatIsNoJsonIsShownAsItIs() {
        assertThat(DockerFailures.daemonMessage(new InternalServerErrorException("kapot"))).isEqualTo("kapot");
    }

    @Test
    void podman43sWaitRaceIsKnownByItsWordsOnly() {
        assertThat(DockerFailures.isPodmanCgroupRace(new InternalServerErrorException(
                "{\"cause\":\"no such process\",\"message\":\"read /proc/19189/cgroup: no such process\","
                        + "\"response\":500}\n"))).isTrue();
        assertThat(DockerFailures.isPodmanCgroupRace(new InternalServerErrorException(
                "{\"message\":\"read /proc/19189/cgroup: permission denied\"}"))).isFalse();
        assertThat(DockerFailures.isPodmanCgroupRace(new InternalServerErrorException(
                "{\"message\":\"read /proc/self/cgroup: no such process\"}"))).isFalse();
    }

    @Test
    void aDaemonErrorBecomesDockerError() {
        DockerlesException e = DockerFailures.translate(
                new InternalServerErrorException("{\"message\":\"driver failed\"}"), "unix:///x.sock");
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_ERROR);
        assertThat(e.key()).isEqualTo("error.docker.failed");
        assertThat(e.args()).containsExactly("driver failed");
    }

    @Test
    void aLostConnectionBecomesDockerUnavailable() {
        DockerlesException e = DockerFailures.translate(
                new RuntimeException(new SocketException("Broken pipe")), "unix:///x.sock");
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
        assertThat(e.key()).isEqualTo("error.docker.lost");
        assertThat(e.args()).containsExactly("unix:///x.sock", "Broken pipe");
    }

    @Test
    void aDockerlesExceptionPassesUnchanged() {
        DockerlesException original = new DockerlesException(ExitCode.CONFLICT, "error.name.taken", "web", "x");
        assertThat(DockerFailures.translate(original, "h")).isSameAs(original);
    }

    @Test
    void connectionReasonsAreSaidInTheUsersLanguage() {
        var budget = DockerConnector.BUDGET;
        nl.dockerles.Messages dutch = nl.dockerles.Messages.dutch();
        nl.dockerles.Messages english = new nl.dockerles.Messages(java.util.Locale.ENGLISH);
        var refused = DaemonProbe.reason(new RuntimeException(new java.net.ConnectException("Connection refused")), budget);
        assertThat(dutch.get(refused.key(), refused.args())).isEqualTo("verbinding geweigerd");
        assertThat(english.get(refused.key(), refused.args())).isEqualTo("connection refused");
        var denied = DaemonProbe.reason(new RuntimeException(new SocketException("Permission denied")), budget);
        assertThat(dutch.get(denied.key(), denied.args())).startsWith("geen toegang");
        var other = DaemonProbe.reason(new RuntimeException(new IOException("iets anders")), budget);
        assertThat(english.get(other.key(), other.args())).isEqualTo("IOException: iets anders");
        var web = DaemonProbe.reason(new DaemonProbe.NotADaemon(404), budget);
        assertThat(dutch.get(web.key(), web.args())).isEqualTo("antwoordt, maar niet als Docker daemon (HTTP 404)");
        assertThat(english.get(web.key(), web.args())).isEqualTo("answers, but not as a Docker daemon (HTTP 404)");
    }
}
