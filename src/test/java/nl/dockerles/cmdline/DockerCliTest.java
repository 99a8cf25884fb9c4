package nl.dockerles.cmdline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerCliTest {

    @Test
    void runWithClusteredFlagsNameAndShell() {
        var run = (DockerCommand.Run) DockerCli.parse("docker run -it --name demo busybox sh");
        assertThat(run.interactive()).isTrue();
        assertThat(run.tty()).isTrue();
        assertThat(run.detach()).isFalse();
        assertThat(run.name()).isEqualTo("demo");
        assertThat(run.image()).isEqualTo("busybox");
        assertThat(run.command()).containsExactly("sh");
    }

    @Test
    void optionsAfterTheImageBelongToTheContainersCommand() {
        var run = (DockerCommand.Run) DockerCli.parse(
                "docker run -d --restart=always --name crashingbackgroundprocess busybox sh -c 'echo foo && sleep 2'");
        assertThat(run.restart()).isEqualTo("always");
        assertThat(run.command()).containsExactly("sh", "-c", "echo foo && sleep 2");
    }

    @Test
    void runWithPortsVolumesEnvUserAndRm() {
        var run = (DockerCommand.Run) DockerCli.parse(
                "docker run --rm -d -p 127.0.0.1:8080:80 -p 8081:80 -v /tmp/x:/data -e A=1 --env B=2 --user 1000:1000 nginx");
        assertThat(run.remove()).isTrue();
        assertThat(run.publish()).containsExactly("127.0.0.1:8080:80", "8081:80");
        assertThat(run.volumes()).containsExactly("/tmp/x:/data");
        assertThat(run.env()).containsExactly("A=1", "B=2");
        assertThat(run.user()).isEqualTo("1000:1000");
        assertThat(run.command()).isEmpty();
    }

    @Test
    void oneModelServesAllCommandsWithoutCarryingOptionsOver() {
        assertThat(DockerCli.invocation("docker -H tcp://127.0.0.1:2375 ps -a").host()).isEqualTo("tcp://127.0.0.1:2375");
        var plain = DockerCli.invocation("docker ps");
        assertThat(plain.host()).isNull();
        assertThat(plain.command()).isEqualTo(new DockerCommand.Ps(false, false, List.of()));
        var withPorts = (DockerCommand.Run) DockerCli.parse("docker run -d -p 8080:80 --name a nginx");
        var without = (DockerCommand.Run) DockerCli.parse("docker run --rm busybox ls");
        assertThat(withPorts.publish()).containsExactly("8080:80");
        assertThat(without.publish()).isEmpty();
        assertThat(without.name()).isNull();
        assertThat(without.detach()).isFalse();
    }

    @Test
    void psStopStartRm() {
        assertThat(DockerCli.parse("docker ps -a")).isEqualTo(new DockerCommand.Ps(true, false, List.of()));
        assertThat(DockerCli.parse("docker stop -t 1 demo")).isEqualTo(new DockerCommand.Stop(1, List.of("demo")));
        assertThat(DockerCli.parse("docker start -ai firstbusybox"))
                .isEqualTo(new DockerCommand.Start(true, true, List.of("firstbusybox")));
        assertThat(DockerCli.parse("docker rm -f -v a b"))
                .isEqualTo(new DockerCommand.Rm(true, true, List.of("a", "b")));
        assertThat(DockerCli.parse("docker rm -fv a")).isEqualTo(new DockerCommand.Rm(true, true, List.of("a")));
    }

    @Test
    void theRestOfTheSubset() {
        assertThat(DockerCli.parse("docker exec demo ps ax"))
                .isEqualTo(new DockerCommand.Exec(false, false, null, "demo", List.of("ps", "ax")));
        assertThat(DockerCli.parse("docker logs --tail 5 crashingbackgroundprocess"))
                .isEqualTo(new DockerCommand.Logs(5, "crashingbackgroundprocess"));
        assertThat(DockerCli.parse("docker attach duurt_lang")).isEqualTo(new DockerCommand.Attach("duurt_lang"));
        assertThat(DockerCli.parse("docker commit firstbusybox metfoo"))
                .isEqualTo(new DockerCommand.Commit(null, List.of(), "firstbusybox", "metfoo"));
        assertThat(DockerCli.parse("docker diff firstbusybox")).isEqualTo(new DockerCommand.Diff("firstbusybox"));
        assertThat(DockerCli.parse("docker history busybox")).isEqualTo(new DockerCommand.History(false, "busybox"));
        assertThat(DockerCli.parse("docker port web 80")).isEqualTo(new DockerCommand.Port("web", "80"));
        assertThat(DockerCli.parse("docker inspect -f '{{.State.Pid}}' demo"))
                .isEqualTo(new DockerCommand.Inspect("{{.State.Pid}}", List.of("demo")));
        assertThat(DockerCli.parse("docker volume ls -qf dangling=true"))
                .isEqualTo(new DockerCommand.VolumeLs(true, List.of("dangling=true")));
    }

    @Test
    void theNotesMistakesAreRejected() {
        // "docker logs --tail NAME": --tail needs a number.
        assertThatThrownBy(() -> DockerCli.parse("docker logs --tail crashingbackgroundprocess"))
                .isInstanceOf(IllegalArgumentException.class);
        // "Docker ps": the command is lower case.
        assertThatThrownBy(() -> DockerCli.parse("Docker ps")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerCli.parse("docker frobnicate")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DockerCli.parse("docker volume")).isInstanceOf(IllegalArgumentException.class);
    }
}
