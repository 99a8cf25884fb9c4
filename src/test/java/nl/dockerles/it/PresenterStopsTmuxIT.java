package nl.dockerles.it;

import static nl.dockerles.it.Tmux.tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A presenter in a real terminal (tmux) stops the demo at the worst moments: Ctrl-C while {@code docker stop}
 * waits, SIGTERM during {@code attach}, {@code q} during the restart table, the window closed (SIGHUP). Each
 * time: the step stops at once, what the run made is gone, the terminal is exactly as before ({@code stty -g}),
 * one line says what was removed, and the exit code is 130 (0 for q). Also: a second run of a live section
 * leaves the first alone.
 */
class PresenterStopsTmuxIT {
    private static final String SESSION = "dockerles-stops-" + ProcessHandle.current().pid();
    private Path dir;

    @BeforeEach
    void folder() throws IOException {
        dir = Files.createTempDirectory("dockerles-tmux-it");
    }

    @AfterEach
    void closeTmux() throws Exception {
        tmux("kill-session", "-t", SESSION);
        tmux("kill-session", "-t", SESSION + "-2");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void ctrlCWhileDockerStopWaits() throws Exception {
        start(SESSION, "demo lifecycle");
        next("stap 1/10", "stap 2/10", "stap 3/10");
        awaitScreen(SESSION, "$ docker stop demo", Duration.ofSeconds(20));
        tmux("send-keys", "-t", SESSION, "-l", "xyz"); // keys during a step: not echoed, not queued
        long sent = System.nanoTime();
        tmux("send-keys", "-t", SESSION, "C-c");
        String screen = awaitExit(Duration.ofSeconds(20));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(exitCode()).isEqualTo(130);
        assertThat(screen).contains("Onderbroken. Opgeruimd wat deze demo maakte: demo").doesNotContain("xyz")
                .doesNotContain("Dat duurde"); // no note about a stop that did not happen
        assertTerminalRestoredAndNothingLeft("lifecycle");
    }

    @Test
    void sigtermDuringAttach() throws Exception {
        start(SESSION, "demo run");
        next("stap 1/5", "stap 2/5", "stap 3/5", "stap 4/5");
        awaitScreen(SESSION, "$ docker attach duurt_lang", Duration.ofSeconds(20));
        new ProcessBuilder("sh", "-c", "kill -TERM $(cat " + dir.resolve("pid") + ")").start().waitFor();
        String screen = awaitExit(Duration.ofSeconds(20));
        assertThat(exitCode()).isEqualTo(130);
        assertThat(screen).contains("Onderbroken. Opgeruimd wat deze demo maakte:").contains("duurt_lang")
                .doesNotContain("attach wachtte");
        assertTerminalRestoredAndNothingLeft("run");
    }

    @Test
    void qDuringTheRestartTable() throws Exception {
        start(SESSION, "demo restart");
        String screen = "";
        for (int step = 1; step <= 5 && !screen.contains("RestartCount"); step++) {
            next("stap " + step + "/");
            screen = awaitScreen(SESSION, "stap " + (step + 1) + "/", "RestartCount", Duration.ofSeconds(90));
        }
        long sent = System.nanoTime();
        tmux("send-keys", "-t", SESSION, "q");
        screen = awaitExit(Duration.ofSeconds(20));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(exitCode()).isEqualTo(0);
        assertThat(screen).contains("Gestopt op verzoek. Opgeruimd wat deze demo maakte: crashingbackgroundprocess");
        assertTerminalRestoredAndNothingLeft("restart");
    }

    @Test
    void closingTheWindowCleansUp() throws Exception {
        start(SESSION, "demo lifecycle");
        next("stap 1/10", "stap 2/10");
        awaitScreen(SESSION, "stap 3/10", Duration.ofSeconds(20));
        assertThat(DaemonState.managedContainers("lifecycle")).hasSize(1);
        tmux("kill-session", "-t", SESSION); // the terminal closes: SIGHUP
        PresenterWindow.awaitFile(dir.resolve("exit"), Duration.ofSeconds(20));
        assertThat(exitCode()).isEqualTo(130);
        DaemonState.assertNothingLeft("lifecycle");
        assertNoTemporaryFolderOfThisRun();
    }

    @Test
    void aSecondRunLeavesTheLiveOneAlone() throws Exception {
        start(SESSION, "demo ports");
        next("stap 1/5");
        awaitScreen(SESSION, "stap 2/5", Duration.ofSeconds(30));
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        Process second = new ProcessBuilder(PresenterWindow.java(), "-jar", jar, "demo", "ports", "--auto")
                .redirectErrorStream(true).start();
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(4);
        assertThat(out).contains("De sectie ports draait al").contains("--prefix");
        assertThat(DaemonState.managedContainers("ports")).hasSize(1)
                .allSatisfy(c -> assertThat(c.getState()).isEqualTo("running"));
        tmux("send-keys", "-t", SESSION, "q");
        awaitExit(Duration.ofSeconds(20));
        assertThat(exitCode()).isEqualTo(0);
        assertTerminalRestoredAndNothingLeft("ports");
    }

    private void start(String session, String args) throws Exception {
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        // The wrapper survives the window (trap) to write the exit code; stty -g before and after the run.
        Files.createDirectories(dir.resolve("tmp"));
        String run = "stty -g > " + dir.resolve("before") + "; bash -c 'trap : HUP; sh -c \"echo \\$\\$ > "
                + dir.resolve("pid") + "; exec " + PresenterWindow.java() + " -Djava.io.tmpdir=" + dir.resolve("tmp") + " -jar " + jar + " " + args + "\"; echo $? > "
                + dir.resolve("exit") + "'; stty -g > " + dir.resolve("after") + "; echo DO''NE; sleep 60";
        tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "45", "bash --norc --noprofile");
        tmux("send-keys", "-t", session, run, "Enter");
    }

    /** Waits for each prompt, then presses Enter (after a moment: a presenter does not press within 150 ms). */
    private void next(String... prompts) throws Exception {
        for (String prompt : prompts) {
            awaitScreen(SESSION, prompt, Duration.ofSeconds(60));
            TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace, not waiting for state
            tmux("send-keys", "-t", SESSION, "Enter");
        }
    }

    private String awaitExit(Duration timeout) throws Exception {
        PresenterWindow.awaitFile(dir.resolve("exit"), timeout);
        PresenterWindow.awaitFile(dir.resolve("after"), Duration.ofSeconds(5));
        return tmux("capture-pane", "-p", "-t", SESSION, "-S", "-300");
    }

    private int exitCode() throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("exit")).strip());
    }

    private void assertTerminalRestoredAndNothingLeft(String section) throws Exception {
        assertThat(Files.readString(dir.resolve("after"))).isEqualTo(Files.readString(dir.resolve("before")));
        DaemonState.assertNothingLeft(section);
        assertNoTemporaryFolderOfThisRun();
    }

    /**
     * The run had a temporary folder of its own (java.io.tmpdir): its workspace (root-owned files included) and
     * JLine's native library, unpacked there, are gone with it.
     */
    private void assertNoTemporaryFolderOfThisRun() throws IOException {
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString()).toList()).isEmpty();
        }
    }

    private static String awaitScreen(String session, String text, Duration timeout) throws Exception {
        return awaitScreen(session, text, text, timeout);
    }

    private static String awaitScreen(String session, String text, String orText, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", session, "-S", "-300");
            if (screen.contains(text) || screen.contains(orText)) {
                return screen;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not on screen within " + timeout + ": " + text + "\n---\n" + screen);
    }

}
