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
                .contains("de exitcode is daarom 137")
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
        assertThat(run.out()).contains("The shell (sh) is PID 1").contains("That took 10.3 seconds")
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
