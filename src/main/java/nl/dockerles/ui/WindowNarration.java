package nl.dockerles.ui;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * The narration laid out for the window: each line of dockerles's own fits the width asked for it now, broken
 * between words (a command where a shell joins it again), in colour on a terminal.
 */
final class WindowNarration {
    private final PrintStream out;
    private final Colours colours;
    private final IntSupplier width;
    /**
     * A window: long commands break where a shell allows it. Piped output (a file, a log, a test) keeps each
     * command on one line, to copy or search as it is.
     */
    private final boolean window;

    WindowNarration(PrintStream out, Colours colours, IntSupplier width, boolean window) {
        this.out = out;
        this.colours = colours;
        this.width = width;
        this.window = window;
    }

    void title(String text) {
        int width = this.width.getAsInt();
        // A narrow window: the title breaks between words, not where the terminal would cut it.
        String wrapped = text.length() <= width ? text : Wrap.wrap(text, width, "");
        int longest = wrapped.lines().mapToInt(String::length).max().orElse(0);
        out.println(colours.paint(wrapped, a -> a.bold().fgBrightBlue()));
        out.println(colours.paint("═".repeat(Math.min(width, longest)), a -> a.fgBlue()));
    }

    void heading(String text) {
        int width = this.width.getAsInt();
        String line = "── " + text + " ";
        out.println();
        if (line.length() + 3 > width) {
            String wrapped = Wrap.wrap(text, width - 3, "   ").replaceFirst("^   ", "── ");
            out.println(colours.paint(wrapped, a -> a.bold().fgCyan()));
            return;
        }
        int rest = Math.max(3, Math.min(width, 72) - line.length());
        out.println(colours.paint(line + "─".repeat(rest), a -> a.bold().fgCyan()));
    }

    void paragraph(String text) {
        out.println(Wrap.wrap(text, width.getAsInt(), ""));
    }

    /** The prompt sign on a line of its own; returns the command laid out for the window, still to be printed. */
    String commandStart(String command) {
        int width = this.width.getAsInt();
        out.println();
        out.print(colours.paint("$ ", a -> a.fgBrightBlack()));
        if (window && command.length() + 2 > width) {
            // A narrow window: broken where a shell allows it, not where the terminal would cut it.
            return Wrap.command(command, width - 2, width, "    ");
        }
        return command;
    }

    /** The command itself (or one letter of it, when typed). */
    void commandText(String text) {
        out.print(colours.paint(text, a -> a.bold().fgBrightYellow()));
    }

    void note(String text) {
        out.println();
        out.println(colours.paint(Wrap.wrap(text, width.getAsInt() - 2, "  ").replaceFirst("^  ", "→ "),
                a -> a.fgGreen()));
    }

    /** A line aside, in grey: a remark, the last word after a stop. */
    void aside(String text) {
        out.println(colours.paint(Wrap.wrap(text, width.getAsInt(), ""), a -> a.fgBrightBlack()));
    }

    void warn(String text) {
        out.println(colours.paint(Wrap.wrap(text, width.getAsInt(), ""), a -> a.fgYellow()));
    }

    /** What the presenter's keyboard did (Ctrl-D, Ctrl-P Ctrl-Q), as it is: not wrapped. */
    void keys(String text) {
        out.println(colours.paint(text, a -> a.fgBrightBlack()));
    }
}
