package nl.dockerles.cli;

import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Golden;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole lifecycle section against the fake daemon: the narration, word for word (golden files). */
class LifecycleNarrationTest {

    @Test
    void dutchNarrationWithTheRealValues() throws Exception {
        FakeTime time = new FakeTime();
        FakeDocker docker = new FakeDocker(time);
        Runs run = Runs.run(docker, time, "demo", "lifecycle", "--auto");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("$ docker run -it --name demo busybox sh")
                .contains("De shell (sh) heeft PID 1")
                .contains("Dat duurde 10,3 seconden")
                .doesNotContainPattern("\\{[a-z0-9.]+}");
        // The facts, as sentences (the narration is wrapped to the terminal's width).
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("Daarom is de exitcode 137")
                .contains("een interactieve shell negeert SIGTERM sowieso")
                // The --init contrast: sleep without --init waits for SIGKILL, with --init it stops at once.
                .contains("$ docker run -d --init --name metinit busybox sleep 300")
                .contains("Ook 10,3 seconden, en exitcode 137.")
                .contains("Nu ging het in 0,1 seconden, met exitcode 143: 128 + 15, SIGTERM.")
                .doesNotContain("stopt de container meteen")
                .contains("met status \"Exited (137) ")
                .doesNotContain("\u001B[6n")
                .doesNotContainPattern("\\{[a-z0-9.]+}");
        assertThat(docker.containers()).isEmpty();
        Golden.assertMatches(run.out(), "lifecycle.nl.txt");
    }

    @Test
    void englishWithLangEn() throws Exception {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(new FakeDocker(time), time, "demo", "lifecycle", "--auto", "--lang", "en");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("The shell (sh) is PID 1").contains("That took 10.3 seconds")
                .contains("This time it took 0.1 seconds, with exit code 143")
                .doesNotContainPattern("\\{[a-z0-9.]+}");
        Golden.assertMatches(run.out(), "lifecycle.en.txt");
    }

    @Test
    void theLocaleDecidesTheDefaultLanguage() {
        FakeTime time = new FakeTime();
        Runs run = Runs.run(env -> new FakeDocker(time), time, Map.of("LANG", "en_GB.UTF-8"), "list");
        assertThat(run.out()).contains("The sections of the workshop");
    }
}
