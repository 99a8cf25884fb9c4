package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.SectionPresenter;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * r after every step of every section, against the fake daemon: each step runs a second time right after the
 * first, and works (no "this step did not work"); the section still ends, and leaves nothing behind. The last step
 * has no prompt after it (the outro follows), so it is the one step not repeated.
 */
class RepeatEveryStepTest {
    static Stream<String> sections() {
        Catalog catalog = new Catalog();
        return catalog.entries().stream().map(nl.dockerles.content.SectionEntry::id).filter(catalog::isBuilt);
    }

    @TempDir
    Path bin;

    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void everyStepRunsAgainOnR(String section) throws Exception {
        SectionNarrationTest.assumeRunnableHere(section);
        FakeTime time = new FakeTime();
        FakeDocker docker = new FakeDocker(time).restartsPerFollow(8); // a presenter watches 8 restarts
        Map<String, String> env = SectionNarrationTest.stage(section, docker, time, bin);
        if (section.equals("distributie")) {
            // The image that docker build makes carries dockerles's labels (the fake's build does not list it).
            docker.addLabelledImage("sha256:4a11", "les/hallo:latest", Map.of(RunIdentity.MANAGED, "true"));
        }
        Catalog catalog = new Catalog();
        int steps = catalog.section(section).steps().size();
        Deque<Prompter.Key> keys = new ArrayDeque<>();
        keys.add(Prompter.Key.NEXT);
        for (int i = 1; i < steps; i++) {
            keys.add(Prompter.Key.REPEAT);
            keys.add(Prompter.Key.NEXT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100);
        Map<String, String> environment = env;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new SectionPresenter(docker, console,
                label -> keys.isEmpty() ? Prompter.Key.QUIT : keys.pop(), time, Messages.dutch(), docker::host)
                .environment(environment)
                .present(catalog.entry(section).orElseThrow(), catalog.section(section), RunIdentity.newRun(section)));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).as(out).doesNotContain("Deze stap lukte niet").contains("Klaar");
        for (int i = 1; i < steps; i++) {
            // Shown twice, or the screen says that what it removed cannot come back.
            long shown = Pattern.compile("Stap " + i + "/" + steps + " ·").matcher(out).results().count();
            boolean cannot = out.contains("Stap " + i + "/" + steps + " haalde ");
            assertThat(shown == 2 || shown == 1 && cannot).as("step %d of %s: shown %d times\n%s", i, section,
                    shown, out).isTrue();
        }
        assertThat(docker.containers()).as("left behind").isEmpty();
    }
}
