package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.SectionPresenter;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import org.junit.jupiter.api.Test;
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
 * first, and works (no "this step did not work", no error of a program in a container); the last step too, from
 * the end prompt; the section still ends, and leaves nothing behind. A step that changed data inside a container
 * (database's psql) gives the same outcome the second time.
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
        int steps = new Catalog().section(section).steps().size();
        String out = presentWithR(section);

        assertThat(out).as(out).doesNotContain("Deze stap lukte niet").doesNotContain("ERROR:").contains("Klaar");
        for (int i = 1; i <= steps; i++) {
            // Shown twice, or the screen says that what it removed cannot come back.
            long shown = Pattern.compile("Stap " + i + "/" + steps + " ·").matcher(out).results().count();
            boolean cannot = out.contains("Stap " + i + "/" + steps + " haalde ");
            assertThat(shown == 2 || shown == 1 && cannot).as("step %d of %s: shown %d times\n%s", i, section,
                    shown, out).isTrue();
        }
        assertThat(out.lastIndexOf("Klaar")).as("the end after the last step's second run")
                .isGreaterThan(out.lastIndexOf("Stap " + steps + "/" + steps + " ·"));
    }

    /**
     * database: the table made in db and in bron, and Ada removed in test1, are put back by the steps' undo: before
     * r runs them again; the second run prints what the first printed, and the line says what was put back.
     */
    @Test
    void dataChangedInsideAContainerIsPutBackBeforeR() throws Exception {
        String out = presentWithR("database");

        assertThat(count(out, "CREATE TABLE\n")).as(out).isEqualTo(4); // db and bron, each twice
        assertThat(count(out, "INSERT 0 2\n")).isEqualTo(4);
        assertThat(count(out, "DELETE 1\n")).isEqualTo(2);
        assertThat(count(out, "In test1 is nog 1 klant over.")).isEqualTo(2);
        assertThat(out).doesNotContain("already exists").doesNotContain("DELETE 0").doesNotContain("lukte niet")
                .contains("Eerst teruggezet zoals het vóór deze stap was: de tabel klanten in db weer weg.")
                .contains("Eerst teruggezet zoals het vóór deze stap was: de tabel klanten in bron weer weg.")
                .contains("Eerst teruggezet zoals het vóór deze stap was: Ada weer in de tabel klanten van test1.")
                .doesNotContain("DROP TABLE"); // said in words, not shown as a command
    }

    private String presentWithR(String section) throws Exception {
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
        for (int i = 1; i <= steps; i++) {
            keys.add(Prompter.Key.REPEAT); // at the prompt after step i; after the last one, the end prompt
            keys.add(Prompter.Key.NEXT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 100);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new SectionPresenter(docker, console,
                label -> keys.isEmpty() ? Prompter.Key.QUIT : keys.pop(), time, Messages.dutch(), docker::host)
                .environment(env)
                .present(catalog.entry(section).orElseThrow(), catalog.section(section), RunIdentity.newRun(section)));
        assertThat(keys).as("every key used").isEmpty();
        assertThat(docker.containers()).as("left behind").isEmpty();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
