package nl.dockerles.docker;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ssh:// addresses as the docker CLI reads them, and the ssh command line it runs for each. */
class SshAddressTest {

    private static SshAddress parse(String text) {
        return SshAddress.parse(URI.create(text));
    }

    @Test
    void userHostAndPort() {
        assertThat(parse("ssh://root@127.0.0.1:2222")).isEqualTo(new SshAddress("root", "127.0.0.1", 2222, null));
    }

    @Test
    void onlyAHostLeavesUserAndPortToSsh() {
        assertThat(parse("ssh://server")).isEqualTo(new SshAddress(null, "server", -1, null));
        assertThat(parse("ssh://server/")).isEqualTo(new SshAddress(null, "server", -1, null));
    }

    @Test
    void anAliasFromSshConfigMayHoldAnUnderscore() {
        assertThat(parse("ssh://ik@werk_server:2200")).isEqualTo(new SshAddress("ik", "werk_server", 2200, null));
        assertThat(parse("ssh://werk_server")).isEqualTo(new SshAddress(null, "werk_server", -1, null));
    }

    @Test
    void anIpv6AddressLosesItsBrackets() {
        assertThat(parse("ssh://me@[::1]:22")).isEqualTo(new SshAddress("me", "::1", 22, null));
    }

    @Test
    void aPathIsTheDaemonsSocketThere() {
        SshAddress address = parse("ssh://me@server/run/user/1000/docker.sock");
        assertThat(address.socket()).isEqualTo("/run/user/1000/docker.sock");
        assertThat(address.remoteCommand())
                .containsExactly("docker", "--host=unix:///run/user/1000/docker.sock", "system", "dial-stdio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh://me:geheim@server", "ssh://server?x=1", "ssh://server#a", "ssh:server",
            "ssh://-oProxyCommand=evil", "ssh://-l@server", "ssh://server:0", "ssh://server:99999", "ssh://@server"})
    void whatTheDockerCliRefusesIsRefused(String text) {
        DockerlesException e = catchThrowableOfType(() -> parse(text), DockerlesException.class);
        assertThat(e).as(text).isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.DOCKER_UNAVAILABLE);
        assertThat(e.key()).isEqualTo("error.docker.ssh.address");
        assertThat(e.args()).containsExactly(text);
    }

    @Test
    void theCommandLineIsTheDockerClis() {
        assertThat(parse("ssh://root@127.0.0.1:2222").command("/usr/bin/ssh")).containsExactly(
                "/usr/bin/ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=30", "-T", "-l", "root", "-p", "2222",
                "--", "127.0.0.1", "docker", "system", "dial-stdio");
    }

    @Test
    void withoutUserOrPortSshChoosesFromItsConfig() {
        assertThat(parse("ssh://werk").command("ssh")).containsExactly(
                "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=30", "-T", "--", "werk", "docker", "system",
                "dial-stdio");
    }

    @Test
    void messagesShowTheCommandAndHowToLogInByHand() {
        SshAddress address = parse("ssh://root@127.0.0.1:2222");
        assertThat(address.commandLine("ssh")).isEqualTo(
                "ssh -o BatchMode=yes -o ConnectTimeout=30 -T -l root -p 2222 -- 127.0.0.1 docker system dial-stdio");
        assertThat(address.loginCommand()).isEqualTo("ssh -p 2222 root@127.0.0.1");
        assertThat(parse("ssh://werk").loginCommand()).isEqualTo("ssh werk");
    }
}
