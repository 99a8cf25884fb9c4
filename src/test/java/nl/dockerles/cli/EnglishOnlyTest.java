package nl.dockerles.cli;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.docker.DockerConnector;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * With {@code --lang en} nothing is Dutch: every command, every section against the fake daemon, and the failures
 * of a daemon that is not there. The Dutch is found by words that English does not have; the names of the demos'
 * containers (eenmalig, metinit) and the Dutch aliases of options (--oefening) are names, not sentences.
 */
class EnglishOnlyTest {
    /** Short Dutch words that no English sentence of dockerles has. */
    static final Pattern DUTCH = Pattern.compile("(?i)\\b(een|het|niet|geen|wordt|draait|bestaat|ook|maar|naar|deze"
            + "|hier|zijn|bij|je|jij|jouw|wat nu|klopt|lukte|mislukte|ontbreekt|bezet|vrij|secties?|stap|gebruik"
            + "|opdrachten|opties|voorbeeld|onderbroken|geweigerd|schijfruimte|poort|oefenen|oefening)\\b");

    @TempDir
    Path home;

    @Test
    void theDutchMarkersFindDutch() {
        assertThat(dutchIn("De daemon draait niet.")).containsExactly("draait", "niet");
        assertThat(dutchIn("The daemon is not running; eenmalig and metinit are names.")).isEmpty();
    }

    @Test
    void everyCommandSpeaksEnglish() {
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("--help"), List.of("list"), List.of("check"), List.of("cleanup", "--dry-run"),
                List.of("cleanup"), List.of("prepare"), List.of("oefen"), List.of("oefen", "run", "--check"),
                List.of("demo", "nosuchsection"), List.of("demo"), List.of("handout", "lifecycle"),
                List.of("completion", "--help")));
        for (String command : List.of("list", "demo", "handout", "check", "prepare", "cleanup", "oefen",
                "completion", "help")) {
            commands.add(List.of(command, "--help"));
        }
        Catalog catalog = new Catalog();
        for (SectionEntry entry : catalog.entries()) {
            if (catalog.isBuilt(entry.id())) {
                commands.add(List.of("demo", entry.id(), "--auto"));
            }
        }
        for (List<String> command : commands) {
            FakeTime time = new FakeTime();
            List<String> args = new ArrayList<>(command);
            args.add("--lang");
            args.add("en");
            Runs run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Runs.run(env -> new FakeDocker(time).restartsPerFollow(7),
                    time, Map.of("LANG", "C", "XDG_DATA_HOME", home.toString(), "HOME", home.toString()),
                    args.toArray(String[]::new)));
            assertThat(dutchIn(run.out() + run.err())).as("Dutch in dockerles " + String.join(" ", args) + ":\n"
                    + run.out() + run.err()).isEmpty();
        }
    }

    @Test
    void noDaemonIsSaidInEnglishToo() {
        Map<String, String> env = Map.of("DOCKER_HOST", "unix:///tmp/nope.sock", "LANG", "C", "HOME", home.toString());
        for (String[] args : new String[][] {{"--lang", "en", "check"}, {"--lang", "en", "demo", "lifecycle", "--auto"},
                {"--lang", "en", "cleanup"}}) {
            FakeTime time = new FakeTime();
            Runs run = Runs.run(e -> DockerConnector.connect(e, home), time, env, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(run.out() + run.err()).contains("/tmp/nope.sock").contains("does not exist");
            assertThat(dutchIn(run.out() + run.err())).as("Dutch in dockerles " + String.join(" ", args) + ":\n"
                    + run.out() + run.err()).isEmpty();
        }
    }

    private static List<String> dutchIn(String text) {
        List<String> found = new ArrayList<>();
        // Option names are names (--oefening is --exercise in Dutch, on purpose), not sentences.
        Matcher m = DUTCH.matcher(text.replaceAll("--[a-z-]+", "--"));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
