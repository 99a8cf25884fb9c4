package nl.dockerles.it;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every section walked by a presenter in a real terminal (tmux), to its end: half of it in a window of 50 columns
 * and, after a resize at the middle prompt, the rest at 200 (or from 200 to 60, every other section). Checked
 * with tmux: no line of dockerles was wrapped by the terminal (the joined capture, {@code capture-pane -J}, has
 * no own line wider than the window it was printed in), the prompt is on screen once after each resize and
 * none is left at the end, exit 0, the terminal as it was, nothing left on the daemon.
 * <p>
 * Whose line is it: what follows a {@code $ command} up to its note ({@code →}) is the daemon's or a
 * container's output, printed as the docker CLI prints it, as wide as it comes; everything else is dockerles's
 * own (titles, explanations, the command, notes, the prompt, and what an action that works its own way shows,
 * such as the namespaces and restart tables). The long waits (lifecycle's stops, restart's table, run's attach)
 * run as a presenter sees them: every section is walked whole, once.
 */
class SectionsLayoutTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(120);

    static Stream<String> sections() {
        Catalog catalog = new Catalog();
        return catalog.entries().stream().map(SectionEntry::id).filter(catalog::isBuilt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void theLayoutHoldsAcrossAResize(String section) throws Exception {
        List<String> ids = sections().toList();
        boolean narrowFirst = ids.indexOf(section) % 2 == 0;
        int first = narrowFirst ? 50 : 200;
        int then = narrowFirst ? 200 : 60;
        int steps = new Catalog().section(section).steps().size();
        int middle = steps / 2 + 1;
        long started = System.nanoTime();
        try (PresenterWindow window = PresenterWindow.start("layout-" + section, first, "demo " + section)) {
            for (int step = 1; step < middle; step++) {
                window.awaitScreen(prompt(first, step, steps), STEP);
                window.press("Enter");
            }
            window.awaitScreen(prompt(first, middle, steps), STEP);
            List<String> before = ownLines(window.fullScreen());
            assertFit(section, before, first);
            resizeAtPrompt(window, middle, steps, then);
            window.press("Enter");
            for (int step = middle + 1; step <= steps; step++) {
                window.awaitScreen(prompt(then, step, steps), STEP);
                window.press("Enter");
            }
            window.awaitExit(Duration.ofMinutes(3));
            String screen = window.fullScreen();
            String heading = "── Stap " + middle + "/" + steps + " ·";
            assertThat(screen).as(section).contains(heading);
            List<String> after = ownLines(screen.substring(screen.lastIndexOf(heading)));
            assertFit(section, after, then);
            assertThat(PresenterWindow.count(screen, "⏎")).as("%s: prompts left on screen", section).isZero();
            assertThat(screen).as(section).contains("── Klaar");
            window.assertEndedCleanly();
        }
        DaemonState.assertNothingLeft(section);
        System.out.printf("SectionsLayoutTmuxIT %s: %d to %d columns, %d steps, %.1f s%n", section, first, then,
                steps, (System.nanoTime() - started) / 1e9);
    }

    /**
     * At the prompt of {@code step}: after the resize the prompt is on screen once, on one row, in the form that
     * fits the new width, and everything above it reads as before (nothing stale, nothing wiped).
     */
    private static void resizeAtPrompt(PresenterWindow window, int step, int steps, int size) throws Exception {
        String before = abovePrompt(window.fullScreen());
        window.resize(size);
        String form = prompt(size, step, steps);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean stable = false;
        String raw = "";
        while (!stable && System.nanoTime() < deadline) {
            raw = window.rawScreen();
            stable = onePrompt(raw, window.fullScreen(), form, size);
            TimeUnit.MILLISECONDS.sleep(500); // polling the screen: the state must hold twice, 500 ms apart
            stable = stable && onePrompt(window.rawScreen(), window.fullScreen(), form, size);
        }
        assertThat(stable).as("one prompt \"" + form + "\" on one row at " + size + " columns:\n" + raw).isTrue();
        assertThat(abovePrompt(window.fullScreen())).as("the screen above the prompt at " + size).isEqualTo(before);
    }

    private static boolean onePrompt(String raw, String full, String form, int size) {
        List<String> rows = raw.lines().map(String::stripTrailing).filter(line -> !line.isEmpty()).toList();
        String last = rows.isEmpty() ? "" : rows.get(rows.size() - 1);
        return PresenterWindow.count(full, "⏎") == 1 && last.startsWith(form.strip())
                && last.codePointCount(0, last.length()) < size && (last.endsWith("q") || last.endsWith("stoppen"));
    }

    /** The whole screen up to the prompt, every run of white space as one space. */
    private static String abovePrompt(String full) {
        String flat = full.replaceAll("\\s+", " ");
        int at = flat.lastIndexOf("⏎");
        return (at < 0 ? flat : flat.substring(0, at)).strip();
    }

    /** No own line is wider than the window it was printed in: the terminal wrapped none of them. */
    private static void assertFit(String section, List<String> own, int columns) {
        List<String> wide = own.stream().filter(line -> line.codePointCount(0, line.length()) > columns).toList();
        assertThat(wide).as("%s: dockerles's lines wrapped by a window of %d columns", section, columns).isEmpty();
    }

    /** The prompt as it reads at that width: the short one where the long one does not fit. */
    private static String prompt(int columns, int step, int steps) {
        return (columns < 100 ? "⏎ " : "⏎ stap ") + step + "/" + steps + " ";
    }

    /**
     * dockerles's own lines of a joined capture, from its title to its end: without the shell's lines around the
     * run, and without the output of each command (from the line after {@code $ …} and its continuation lines up
     * to the note).
     */
    static List<String> ownLines(String joined) {
        List<String> lines = joined.lines().map(String::stripTrailing).toList();
        int start = 0;
        for (int i = 0; i < lines.size() && start == 0; i++) {
            if (lines.get(i).startsWith("bash-") && lines.get(i).contains(".jar demo ")) {
                start = i + 1; // the shell's prompt and the command it runs; the shell may echo it once before
            }
        }
        List<String> own = new ArrayList<>();
        boolean command = false;
        boolean output = false;
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("DONE")) {
                break;
            }
            if (line.startsWith("→ ") || line.startsWith("── ") || line.contains("⏎")) {
                output = false;
            }
            if (line.startsWith("$ ")) {
                command = true;
                output = false;
            }
            if (!output) {
                own.add(line);
            }
            if (command && !line.endsWith("\\")) {
                command = false;
                output = true;
            }
        }
        return own;
    }
}
