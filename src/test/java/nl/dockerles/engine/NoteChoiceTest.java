package nl.dockerles.engine;

import nl.dockerles.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The note after a docker stop that had nothing to stop: true to what the daemon did afterwards. */
class NoteChoiceTest {
    private final NoteChoice choice = new NoteChoice(Messages.dutch());

    @Test
    void aContainerThatStayedStoppedHadNothingToDo() {
        Facts facts = stoppedAlready("exited", 1);
        assertThat(choice.choose("Gestopt na {stop.seconds} seconden.", facts, null))
                .startsWith("crashingbackgroundprocess draaide al niet meer (status exited, exitcode 1).");
    }

    /** Podman between two restarts: the stop found nothing running, then the pending restart came anyway. */
    @Test
    void aContainerTheDaemonStartedAgainAfterTheStopIsSaidToRunNow() {
        Facts facts = stoppedAlready("running", 0);
        String note = choice.choose("Gestopt na {stop.seconds} seconden.", facts, null);
        assertThat(note).contains("wachtte net tussen twee starts").contains("hij draait nu")
                .contains("docker stop crashingbackgroundprocess").doesNotContain("draaide al niet meer");
    }

    private static Facts stoppedAlready(String status, int exitCode) {
        Facts facts = new Facts();
        facts.put(ContainerCommands.STOPPED_ALREADY, "crashingbackgroundprocess");
        facts.put("crashingbackgroundprocess.state", status);
        facts.put("crashingbackgroundprocess.exitCode", exitCode);
        return facts;
    }
}
