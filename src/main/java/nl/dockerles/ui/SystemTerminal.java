package nl.dockerles.ui;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The real terminal through JLine, opened the same way for the presenter's keys, oefen and check. */
public final class SystemTerminal {
    private SystemTerminal() {
    }

    /** Call only when stdin and stdout are a terminal (System.console() != null). */
    public static Terminal open() {
        // JLine reports terminal detection through java.util.logging; that is not for the audience.
        Logger.getLogger("org.jline").setLevel(Level.OFF);
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).jni(true).exec(false).build();
            StopRequest.reinstallSignals(); // JLine set SIGINT back to the default: Ctrl-C would end us unseen
            return terminal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns of the terminal without opening it (stty; for --help): 0 when there is none. */
    public static int columns() {
        return Stty.columns();
    }

    /**
     * Columns of the terminal as they are now, for a run that does not open it ({@code demo --auto} in a window):
     * asked again at most once a second, so that a resize is followed; {@code fallback} when it does not say.
     */
    public static java.util.function.IntSupplier columnsNow(int fallback) {
        long[] asked = {0};
        int[] last = {fallback};
        return () -> {
            synchronized (asked) {
                if (asked[0] == 0 || System.nanoTime() - asked[0] > 1_000_000_000L) {
                    int columns = columns();
                    last[0] = columns > 0 ? columns : fallback;
                    asked[0] = System.nanoTime();
                }
                return last[0];
            }
        };
    }

    /** Columns of the terminal; 80 when it does not say. */
    public static int width(Terminal terminal) {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }
}
