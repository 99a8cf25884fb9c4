package nl.dockerles.it;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every section not walked in {@link PresenterPaceTmuxIT}, at a presenter's pace in a real terminal (tmux): a
 * pause at a prompt, r on a step that makes something (the daemon then holds it once, nothing collided), s on a
 * step whose successor builds on it (skipped is said; the successor works or says why not), q or the end; exit 0,
 * the terminal as it was, nothing left.
 * <p>
 * A walk is keys at prompts: {@code 3} Enter at prompt 3, {@code r3} r there, {@code s3} s there, {@code p3}
 * a presenter's pause of 15 seconds there, {@code q3} q there; a walk that
 * ends without q runs to the section's own end.
 */
class SectionsPaceTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final String FAILED = "Deze stap lukte niet; de demo gaat door.";
    private static final String END = "⏎ einde ";
    private static final String FAILED_AFTER_SKIP = "waarschijnlijk omdat een eerdere stap is overgeslagen";

    static Stream<Arguments> walks() {
        return Stream.of(
                // r repeats docker run -it cel; s skips the Pid, which the look from the host needs
                Arguments.of("isolation", 5, "1 p2 r2 s2 3 q4", "cel", null),
                Arguments.of("restart", 5, "1 p2 r2 2 s3 4 q5", "crashingbackgroundprocess", null),
                // r repeats docker commit; s skips the run of the committed image, history still reads it
                Arguments.of("snapshots", 8, "1 2 3 4 5 6 r7 s7 8", null, "metfoo"),
                // r repeats the build of the base; s at 4 skips its run; the rebuild after it uses the cache
                Arguments.of("layers", 6, "1 2 r3 3 s4 5 q6", null, "dockerles-basis"),
                Arguments.of("distributie", 16, "1 r2 s2 3 q4", "registry", null),
                Arguments.of("prepush", 8, "1 r2 s2 3 q4", null, null),
                // s skips the table: the commit after it still works (an empty database)
                Arguments.of("database", 20, "1 p2 r2 2 s3 4 q5", "db", null),
                Arguments.of("tooltje", 9, "1 r2 s2 3 q4", "tooltje", null),
                Arguments.of("remote", 7, "1 2 r3 s3 4 q5", "bewoner", null),
                Arguments.of("volumes", 13, "1 2 3 4 5 r6 6 s7 8 q9", null, "metvolume"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walks")
    void walkAtAPresentersPace(String section, int steps, String walk, String container, String image)
            throws Exception {
        walk(section, steps, walk, container, image);
    }

    /**
     * r after every step of prepush (issue 11): each git step runs again on the folder as it was before it, with
     * the same outcome: the push refused, nothing on the server, then accepted; one line says what was put back.
     */
    @org.junit.jupiter.api.Test
    void prepushRepeatsEveryStepWithTheSameOutcome() throws Exception {
        String flat = walk("prepush", 8, "1 r2 2 r3 3 r4 4 r5 5 r6 6 r7 7 r8 8", null, null);

        assertThat(PresenterWindow.count(flat, "git weigerde de push (exitcode 1)")).isEqualTo(2);
        assertThat(PresenterWindow.count(flat, "0 takken: er is niets aangekomen.")).isEqualTo(2);
        assertThat(PresenterWindow.count(flat, "de push ging door (exitcode 0)")).isEqualTo(2);
        assertThat(PresenterWindow.count(flat, "1 tak: main staat op de server.")).isEqualTo(1);
        assertThat(PresenterWindow.count(flat, "Eerst teruggezet zoals het vóór deze stap was: de tijdelijke map."))
                .isEqualTo(6); // steps 1, 2, 3, 4, 5 and 7 change the folder; 6 only reads it
        assertThat(flat).doesNotContain("nothing to commit").doesNotContain("already exists");
    }

    /**
     * r after every step (issue 11) of every section (prepush has its own test above):
     * each step runs again on what was there before it (what it stopped runs again first, what it made goes), or,
     * where it removed something that cannot come back, the screen says so; never a failed step, nothing left. The
     * last step too, with r at the end prompt; in database psql's writes give the same outcome again.
     */
    @ParameterizedTest(name = "r after every step: {0}")
    @org.junit.jupiter.params.provider.CsvSource({"lifecycle, 10", "isolation, 5", "run, 5", "restart, 5", "ports, 5",
            "snapshots, 8", "layers, 6", "distributie, 16", "database, 20", "tooltje, 9", "remote, 7", "volumes, 13"})
    void rAfterEveryStep(String section, int steps) throws Exception {
        java.util.Set<String> danglingBefore = DaemonState.danglingVolumes();
        try (PresenterWindow window = PresenterWindow.start("again-" + section, 120, "demo " + section)) {
            window.awaitScreen(prompt(1, steps), STEP);
            window.press("Enter");
            for (int at = 2; at <= steps; at++) {
                window.awaitScreen(prompt(at, steps), STEP);
                window.press("r");
                String heading = "Stap " + (at - 1) + "/" + steps + " ·";
                String cannot = "Stap " + (at - 1) + "/" + steps + " haalde ";
                long deadline = System.nanoTime() + STEP.toNanos();
                String seen = window.flat();
                while (PresenterWindow.count(seen, heading) < 2 && !seen.contains(cannot)) {
                    assertThat(System.nanoTime()).as("r at " + at + ":\n" + seen).isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(200);
                    seen = window.flat();
                }
                window.awaitScreen(prompt(at, steps), STEP);
                assertThat(window.flat()).as("after r at " + at).doesNotContain(FAILED).doesNotContain("al in gebruik");
                window.press("Enter");
            }
            // The end prompt: r repeats the last step there too, then Enter ends (awaitExit presses it).
            window.awaitScreen(END, STEP);
            assertThat(window.flat()).contains("r: laatste stap opnieuw");
            int headings = PresenterWindow.count(window.flat(), "Stap " + steps + "/" + steps + " ·");
            window.press("r");
            String last = "Stap " + steps + "/" + steps + " ·";
            String cannot = "Stap " + steps + "/" + steps + " haalde ";
            long deadline = System.nanoTime() + STEP.toNanos();
            String seen = window.flat();
            // the last step again (or, where it removed something: says it cannot), then the end prompt again
            while (PresenterWindow.count(seen, last) <= headings && !seen.contains(cannot) || !window.atEndPrompt()) {
                assertThat(System.nanoTime()).as("r at the end:\n" + seen).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(200);
                seen = window.flat();
            }
            String flat = window.awaitExit(Duration.ofMinutes(3)).replaceAll("\\s+", " ");
            assertThat(flat).doesNotContain(FAILED).contains("Eerst teruggezet zoals het vóór deze stap was:")
                    .contains("── Klaar");
            if (section.equals("database")) {
                // psql's writes ran twice with the same outcome: undo: put the data back first (issue 11).
                String all = window.fullScreen();
                assertThat(all).doesNotContain("already exists").doesNotContain("ERROR:").doesNotContain("DELETE 0");
                assertThat(java.util.regex.Pattern.compile("(?m)^CREATE TABLE\\s*$").matcher(all).results().count())
                        .as(all).isEqualTo(4); // psql's answer, twice in db and twice in bron (not the command)
                assertThat(PresenterWindow.count(all, "DELETE 1")).isEqualTo(2);
                assertThat(PresenterWindow.count(all.replaceAll("\\s+", " "), "de tabel klanten in db weer weg"))
                        .isEqualTo(1);
            }
            window.assertEndedCleanly();
        }
        DaemonState.assertNothingLeft(section);
        assertThat(DaemonState.danglingVolumes()).as("dangling volumes after the walk").isSubsetOf(danglingBefore);
    }

    private String walk(String section, int steps, String walk, String container, String image) throws Exception {
        String flat;
        java.util.Set<String> danglingBefore = DaemonState.danglingVolumes();
        try (PresenterWindow window = PresenterWindow.start("pace-" + section, 120, "demo " + section)) {
            for (String key : walk.split(" ")) {
                int at = Integer.parseInt(key.replaceAll("\\D", ""));
                window.awaitScreen(prompt(at, steps), STEP);
                switch (key.charAt(0)) {
                    case 'p' -> TimeUnit.SECONDS.sleep(15); // the presenter talks (the pace under test)
                    case 'r' -> {
                        window.press("r");
                        window.awaitScreen("Stap " + (at - 1) + "/" + steps + " ·", 2, STEP);
                        window.awaitScreen(prompt(at, steps), STEP); // the same prompt once more
                        String seen = window.flat();
                        assertThat(seen).as("after r at " + at).doesNotContain("al in gebruik")
                                .doesNotContain(FAILED);
                        if (container != null) {
                            assertThat(named(section, container)).as("one " + container + " after r").hasSize(1);
                        }
                        if (image != null) {
                            assertThat(tagged(section, image)).as("one " + image + " after r").hasSize(1);
                        }
                    }
                    case 's' -> {
                        window.press("s");
                        window.awaitScreen("Stap " + at + "/" + steps + " overgeslagen", STEP);
                    }
                    case 'q' -> window.press("q");
                    default -> window.press("Enter");
                }
            }
            flat = window.awaitExit(Duration.ofMinutes(3)).replaceAll("\\s+", " ");
            assertThat(flat).doesNotContain(FAILED).doesNotContain("al in gebruik");
            int skips = PresenterWindow.count(flat, "overgeslagen: ");
            assertThat(PresenterWindow.count(flat, FAILED_AFTER_SKIP)).as("failures after a skip")
                    .isLessThanOrEqualTo(skips);
            window.assertEndedCleanly();
        }
        DaemonState.assertNothingLeft(section);
        // A volume that docker rm left (volumes: q after it, its volume-of skipped) carries no label of ours.
        assertThat(DaemonState.danglingVolumes()).as("dangling volumes after the walk").isSubsetOf(danglingBefore);
        return flat;
    }

    private static String prompt(int step, int steps) {
        return "⏎ stap " + step + "/" + steps + " ";
    }

    private static List<Container> named(String section, String name) {
        return DaemonState.managedContainers(section).stream()
                .filter(c -> Arrays.asList(c.getNames()).contains("/" + name)).toList();
    }

    private static List<Image> tagged(String section, String name) {
        return DaemonState.managedImages(section).stream()
                .filter(i -> i.getRepoTags() != null && Arrays.stream(i.getRepoTags())
                        .anyMatch(tag -> tag.equals(name + ":latest") || tag.endsWith("/" + name + ":latest")))
                .toList();
    }
}
