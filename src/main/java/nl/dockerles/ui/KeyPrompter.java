package nl.dockerles.ui;

import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The presenter's keys, one key press each. From open to close the terminal is quiet (no echo, no line
 * buffering, Ctrl-C a key): one reader thread owns the keyboard. At a prompt Enter or space goes on, r repeats
 * the step just shown, s skips, q quits. While a step runs, keys are dropped (they do not queue up for the next
 * prompt, nor show in the output); only {@code q} and Ctrl-C act, at once, through the {@link StopRequest}.
 * During an interactive hand-off every key goes to the container, but Ctrl-C still stops the demo.
 * Close restores the terminal exactly as it was.
 */
public final class KeyPrompter implements Prompter, PresenterTerminal, AutoCloseable {
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    /** A key this soon after the prompt appeared belongs to the step before (a double Enter), not to this one. */
    private static final long GUARD_NANOS = TimeUnit.MILLISECONDS.toNanos(120);

    private final Terminal terminal;
    private final Console console;
    private final StopRequest stop;
    private final RawMode raw;
    private final BlockingQueue<Key> keys = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private volatile boolean waiting;
    private volatile long promptShownAt;
    private volatile Consumer<byte[]> forward;
    private volatile boolean closed;
    /** The prompt's two forms while it waits (null otherwise), and what is on screen. */
    private String wide;
    private String narrow;
    private String drawn;

    private KeyPrompter(Terminal terminal, Console console, StopRequest stop) {
        this.terminal = terminal;
        this.console = console;
        this.stop = stop;
        this.raw = RawMode.enter(terminal, true);
        terminal.handle(Terminal.Signal.WINCH, signal -> redrawPrompt());
        this.reader = new Thread(this::readKeys, "dockerles-keys");
        reader.setDaemon(true);
        reader.start();
    }

    /** The real terminal; call only when stdin and stdout are one (System.console() != null). */
    public static KeyPrompter open(Console console, StopRequest stop) {
        return new KeyPrompter(SystemTerminal.open(), console, stop);
    }

    /** Columns of the terminal, for wrapping the narration. */
    public int width() {
        return SystemTerminal.width(terminal);
    }

    private void readKeys() {
        try {
            NonBlockingReader in = terminal.reader();
            while (!closed) {
                int c = in.read(100L);
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c == NonBlockingReader.EOF) {
                    if (!closed) {
                        stop.request(StopRequest.Reason.INTERRUPT); // the terminal is gone
                    }
                    return;
                }
                if (c == CTRL_C) {
                    stop.request(StopRequest.Reason.INTERRUPT);
                    keys.offer(Key.QUIT);
                    continue;
                }
                Consumer<byte[]> target = forward;
                if (target != null) {
                    target.accept(String.valueOf((char) c).getBytes(StandardCharsets.UTF_8));
                } else if (waiting) {
                    Key key = key(c);
                    if (key != null && (key == Key.QUIT || System.nanoTime() - promptShownAt > GUARD_NANOS)) {
                        keys.offer(key);
                    }
                } else if (c == 'q' || c == 'Q') {
                    stop.request(StopRequest.Reason.QUIT); // during a step: stop now, not when it ends
                }
                // any other key during a step is dropped: one key, one action
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                stop.request(StopRequest.Reason.INTERRUPT);
            }
        }
    }

    private static Key key(int c) {
        return switch (c) {
            case '\r', '\n', ' ' -> Key.NEXT;
            case 'r', 'R' -> Key.REPEAT;
            case 's', 'S' -> Key.SKIP;
            case 'q', 'Q', CTRL_D -> Key.QUIT;
            default -> null;
        };
    }

    @Override
    public Key await(String label) {
        return await(label, label, width());
    }

    /** The wide label where it fits the window, else the narrow one; picked again after every resize. */
    @Override
    public Key await(String wideLabel, String narrowLabel, int ignoredWidth) {
        keys.clear();
        synchronized (this) {
            wide = wideLabel;
            narrow = narrowLabel;
            draw();
        }
        promptShownAt = System.nanoTime();
        waiting = true;
        try {
            while (true) {
                if (stop.requested()) {
                    return Key.QUIT;
                }
                Key key = keys.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    return stop.requested() ? Key.QUIT : key;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Key.QUIT;
        } finally {
            waiting = false;
            synchronized (this) {
                console.clearPrompt();
                wide = null;
                narrow = null;
                drawn = null;
            }
        }
    }

    /** The prompt on one row of the window as it is now, the cursor at its start (see Console#keyPrompt). */
    private void draw() {
        drawn = fit(wide, narrow, width());
        console.keyPrompt(drawn);
    }

    /**
     * The wide form where it fits, else the narrow one, else the narrow one cut: the prompt never fills a row,
     * so it never wraps where it was drawn.
     */
    static String fit(String wide, String narrow, int columns) {
        if (wide.codePointCount(0, wide.length()) < columns) {
            return wide;
        }
        if (narrow.codePointCount(0, narrow.length()) < columns) {
            return narrow;
        }
        int keep = Math.max(1, columns - 1);
        return narrow.substring(0, narrow.offsetByCodePoints(0, keep));
    }

    /**
     * The window changed size: the prompt that is on screen goes (on its row, or over the rows a terminal that
     * rewraps made of it), and it is drawn once more, in the form that fits the new width.
     */
    private synchronized void redrawPrompt() {
        if (drawn != null) {
            console.clearPrompt();
            draw();
        }
    }

    /** Every key goes to the container, the window size follows the presenter's terminal. */
    @Override
    public void handOver(Consumer<byte[]> keys, BooleanSupplier ended, BiConsumer<Integer, Integer> resize) {
        resize.accept(width(), terminal.getHeight());
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.WINCH,
                signal -> resize.accept(width(), terminal.getHeight()));
        forward = keys;
        try {
            while (!ended.getAsBoolean() && !stop.requested() && reader.isAlive()) {
                try {
                    Thread.sleep(50); // polling the shell's end; keys flow on the reader thread meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            forward = null;
            terminal.handle(Terminal.Signal.WINCH, previous);
        }
    }

    /** Puts the terminal back exactly as it was; safe to call more than once. */
    public void restore() {
        raw.restore();
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            terminal.close(); // JLine puts back its own copy of the settings, without the line speed
        } catch (IOException | RuntimeException ignored) {
            // Closing the terminal on the way out.
        }
        restore();
    }
}
