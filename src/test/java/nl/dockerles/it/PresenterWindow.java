package nl.dockerles.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static nl.dockerles.it.Tmux.tmux;

/**
 * One presenter's terminal in tmux, running the jar: the process id, the exit code and {@code stty -g} before
 * and after are written to a folder of its own, and every wait is for what is on screen, with a deadline.
 */
final class PresenterWindow implements AutoCloseable {
    private final String session;
    private final Path dir;

    private PresenterWindow(String session, Path dir) {
        this.session = session;
        this.dir = dir;
    }

    /** Opens a window of {@code columns} x 45 and starts {@code dockerles args} in it. */
    static PresenterWindow start(String name, int columns, String args) throws Exception {
        Path dir = Files.createTempDirectory("dockerles-window-it");
        String session = "dockerles-" + name + "-" + ProcessHandle.current().pid();
        Files.createDirectories(dir.resolve("tmp"));
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        String run = "stty -g > " + dir.resolve("before") + "; bash -c 'trap : HUP; sh -c \"echo \\$\\$ > "
                + dir.resolve("pid") + "; exec " + java() + " -Djava.io.tmpdir=" + dir.resolve("tmp") + " -jar " + jar
                + " " + args + "\"; echo $? > " + dir.resolve("exit") + "'; stty -g > " + dir.resolve("after")
                + "; echo DO''NE; sleep 120";
        tmux("new-session", "-d", "-s", session, "-x", Integer.toString(columns), "-y", "45",
                "bash --norc --noprofile");
        tmux("send-keys", "-t", session, run, "Enter");
        return new PresenterWindow(session, dir);
    }

    /** The process id of dockerles in this window. */
    long pid() throws Exception {
        awaitFile(dir.resolve("pid"), Duration.ofSeconds(20));
        return Long.parseLong(Files.readString(dir.resolve("pid")).strip());
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-400");
    }

    /** The whole history and screen, lines the terminal wrapped joined again: for layout checks. */
    String fullScreen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-");
    }

    /** The screen as it is (no joined lines): for layout checks. */
    String rawScreen() throws Exception {
        return tmux("capture-pane", "-p", "-t", session, "-S", "-400");
    }

    /** The screen with every run of white space as one space: dockerles wraps its prose at the window's width. */
    String flat() throws Exception {
        return screen().replaceAll("\\s+", " ");
    }

    String awaitScreen(String text, Duration timeout) throws Exception {
        return awaitScreen(text, 1, timeout);
    }

    /** Waits until {@code text} (white space as one space) is on screen {@code times} times; the flat screen. */
    String awaitScreen(String text, int times, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String flat = "";
        String needle = text.replaceAll("\\s+", " ");
        while (System.nanoTime() < deadline) {
            flat = flat();
            if (count(flat, needle) >= times) {
                return flat;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not " + times + "x on screen within " + timeout + ": " + text + "\n---\n" + screen());
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** Types {@code text} literally (as keys, not a tmux key name). */
    void type(String text) throws Exception {
        TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace, not waiting for state
        tmux("send-keys", "-t", session, "-l", text);
    }

    /** Waits for each prompt, then presses Enter after a presenter's moment. */
    void next(String... prompts) throws Exception {
        for (String prompt : prompts) {
            awaitScreen(prompt, Duration.ofSeconds(60));
            press("Enter");
        }
    }

    /** A key (tmux name: Enter, C-c, q), after 400 ms: a presenter does not press within 150 ms of a prompt. */
    void press(String key) throws Exception {
        TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace, not waiting for state
        tmux("send-keys", "-t", session, key);
    }

    /** As {@link #press}, and the moment the key went to the terminal (taken just before it was sent). */
    java.time.Instant pressAt(String key) throws Exception {
        TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace, not waiting for state
        java.time.Instant at = java.time.Instant.now();
        tmux("send-keys", "-t", session, key);
        return at;
    }

    void resize(int columns) throws Exception {
        tmux("resize-window", "-t", session, "-x", Integer.toString(columns), "-y", "45");
    }

    /**
     * Waits for dockerles to end; the screen then. A walk that ran every step meets the end prompt ("⏎ einde", where
     * r can repeat the last step): Enter there, once, as a presenter who is done.
     */
    String awaitExit(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean ended = false;
        while (!Files.exists(dir.resolve("exit")) && System.nanoTime() < deadline) {
            if (!ended && atEndPrompt()) {
                press("Enter");
                ended = true;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling for the end, bounded by the deadline
        }
        awaitFile(dir.resolve("exit"), Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L)));
        awaitFile(dir.resolve("after"), Duration.ofSeconds(5));
        return screen();
    }

    /** The last prompt on screen is the end prompt. */
    boolean atEndPrompt() throws Exception {
        String flat = flat();
        int at = flat.lastIndexOf("⏎");
        return at >= 0 && (flat.startsWith("⏎ einde", at) || flat.startsWith("⏎ end", at));
    }

    int exitCode() throws IOException {
        return Integer.parseInt(Files.readString(dir.resolve("exit")).strip());
    }

    /** {@code stty -g} after the run equals the one before. */
    boolean terminalRestored() throws IOException {
        return Files.readString(dir.resolve("after")).equals(Files.readString(dir.resolve("before")));
    }

    /** The run ended as a presenter's run should: exit 0, {@code stty -g} as before, no temporary file left. */
    void assertEndedCleanly() throws IOException {
        org.assertj.core.api.Assertions.assertThat(exitCode()).as("exit code").isZero();
        org.assertj.core.api.Assertions.assertThat(terminalRestored()).as("stty -g as before").isTrue();
        org.assertj.core.api.Assertions.assertThat(temporaryFilesLeft()).as("temporary files").isZero();
    }

    /** What is left in the run's own java.io.tmpdir (its workspace, JLine's native library): should be nothing. */
    long temporaryFilesLeft() throws IOException {
        try (Stream<Path> tmp = Files.list(dir.resolve("tmp"))) {
            return tmp.count();
        }
    }

    @Override
    public void close() throws Exception {
        tmux("kill-session", "-t", session);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void awaitFile(Path file, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling for the file, bounded by the deadline
        }
        throw new AssertionError("no " + file + " within " + timeout);
    }
}
