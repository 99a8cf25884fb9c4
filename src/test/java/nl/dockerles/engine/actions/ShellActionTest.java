package nl.dockerles.engine.actions;

import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.engine.Workspace;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell step runs on this machine with dockerles's own environment, in the run's folder. */
class ShellActionTest {
    private final ActionTesting testing = new ActionTesting();

    @Test
    void theCommandSeesDockerlessEnvironmentAndItsExitCodeIsAFact() {
        FakeDocker docker = new FakeDocker(testing.time);
        ActionContext plain = testing.context(docker);
        Workspace workspace = new Workspace();
        ActionContext context = new ActionContext(docker, plain.console(), plain.facts(), RunIdentity.newRun("test"),
                testing.time, plain.messages(), true, workspace, 0, Map.of("DOCKERLES_TEST_WORD", "hallo"));
        try {
            String output = new ShellAction().run(context, Map.of("run", "echo \"$DOCKERLES_TEST_WORD\"; exit 3"));

            assertThat(output).isEqualTo("hallo\n");
            assertThat(testing.facts.get("shell.exitCode")).isEqualTo("3");
            assertThat(testing.facts.get("shell.lines")).isEqualTo("1");
        } finally {
            workspace.close(docker, RunIdentity.newRun("test"));
        }
    }

    @Test
    void aHookFindsTheDaemonDockerlesUsesAndGitAnAuthor() {
        Map<String, String> env = new HashMap<>();
        ShellAction.environment(env, "tcp://127.0.0.1:2375");

        assertThat(env).containsEntry("DOCKER_HOST", "tcp://127.0.0.1:2375").containsKey("GIT_AUTHOR_NAME")
                .containsEntry("GIT_CONFIG_VALUE_0", ".git/hooks");
    }
}
