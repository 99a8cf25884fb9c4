package nl.dockerles.ui;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.io.UncheckedIOException;

/**
 * The presenter's keys, one key press each (raw mode through JLine): Enter or space goes on, r runs the
 * previous step again, s skips, q quits. Ctrl-C in raw mode arrives as a key and quits too (with cleanup).
 */
public final class KeyPrompter implements Prompter, PresenterTerminal, AutoCloseable {
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    private final Terminal terminal;
    private final Console console;

    private KeyPrompter(Terminal terminal, Console console) {
        this.terminal = terminal;
        this.console = console;
    }

    /** The real terminal; call only when stdin and stdout are one (System.console() != null). */
    public static KeyPrompter open(Console console) {
        return new KeyPrompter(SystemTerminal.open(), console);
    }

    /** Columns of the terminal, for wrapping the narration. */
    public int width() {
        return SystemTerminal.width(terminal);
    }

    @Override
    public Key await(String label) {
        console.prompt(label);
        Attributes saved = terminal.enterRawMode();
        try {
            while (true) {
                int c = terminal.reader().read();
                Key key = switch (c) {
                    case '\r', '\n', ' ' -> Key.NEXT;
                    case 'r', 'R' -> Key.REPEAT;
                    case 's', 'S' -> Key.SKIP;
                    case 'q', 'Q', CTRL_C, CTRL_D, -1 -> Key.QUIT;
                    default -> null;
                };
                if (key != null) {
                    return key;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
            console.clearLine();
        }
    }

    /** Raw mode: every key goes to the container, the window size follows the presenter's terminal. */
    @Override
    public void handOver(Consumer<byte[]> keys, BooleanSupplier ended, BiConsumer<Integer, Integer> resize) {
        resize.accept(width(), terminal.getHeight());
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.WINCH,
                signal -> resize.accept(width(), terminal.getHeight()));
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader reader = terminal.reader();
            while (!ended.getAsBoolean()) {
                int c = reader.read(100L);
                if (c == NonBlockingReader.EOF) {
                    return;
                }
                if (c >= 0) {
                    keys.accept(String.valueOf((char) c).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
            terminal.handle(Terminal.Signal.WINCH, previous);
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // Closing the terminal on the way out.
        }
    }
}
