package nl.dockerles.engine.actions;

import nl.dockerles.daemon.Docker.ExecResult;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacesActionTest {
    private static final String LS = """
            total 0
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 cgroup -> cgroup:[4026531835]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 ipc -> ipc:[4026532257]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 mnt -> mnt:[4026532255]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 net -> net:[4026532259]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 pid -> pid:[4026532258]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 pid_for_children -> pid:[4026532258]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 user -> user:[4026531837]
            lrwxrwxrwx    1 root     root             0 Nov 27 21:31 uts -> uts:[4026532256]
            """;
    @TempDir
    Path root;
    private final ProcessActionTesting testing = new ProcessActionTesting();

    /** What the container was asked (docker exec). */
    private final List<String> execs = new ArrayList<>();

    /** The container's ls -l /proc/1/ns, for when /proc/PID/ns may not be read. */
    private FakeDocker daemon(String host, String operatingSystem) {
        FakeDocker fake = HostProcessActionTest.daemon(testing, HostViewTest.daemon(host, operatingSystem), "sh");
        fake.onExec = (id, command) -> {
            execs.add(String.join(" ", command));
            return new ExecResult(0, LS);
        };
        return fake;
    }

    @Test
    void putsTheContainersNamespacesBesideThisMachines() throws Exception {
        NamespacesAction action = new NamespacesAction(new HostView(ProcessActionTesting.fakeProc(root),
                root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon("unix:///var/run/docker.sock", "Debian");

        String table = action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(table).startsWith("NAMESPACE   DEZE MACHINE          CONTAINER cel\n")
                .contains("pid         pid:[4026531830]      pid:[4026532235]      eigen\n")
                .contains("user        user:[4026531840]     user:[4026531840]     gedeeld\n");
        assertThat(execs).isEmpty();
        assertThat(testing.facts.get("ns.own")).isEqualTo("pid, uts, net, mnt, ipc");
        assertThat(testing.facts.get("ns.shared")).isEqualTo("user, cgroup");
        assertThat(testing.facts.get("ns.container.pid")).isEqualTo("pid:[4026532235]");
        assertThat(testing.facts.get("ns.host.pid")).isEqualTo("pid:[4026531830]");
        assertThat(action.shell(Map.of("container", "cel")))
                .isEqualTo("ls -l /proc/self/ns /proc/$(docker inspect -f '{{.State.Pid}}' cel)/ns");
    }

    @Test
    void withoutRightsToProcPidNsTheIdsComeFromExecInTheContainer() throws Exception {
        Path proc = ProcessActionTesting.fakeProc(root);
        for (String kind : NamespacesAction.KINDS) {
            Files.delete(proc.resolve("4242/ns/" + kind)); // as a user who may not read root's /proc/PID/ns
        }
        NamespacesAction action = new NamespacesAction(new HostView(proc, root.resolve("passwd"), "Linux"));
        FakeDocker docker = daemon("unix:///var/run/docker.sock", "Debian");

        String table = action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(execs).containsExactly("ls -l /proc/1/ns");
        assertThat(testing.screen()).contains("docker exec cel ls -l /proc/1/ns");
        assertThat(table).contains("pid         pid:[4026531830]      pid:[4026532258]      eigen");
        assertThat(testing.facts.get("ns.container.pid")).isEqualTo("pid:[4026532258]");
    }

    @Test
    void aDaemonInAVmShowsOnlyTheContainersIds() throws Exception {
        NamespacesAction action = new NamespacesAction(new HostView(root.resolve("geen-proc"),
                root.resolve("passwd"), "Mac OS X"));
        FakeDocker docker = daemon("unix:///Users/me/.docker/run/docker.sock", "Docker Desktop");

        String table = action.run(testing.context(docker, "isolation", true), Map.of("container", "cel"));

        assertThat(table).startsWith("NAMESPACE   CONTAINER cel\n").contains("pid         pid:[4026532258]\n")
                .doesNotContain("eigen").doesNotContain("gedeeld");
        assertThat(testing.screen()).contains("De daemon draait niet op deze machine (unix:///Users/me/.docker/run/docker.sock)");
        assertThat(testing.facts.get("ns.own")).isEqualTo("niet te vergelijken vanaf hier");
        assertThat(testing.facts.get("ns.container.pid")).isEqualTo("pid:[4026532258]");
    }

    @Test
    void readsLsOfProcNs() {
        assertThat(NamespacesAction.parseLinks(LS)).containsEntry("pid", "pid:[4026532258]")
                .containsEntry("cgroup", "cgroup:[4026531835]").containsEntry("uts", "uts:[4026532256]")
                .hasSize(8);
    }

    @Test
    void aNarrowWindowGetsTheBareIdsAndNarrowerStillNoVerdicts() {
        java.util.Map<String, String> host = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> inside = new java.util.LinkedHashMap<>();
        for (String kind : NamespacesAction.KINDS) {
            host.put(kind, kind + ":[4026531830]");
            inside.put(kind, kind + (kind.equals("user") ? ":[4026531830]" : ":[4026532258]"));
        }
        nl.dockerles.Messages dutch = nl.dockerles.Messages.dutch();

        String wide = NamespacesAction.table(dutch, "cel", host, inside, 200);
        String fifty = NamespacesAction.table(dutch, "cel", host, inside, 50);
        String narrow = NamespacesAction.table(dutch, "jan-cel", host, inside, 50);

        assertThat(wide).contains("pid         pid:[4026531830]      pid:[4026532258]      eigen");
        assertThat(fifty).contains("pid         4026531830     4026532258      eigen")
                .contains("user        4026531830     4026531830      gedeeld");
        assertThat(narrow).contains("pid         4026531830     4026532258").doesNotContain("eigen");
        for (String table : List.of(fifty, narrow)) {
            assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        }
    }
}
