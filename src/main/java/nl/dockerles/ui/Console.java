package nl.dockerles.ui;

import org.fusesource.jansi.Ansi;

import java.io.PrintStream;
import java.util.function.UnaryOperator;

/** What the audience reads: headings, explanations, the command, its real output and the note. */
public final class Console {
    private final PrintStream out;
    private final boolean color;
    private final int width;

    public Console(PrintStream out, boolean color, int width) {
        this.out = out;
        this.color = color;
        this.width = Math.max(40, width);
    }

    public PrintStream stream() {
        return out;
    }

    public int width() {
        return width;
    }

    public void title(String text) {
        out.println(style(text, a -> a.bold().fgBrightBlue()));
        out.println(style("═".repeat(Math.min(width, text.length())), a -> a.fgBlue()));
    }

    public void heading(String text) {
        String line = "── " + text + " ";
        int rest = Math.max(3, Math.min(width, 72) - line.length());
        out.println();
        out.println(style(line + "─".repeat(rest), a -> a.bold().fgCyan()));
    }

    public void paragraph(String text) {
        out.println(Wrap.wrap(text, width, ""));
    }

    public void command(String command) {
        out.println();
        out.println(style("$ ", a -> a.fgBrightBlack()) + style(command, a -> a.bold().fgBrightYellow()));
    }

    /** The real output of the daemon, untouched but for colour. */
    public void output(String text) {
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /** What the presenter's keyboard did, in the transcript (Ctrl-D, Ctrl-P Ctrl-Q). */
    public void keys(String text) {
        out.println(style(text, a -> a.fgBrightBlack()));
    }

    public void note(String text) {
        out.println();
        out.println(style(Wrap.wrap(text, width - 2, "  ").replaceFirst("^  ", "→ "), a -> a.fgGreen()));
    }

    public void info(String text) {
        out.println(style(Wrap.wrap(text, width, ""), a -> a.fgBrightBlack()));
    }

    public void warn(String text) {
        out.println(style(Wrap.wrap(text, width, ""), a -> a.fgYellow()));
    }

    public void prompt(String text) {
        out.print(style(text, a -> a.bold().fgBrightMagenta()));
        out.flush();
    }

    public void blank() {
        out.println();
    }

    private String style(String text, UnaryOperator<Ansi> how) {
        return color ? how.apply(Ansi.ansi()).a(text).reset().toString() : text;
    }
}
