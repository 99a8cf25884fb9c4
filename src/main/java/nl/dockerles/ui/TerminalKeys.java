package nl.dockerles.ui;

import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Single key presses from the terminal for {@code oefen}, each read with a timeout. The terminal is in raw mode
 * ({@link RawMode}) from open to close; Ctrl-C still ends the program, and the terminal is put back then too.
 */
public final class TerminalKeys implements KeySource {
    private final Terminal terminal;
    private final RawMode raw;
    private final Thread restoreOnExit;

    private TerminalKeys(Terminal terminal) {
        this.terminal = terminal;
        this.raw = RawMode.enter(terminal, false);
        // Ctrl-C ends the JVM: the terminal must not stay in raw mode.
        this.restoreOnExit = new Thread(raw::restore, "dockerles-terminal");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Call only when stdin and stdout are a terminal. */
    public static TerminalKeys open() {
        return new TerminalKeys(SystemTerminal.open());
    }

    /** Columns of the terminal, for wrapping the texts. */
    public int width() {
        return SystemTerminal.width(terminal);
    }

    @Override
    public int next(Duration timeout) {
        try {
            int c = terminal.reader().read(Math.max(1, timeout.toMillis()));
            if (c == -1) {
                // Input ended: behave like q.
                return 'q';
            }
            return c < 0 ? NONE : c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean canAsk() {
        return true;
    }

    @Override
    public void close() {
        raw.restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // On the way out.
        }
    }
}
