package nl.dockerles.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Collects what a container's terminal prints, so the engine can wait for the shell's prompt before it
 * "types" the next line, and print what is new. Called from docker-java's thread, read from ours.
 */
final class TtyTranscript implements Consumer<byte[]> {
    /** A shell prompt at the very end of the output: "/ # " for root, "$ " for others. */
    static final Pattern PROMPT = Pattern.compile("[#$] $");
    // busybox ash asks the terminal for the cursor position; that query is not for the audience.
    private static final Pattern TERMINAL_QUERIES = Pattern.compile("\u001B\\[6n|\u001B\\[\\?[0-9;]*[hl]|\r");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int shown;

    @Override
    public synchronized void accept(byte[] chunk) {
        bytes.write(chunk, 0, chunk.length);
        notifyAll();
    }

    synchronized String text() {
        return TERMINAL_QUERIES.matcher(bytes.toString(StandardCharsets.UTF_8)).replaceAll("");
    }

    synchronized int length() {
        return text().length();
    }

    /** Waits until the text after {@code from} ends with a prompt; false when the time ran out. */
    synchronized boolean awaitPrompt(int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = text();
            if (text.length() > from && PROMPT.matcher(text.substring(from)).find()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** What arrived since the last call. */
    synchronized String takeNew() {
        String text = text();
        String fresh = text.substring(Math.min(shown, text.length()));
        shown = text.length();
        return fresh;
    }
}
