package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostProcessActionTest {
    @TempDir
    Path root;
    private final ProcessActionTesting testing = new ProcessActionTesting();

    /** A daemon whose container "cel" runs {@code path} as PID 4242 (FakeDocker's PID for a running container). */
    static FakeDocker daemon(ProcessActionTesting testing, DaemonInfo info, String path) {
        FakeDocker fake = new FakeDocker(testing.time);
        String id = fake.createContainer(new nl.dockerles.daemon.ContainerSpec("busybox", java.util.List.of("sh"),
                "cel", true, true, false, java.util.List.of(), java.util.List.of(), java.util.List.of(), null,
                null, RunIdentity.newRun("isolation").labels()));
        fake.startContainer(id);
        fake.containers().get(0).path = path;
        fake.onDaemon = () -> info;
        return fake;
    }

    @Test
    void showsTheContainersProcessInTheHostsProcessList() throws Exception {
        HostProcessAction action = new HostProcessAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon(testing, HostViewTest.daemon("unix:///var/run/docker.sock", "Debian"), "sh");

        String output = action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(output).isEqualTo("  PID USER     CMD\n 4242 root     sh\n");
        assertThat(testing.screen()).contains(output);
        assertThat(testing.facts.get("host.pid")).isEqualTo("4242");
        assertThat(testing.facts.get("host.cmd")).isEqualTo("sh");
        assertThat(testing.facts.get("host.user")).isEqualTo("root");
        assertThat(testing.facts.get("host.seen")).contains("PID 4242, sh, van gebruiker root")
                .contains("containerd-shim (PID 4200)");
        assertThat(action.shell(Map.of("container", "cel")))
                .isEqualTo("ps -p $(docker inspect -f '{{.State.Pid}}' cel) -o pid,user,cmd");
    }

    @Test
    void anotherProcessUnderThatNumberIsNotShownAsTheContainer() throws Exception {
        HostProcessAction action = new HostProcessAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon(testing, HostViewTest.daemon("unix:///var/run/docker.sock", "Debian"), "nginx");

        String output = action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(output).doesNotContain("CMD").contains("Proces 4242 is op deze machine niet de container cel")
                .contains("docker run --rm --pid=host busybox ps -o pid,user,args");
        assertThat(testing.facts.get("host.seen")).contains("niet te zien");
    }

    @Test
    void dockerDesktopSaysTheProcessLivesInTheVm() throws Exception {
        HostProcessAction action = new HostProcessAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon(testing, HostViewTest.daemon("unix:///home/me/.docker/desktop/docker.sock",
                "Docker Desktop"), "sh");

        action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(testing.screen()).contains("De Docker daemon draait hier in een Linux-VM (Docker Desktop)")
                .contains("proces 4242 bestaat in die VM").doesNotContain("CMD");
        assertThat(testing.facts.get("host.pid")).isEqualTo("4242");
        assertThat(testing.facts.get("host.seen")).contains("Linux-VM");
    }

    @Test
    void aRemoteDaemonInEnglish() throws Exception {
        HostProcessAction action = new HostProcessAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon(testing, HostViewTest.daemon("tcp://10.0.0.5:2376", "Ubuntu"), "sh");

        action.run(testing.context(docker, "isolation", true, ProcessActionTesting.english()), Map.of("container", "cel"));

        assertThat(testing.screen()).contains("The Docker daemon runs on another machine (tcp://10.0.0.5:2376)")
                .contains("ps -p 4242 -o pid,user,cmd").doesNotContain("''");
        assertThat(testing.facts.get("host.seen")).isEqualTo(
                "That number is valid on the daemon's machine (tcp://10.0.0.5:2376), not on this one.");
    }

    @Test
    void aStoppedContainerHasNoProcess() throws Exception {
        HostProcessAction action = new HostProcessAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon(testing, HostViewTest.daemon("unix:///var/run/docker.sock", "Debian"), "sh");
        docker.stopContainer(docker.inspectContainer("cel").orElseThrow().id(), 0);

        assertThatThrownBy(() -> action.run(testing.context(docker, "isolation", true), Map.of("container", "cel")))
                .isInstanceOf(DockerlesException.class).hasMessage("error.container.notrunning");
    }
}
