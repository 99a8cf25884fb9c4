package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.engine.ActionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A host command that fails: a fact when it was meant to, else a step that did not work (no note of success). */
class ShellActionTest {
    private final ActionTesting testing = new ActionTesting();
    private final ShellAction action = new ShellAction();
    private final ActionContext context = testing.context(new FakeDocker(testing.time));

    @AfterEach
    void removeTheRunsFolder() {
        context.workspace().close();
    }

    @Test
    void aCommandMeantToFailGivesItsExitCode() {
        action.run(context, Map.of("run", "echo nee; exit 3", "fails", "true"));
        assertThat(testing.facts.get("shell.exitCode")).isEqualTo("3");
        assertThat(testing.screen()).contains("nee");
    }

    @Test
    void anyOtherCommandThatFailsIsAStepThatDidNotWork() {
        assertThatThrownBy(() -> action.run(context, Map.of("run", "echo 'fatal: not a git repository'; exit 128")))
                .isInstanceOf(DockerlesException.class).hasMessage("action.shell.exit");
        assertThat(testing.screen()).contains("fatal: not a git repository");
    }
}
