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
                    for (int size : new int[] {120, 50}) {
                        window.resize(size);
                        TimeUnit.MILLISECONDS.sleep(300); // let the terminal reflow first; then wait for state
                        waitForOnePrompt(window);
                        assertThat(PresenterWindow.count(window.flat(), "Enter")).as("one prompt at " + size)
                                .isEqualTo(1);
                    }
                }
                window.next(prompt(columns, 1), prompt(columns, 2));
                window.awaitScreen("Stap 2/10", STEP);
                window.awaitScreen(prompt(columns, 3), STEP);
                List<String> lines = ownLines(window.screen(), "Het leven van een container");
                assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(columns));
                assertThat(window.screen()).doesNotContainPattern("(?m)^\\S+-$"); // no title cut mid-word
                window.press("q");
                window.awaitExit(STEP);
                assertThat(window.exitCode()).isZero();
                assertThat(window.terminalRestored()).isTrue();
            }
            DaemonState.assertNothingLeft("lifecycle");
        }
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

    /** The prompt after a resize back: drawn again once, the old one gone. */
    private static void waitForOnePrompt(PresenterWindow window) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline && PresenterWindow.count(window.flat(), "Enter") != 1) {
            Thread.sleep(100); // polling the screen, bounded by the deadline
        }
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
