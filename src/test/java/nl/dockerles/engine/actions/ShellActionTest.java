package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.engine.Workspace;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shell step runs on this machine with dockerles's own environment, in the run's folder. A host command that
 * fails: a fact when it was meant to, else a step that did not work (no note of success).
 */
class ShellActionTest {
    private final ActionTesting testing = new ActionTesting();
    private final ShellAction action = new ShellAction();
    private final ActionContext context = testing.context(new FakeDocker(testing.time));

    @AfterEach
    void removeTheRunsFolder() {
        context.workspace().close();
    }

    @Test
    void theCommandSeesDockerlessEnvironmentAndItsExitCodeIsAFact() {
        FakeDocker docker = new FakeDocker(testing.time);
        ActionContext plain = testing.context(docker);
        Workspace workspace = new Workspace();
        ActionContext context = new ActionContext(docker, plain.console(), plain.facts(), RunIdentity.newRun("test"),
                testing.time, plain.messages(), true, workspace, 0, Map.of("DOCKERLES_TEST_WORD", "hallo"));
        try {
            String output = action.run(context,
                    Map.of("run", "echo \"$DOCKERLES_TEST_WORD\"; exit 3", "fails", "true"));

            assertThat(output).isEqualTo("hallo\n");
            assertThat(testing.facts.get("shell.exitCode")).isEqualTo("3");
            assertThat(testing.facts.get("shell.lines")).isEqualTo("1");
        } finally {
            workspace.close(docker, RunIdentity.newRun("test"));
        }
    }

    @Test
    void anyOtherCommandThatFailsIsAStepThatDidNotWork() {
        assertThatThrownBy(() -> action.run(context, Map.of("run", "echo 'fatal: not a git repository'; exit 128")))
                .isInstanceOf(DockerlesException.class).hasMessage("action.shell.exit");
        assertThat(testing.screen()).contains("fatal: not a git repository");
    }

    @Test
    void aHookFindsTheDaemonDockerlesUsesAndGitAnAuthor() {
        Map<String, String> env = new HashMap<>();
        ShellAction.environment(env, "tcp://127.0.0.1:2375");

        assertThat(env).containsEntry("DOCKER_HOST", "tcp://127.0.0.1:2375").containsKey("GIT_AUTHOR_NAME")
                .containsEntry("GIT_CONFIG_VALUE_0", ".git/hooks");
    }
}
