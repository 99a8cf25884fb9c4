package nl.dockerles.daemon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonAddressTest {

    @Test
    void socketsAndLoopbackAreThisMachine() {
        assertThat(DaemonAddress.isLocal("unix:///var/run/docker.sock")).isTrue();
        assertThat(DaemonAddress.isLocal("npipe:////./pipe/docker_engine")).isTrue();
        assertThat(DaemonAddress.isLocal("tcp://127.0.0.1:2375")).isTrue();
        assertThat(DaemonAddress.isLocal("tcp://localhost:2375")).isTrue();
        assertThat(DaemonAddress.isLocal("tcp://[::1]:2375")).isTrue();
    }

    @Test
    void sshAndOtherHostsAreElsewhere() {
        assertThat(DaemonAddress.isLocal("ssh://127.0.0.1")).isFalse();
        assertThat(DaemonAddress.isLocal("ssh://cursist@localhost")).isFalse();
        assertThat(DaemonAddress.isLocal("tcp://10.0.0.5:2375")).isFalse();
        assertThat(DaemonAddress.isLocal("")).isFalse();
        assertThat(DaemonAddress.isLocal(null)).isFalse();
    }
}
