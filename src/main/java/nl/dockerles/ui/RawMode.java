package nl.dockerles.ui;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import java.util.EnumSet;

/**
 * The one home of raw key input: the terminal without echo and line buffering, a key at a time (read with a
 * timeout of a tenth of a second), and put back exactly as it was. Through {@code stty} where there is one, as
 * JLine's attributes lose the line speed; else through JLine. The presenter's keys take Ctrl-C as a key too
 * ({@code signalsAsKeys}); {@code oefen}'s keys leave Ctrl-C to end the program.
 */
final class RawMode {
    private final Terminal terminal;
    private final Attributes original;
    /** {@code stty -g} at the start, or null where there is no stty. */
    private final String sttyOriginal;

    private RawMode(Terminal terminal, boolean signalsAsKeys) {
        this.terminal = terminal;
        this.original = terminal.getAttributes();
        this.sttyOriginal = Stty.save();
        String[] raw = signalsAsKeys
                ? new String[] {"-icanon", "-echo", "-iexten", "-isig", "-ixon", "-icrnl", "-inlcr", "min", "0",
                        "time", "1"}
                : new String[] {"-icanon", "-echo", "-iexten", "-ixon", "-icrnl", "-inlcr", "min", "0", "time", "1"};
        if (sttyOriginal == null || !Stty.set(raw)) {
            terminal.setAttributes(raw(original, signalsAsKeys));
        }
    }

    static RawMode enter(Terminal terminal, boolean signalsAsKeys) {
        return new RawMode(terminal, signalsAsKeys);
    }

    /** As JLine's raw mode; with {@code signalsAsKeys} Ctrl-C, Ctrl-Z and Ctrl-\ are keys instead of signals. */
    private static Attributes raw(Attributes original, boolean signalsAsKeys) {
        Attributes raw = new Attributes(original);
        EnumSet<Attributes.LocalFlag> off = EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN);
        if (signalsAsKeys) {
            off.add(Attributes.LocalFlag.ISIG);
        }
        raw.setLocalFlags(off, false);
        raw.setInputFlags(EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR), false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 0);
        raw.setControlChar(Attributes.ControlChar.VTIME, 1);
        return raw;
    }

    /** Puts the terminal back exactly as it was; safe to call more than once, and after the terminal is gone. */
    void restore() {
        if (sttyOriginal != null && Stty.set(sttyOriginal)) {
            return;
        }
        try {
            terminal.setAttributes(original);
        } catch (RuntimeException ignored) {
            // The terminal is gone (SIGHUP): nothing to restore.
        }
    }
}
