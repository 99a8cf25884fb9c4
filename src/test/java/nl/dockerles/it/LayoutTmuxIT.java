package nl.dockerles.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout from 50 to 200 columns, in a real terminal (tmux): --help, lifecycle and the restart table, and a
 * resize at a prompt. Only dockerles's own lines are checked; the daemon's output wraps as the docker CLI's would.
 */
class LayoutTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    /** Lines of the daemon's output (docker ps, the container shell's banner): as wide as they come. */
    private static final Pattern DAEMON_OUTPUT = Pattern.compile("^(CONTAINER ID|BusyBox v|[0-9a-f]{12}\\s).*");

    @Test
    void helpAtFiftyAndAtTwoHundredColumns() throws Exception {
        for (int columns : new int[] {50, 200}) {
            try (PresenterWindow window = PresenterWindow.start("help" + columns, columns, "--help")) {
                window.awaitExit(STEP);
                List<String> lines = ownLines(window.screen(), "Gebruik:");
                assertThat(lines).as("the help at " + columns).isNotEmpty()
                        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
                String flat = window.flat();
                assertThat(flat).contains("8 de workshop kan hier (nog) niet draaien (check)");
                if (columns == 50) {
                    assertThat(window.screen()).containsPattern("(?m)^    8  de workshop kan hier \\(nog\\) niet draaien\\R {9}\\(check\\)$");
                } else {
                    assertThat(window.screen()).contains("    8  de workshop kan hier (nog) niet draaien (check)\n");
                }
            }
        }
    }

    @Test
    void lifecycleAtFiftyAndTwoHundredAndAResizeAtAPrompt() throws Exception {
        for (int columns : new int[] {50, 200}) {
            try (PresenterWindow window = PresenterWindow.start("life" + columns, columns, "demo lifecycle")) {
                window.awaitScreen(prompt(columns, 1), STEP);
                if (columns == 50) {
                    resizeAtPrompt(window, 1, 10, 120, 50);
                }
                window.next(prompt(columns, 1), prompt(columns, 2));
                window.awaitScreen("Stap 2/10", STEP);
                window.awaitScreen(prompt(columns, 3), STEP);
                List<String> lines = ownLines(window.screen(), "Het leven van een container");
                assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
                assertThat(window.screen()).doesNotContainPattern("(?m)^\\S+-$"); // no title cut mid-word
                // after the -it step (whose shell banner says "Enter 'help'"): 50 -> 120 -> 50, 200 -> 60 -> 200
                resizeAtPrompt(window, 3, 10, columns == 50 ? new int[] {120, 50} : new int[] {60, 200});
                endWithQ(window);
            }
            DaemonState.assertNothingLeft("lifecycle");
        }
    }

    @Test
    void aResizeAtPortsPrompts() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("portsresize", 200, "demo ports")) {
            window.next(prompt(200, 1).replace("/10", "/5"));
            window.awaitScreen(prompt(200, 2).replace("/10", "/5"), STEP);
            resizeAtPrompt(window, 2, 5, 60, 120, 200);
            window.press("Enter");
            window.awaitScreen(prompt(200, 3).replace("/10", "/5"), STEP);
            resizeAtPrompt(window, 3, 5, 50, 120, 50);
            endWithQ(window);
        }
        DaemonState.assertNothingLeft("ports");
    }

    @Test
    void theRestartTableAtFiftyAndTwoHundredColumns() throws Exception {
        for (int columns : new int[] {50, 200}) {
            String header = columns == 50 ? "NR      TIJD    TUSSEN" : "RESTARTCOUNT TIJD";
            try (PresenterWindow window = PresenterWindow.start("restart" + columns, columns, "demo restart")) {
                boolean table = false;
                for (int step = 1; step <= 5 && !table; step++) {
                    window.next(prompt(columns, step).replace("/10", "/"));
                    table = awaitEither(window, header, prompt(columns, step + 1).replace("/10", "/"));
                }
                assertThat(table).isTrue();
                assertThat(window.screen()).contains(header);
                if (columns == 50) {
                    assertThat(window.flat()).contains("NR is de RestartCount.");
                }
                List<String> lines = ownLines(window.screen(), "Docker herstart");
                assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
                window.press("q");
                window.awaitExit(STEP);
                assertThat(window.exitCode()).isZero();
            }
            DaemonState.assertNothingLeft("restart");
        }
    }

    /** The prompt as it reads at that width: the short one where the long one does not fit. */
    private static String prompt(int columns, int step) {
        return (columns < 100 ? "⏎ " : "⏎ stap ") + step + "/10";
    }

    /** True when {@code text} came (on the screen as written), false when {@code orPrompt} came first. */
    private static boolean awaitEither(PresenterWindow window, String text, String orPrompt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String screen = window.screen();
            if (screen.contains(text)) {
                return true;
            }
            if (window.flat().contains(orPrompt)) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("neither " + text + " nor " + orPrompt);
    }

    /**
     * At the prompt of {@code step}: after each resize the prompt is on screen once, on one row, in the form that
     * fits the new width, and everything above it reads as before (nothing stale, nothing wiped).
     */
    private static void resizeAtPrompt(PresenterWindow window, int step, int steps, int... sizes) throws Exception {
        String before = abovePrompt(window.flat());
        for (int size : sizes) {
            window.resize(size);
            String form = (size > 100 ? "⏎ stap " : "⏎ ") + step + "/" + steps + " ";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean stable = false;
            String screen = "";
            while (!stable && System.nanoTime() < deadline) {
                screen = window.rawScreen();
                stable = onePrompt(screen, window.flat(), form, size);
                TimeUnit.MILLISECONDS.sleep(500); // polling the screen: the state must hold twice, 500 ms apart
                stable = stable && onePrompt(window.rawScreen(), window.flat(), form, size);
            }
            assertThat(stable).as("one prompt \"" + form + "\" on one row at " + size + " columns:\n" + screen)
                    .isTrue();
            assertThat(abovePrompt(window.flat())).as("the screen above the prompt at " + size).isEqualTo(before);
        }
    }

    private static boolean onePrompt(String raw, String flat, String form, int size) {
        List<String> rows = raw.lines().map(String::stripTrailing).filter(line -> !line.isEmpty()).toList();
        String last = rows.isEmpty() ? "" : rows.get(rows.size() - 1);
        return PresenterWindow.count(flat, "⏎") == 1 && last.startsWith(form) && last.length() < size
                && (last.endsWith("q") || last.endsWith("stoppen"));
    }

    /** The flat screen up to the prompt. */
    private static String abovePrompt(String flat) {
        int at = flat.lastIndexOf("⏎");
        return (at < 0 ? flat : flat.substring(0, at)).strip();
    }

    /** q at a prompt: exit 0, the terminal as it was. */
    private static void endWithQ(PresenterWindow window) throws Exception {
        window.press("q");
        window.awaitExit(STEP);
        assertThat(window.exitCode()).isZero();
        assertThat(window.terminalRestored()).isTrue();
    }

    /**
     * The screen's lines as written (tmux joins what the terminal wrapped), from the line that starts with
     * {@code from}, without the daemon's own output.
     */
    private static List<String> ownLines(String screen, String from) {
        int start = Math.max(0, screen.indexOf(from));
        return screen.substring(start).lines().map(String::stripTrailing)
                .filter(line -> !DAEMON_OUTPUT.matcher(line).matches())
                .filter(line -> !line.startsWith("DO") && !line.startsWith("bash-"))
                .toList();
    }
}
