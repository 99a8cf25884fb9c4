package nl.dockerles.ui;

import org.fusesource.jansi.Ansi;

import java.io.PrintStream;
import java.util.function.UnaryOperator;

/** What the audience reads: headings, explanations, the command, its real output and the note. */
public final class Console {
    private final PrintStream out;
    private final boolean color;
    private final java.util.function.IntSupplier width;
    private int typingCharsPerSecond;
    private boolean markdown;
    private boolean inCodeBlock;

    public Console(PrintStream out, boolean color, int width) {
        this(out, color, () -> width);
    }

    /** The width is asked anew for every paragraph: the presenter may resize the window mid-demo. */
    public Console(PrintStream out, boolean color, java.util.function.IntSupplier width) {
        this.out = out;
        this.color = color;
        this.width = () -> Math.max(40, width.getAsInt());
    }

    public PrintStream stream() {
        return out;
    }

    public int width() {
        return width.getAsInt();
    }

    public void title(String text) {
        if (markdown) {
            out.println("# " + text);
            out.println();
            return;
        }
        out.println(style(text, a -> a.bold().fgBrightBlue()));
        out.println(style("═".repeat(Math.min(width(), text.length())), a -> a.fgBlue()));
    }

    public void heading(String text) {
        if (markdown) {
            closeCodeBlock();
            out.println();
            out.println("## " + text);
            out.println();
            return;
        }
        String line = "── " + text + " ";
        int rest = Math.max(3, Math.min(width(), 72) - line.length());
        out.println();
        out.println(style(line + "─".repeat(rest), a -> a.bold().fgCyan()));
    }

    public void paragraph(String text) {
        closeCodeBlock();
        out.println(Wrap.wrap(text, width(), ""));
    }

    /** For handouts: the same narration as Markdown, the real output in code blocks. */
    public static Console markdown(PrintStream out) {
        Console console = new Console(out, false, 100);
        console.markdown = true;
        return console;
    }

    /**
     * The same console, with everything it prints also handed to {@code tap} as text (the live page of
     * --meekijken, the recordings of handout).
     */
    public Console tapped(java.util.function.Consumer<String> tap) {
        Console copy = new Console(new TappedPrintStream(out, tap), color, width);
        copy.typingCharsPerSecond = typingCharsPerSecond;
        copy.markdown = markdown;
        return copy;
    }

    /** --typen: commands appear letter by letter, as if typed live. */
    public Console typing(int charsPerSecond) {
        this.typingCharsPerSecond = charsPerSecond;
        return this;
    }

    /** A silent console for steps that only set up (--vanaf): same work, nothing on screen. */
    public static Console silent() {
        return new Console(new PrintStream(java.io.OutputStream.nullOutputStream()), false, 80);
    }

    public void command(String command) {
        if (markdown) {
            out.println();
            out.println("```console");
            out.println("$ " + command);
            inCodeBlock = true;
            return;
        }
        out.println();
        out.print(style("$ ", a -> a.fgBrightBlack()));
        if (typingCharsPerSecond > 0) {
            typeOut(command);
        } else {
            out.print(style(command, a -> a.bold().fgBrightYellow()));
        }
        out.println();
    }

    private void typeOut(String command) {
        long pause = 1000L / typingCharsPerSecond;
        for (int i = 0; i < command.length(); i++) {
            out.print(style(String.valueOf(command.charAt(i)), a -> a.bold().fgBrightYellow()));
            out.flush();
            try {
                Thread.sleep(pause); // pacing for the audience, not waiting for state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.print(style(command.substring(i + 1), a -> a.bold().fgBrightYellow()));
                return;
            }
        }
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
        if (markdown) {
            closeCodeBlock();
            out.println();
            out.println("> " + text.strip().replace("\n", "\n> "));
            return;
        }
        out.println();
        out.println(style(Wrap.wrap(text, width() - 2, "  ").replaceFirst("^  ", "→ "), a -> a.fgGreen()));
    }

    public void info(String text) {
        if (markdown && !inCodeBlock) {
            out.println("_" + text.strip() + "_");
            out.println();
            return;
        }
        out.println(style(Wrap.wrap(text, width(), ""), a -> a.fgBrightBlack()));
    }

    public void warn(String text) {
        out.println(style(Wrap.wrap(text, width(), ""), a -> a.fgYellow()));
    }

    private void closeCodeBlock() {
        if (inCodeBlock) {
            out.println("```");
            inCodeBlock = false;
        }
    }

    public void prompt(String text) {
        out.print(style(text, a -> a.bold().fgBrightMagenta()));
        out.flush();
    }

    /** Wipes the prompt once a key was pressed (only on a terminal: colour means terminal here). */
    public void clearLine() {
        if (color) {
            out.print("\r\u001B[K");
        } else {
            out.println();
        }
        out.flush();
    }

    /** Ends an open code block: call when the narration is done. */
    public void finish() {
        closeCodeBlock();
        out.flush();
    }

    public void blank() {
        out.println();
    }

    private String style(String text, UnaryOperator<Ansi> how) {
        return color ? how.apply(Ansi.ansi()).a(text).reset().toString() : text;
    }
}
