package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeActionTest {
    private final ProcessActionTesting testing = new ProcessActionTesting();
    private final TimeAction action = new TimeAction();

    @Test
    void startsTheContainerWithTheRunsLabelsAndTimesTheCommand() {
        FakeDocker docker = new FakeDocker(testing.time);
        var context = testing.context(docker, "run", true);

        String output = action.run(context, Map.of("command", "docker run -d --name duurt_lang busybox sleep 10"));

        FakeDocker.Container container = docker.containers().get(0);
        assertThat(container.name).isEqualTo("duurt_lang");
        assertThat(container.command).containsExactly("sleep", "10");
        assertThat(container.running).isTrue();
        assertThat(container.labels).containsEntry(RunIdentity.SECTION, "run").containsKey(RunIdentity.RUN);
        // The fake daemon takes 0.3 s to create and 1 s to start.
        assertThat(output).isEqualTo(container.id + "\n\nreal\t0m1.300s\n");
        assertThat(testing.facts.get("time.seconds")).isEqualTo("1,3");
        assertThat(testing.facts.get("time.millis")).isEqualTo("1300");
        assertThat(testing.facts.get("duurt_lang.id")).isEqualTo(container.id.substring(0, 12));
        assertThat(testing.facts.get("last.id")).isEqualTo(container.id.substring(0, 12));
        assertThat(action.shell(Map.of("command", "docker run -d --name duurt_lang busybox sleep 10")))
                .isEqualTo("time docker run -d --name duurt_lang busybox sleep 10");
    }

    @Test
    void onlyADetachedRunWithoutPorts() {
        FakeDocker docker = new FakeDocker(testing.time);
        var context = testing.context(docker, "run", true);
        for (String command : new String[] {"docker run -it busybox sh", "docker run -d -p 8080:80 nginx",
                "docker ps -a"}) {
            assertThatThrownBy(() -> action.run(context, Map.of("command", command)))
                    .isInstanceOf(DockerlesException.class).hasMessage("error.step.unsupported");
        }
        assertThatThrownBy(() -> action.run(context, Map.of())).isInstanceOf(DockerlesException.class)
                .hasMessage("error.content.invalid");
        assertThat(docker.containers()).isEmpty();
    }

    @Test
    void printsTheTimeAsBashDoes() {
        assertThat(TimeAction.real(312_400_000L)).isEqualTo("real\t0m0.312s");
        assertThat(TimeAction.real(61_005_000_000L)).isEqualTo("real\t1m1.005s");
    }
}
