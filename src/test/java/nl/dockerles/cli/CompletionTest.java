package nl.dockerles.cli;

import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** dockerles completion: picocli's bash/zsh script, with the sections as candidates. */
class CompletionTest {

    @Test
    void theScriptCompletesCommandsAndSections() {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("complete -F _complete_dockerles")
                .contains("list lijst demo handout")
                .contains("\"lifecycle\" \"isolation\" \"run\"")
                .contains("--auto");
    }
}
