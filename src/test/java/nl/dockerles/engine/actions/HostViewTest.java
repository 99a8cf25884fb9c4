package nl.dockerles.engine.actions;

import nl.dockerles.daemon.DaemonInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostViewTest {
    @TempDir
    Path root;

    static DaemonInfo daemon(String host, String operatingSystem) {
        return new DaemonInfo(host, "20.10.24", "1.41", "1.41", "linux", "amd64", operatingSystem, "6.1.0");
    }

    @Test
    void readsAProcessAsPsShowsIt() throws Exception {
        HostView view = new HostView(ProcessActionTesting.fakeProc(root), root.resolve("passwd"), "Linux");
        HostView.Process process = view.process(4242).orElseThrow();

        assertThat(process.user()).isEqualTo("root");
        assertThat(process.command()).isEqualTo("sh");
        assertThat(process.parentPid()).isEqualTo(4200);
        assertThat(process.parentName()).isEqualTo("containerd-shim");
        assertThat(process.runs("sh")).isTrue();
        assertThat(process.runs("/bin/sh")).isTrue();
        assertThat(process.runs("nginx")).isFalse();
        // procps: PID right-aligned as wide as pid_max's numbers, USER 8 wide.
        assertThat(view.psLines(process)).isEqualTo("  PID USER     CMD\n 4242 root     sh\n");
        assertThat(view.process(99)).isEmpty();
        assertThat(view.process(0)).isEmpty();
    }

    @Test
    void namespacesOfThisMachineAndOfAProcess() throws Exception {
        HostView view = new HostView(ProcessActionTesting.fakeProc(root), root.resolve("passwd"), "Linux");
        assertThat(view.ownNamespace("pid")).contains("pid:[4026531830]");
        assertThat(view.namespace(4242, "pid")).contains("pid:[4026532235]");
        assertThat(view.namespace(4242, "user")).contains("user:[4026531840]");
        assertThat(view.namespace(77, "pid")).isEmpty();
    }

    @Test
    void whereTheDaemonsProcessesAre() throws Exception {
        HostView linux = new HostView(ProcessActionTesting.fakeProc(root), root.resolve("passwd"), "Linux");
        assertThat(linux.where(daemon("unix:///var/run/docker.sock", "Debian GNU/Linux 12 (bookworm)")))
                .isEqualTo(HostView.Where.LOCAL);
        assertThat(linux.where(daemon("tcp://127.0.0.1:2375", "Ubuntu 24.04"))).isEqualTo(HostView.Where.LOCAL);
        assertThat(linux.where(daemon("unix:///home/me/.docker/desktop/docker.sock", "Docker Desktop")))
                .isEqualTo(HostView.Where.VM);
        assertThat(linux.where(daemon("tcp://10.0.0.5:2376", "Ubuntu 24.04"))).isEqualTo(HostView.Where.REMOTE);
        HostView mac = new HostView(root.resolve("geen-proc"), root.resolve("passwd"), "Mac OS X");
        assertThat(mac.where(daemon("unix:///Users/me/.docker/run/docker.sock", "OrbStack")))
                .isEqualTo(HostView.Where.VM);
        // Over ssh the daemon is another machine, also when ssh goes to this one: we only see it through ssh.
        assertThat(linux.where(daemon("ssh://root@127.0.0.1:2222", "Debian GNU/Linux 12 (bookworm)")))
                .isEqualTo(HostView.Where.REMOTE);
        assertThat(linux.where(daemon("ssh://127.0.0.1", "Debian GNU/Linux 12 (bookworm)")))
                .isEqualTo(HostView.Where.REMOTE);
        assertThat(mac.where(daemon("ssh://ik@server", "Ubuntu 24.04"))).isEqualTo(HostView.Where.REMOTE);
    }

    @Test
    void userNamesAsPsShowsThem() throws Exception {
        HostView view = new HostView(ProcessActionTesting.fakeProc(root), root.resolve("passwd"), "Linux");
        assertThat(view.userName(0)).isEqualTo("root");
        assertThat(view.userName(65534)).isEqualTo("nobody");
        assertThat(view.userName(1000)).isEqualTo("1000");
    }

    @Test
    void splitsACommandLineOnNulBytes() {
        assertThat(HostView.args("sh\0-c\0echo foo && sleep 2\0".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(List.of("sh", "-c", "echo foo && sleep 2"));
        assertThat(HostView.args(new byte[0])).isEmpty();
    }
}
