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
    /** Set once the run stops: a step still winding down prints nothing after the clean-up. */
    private volatile boolean muted;
    /** Who wrote what is printed now: dockerles, or the daemon and a container ({@link #output}, {@link #raw}). */
    private Origin origin = Origin.OWN;
    /** The rows of the {@link #status} line on screen now (a narrow window wraps it). */
    private int statusRows;

    /**
     * Where printed text comes from. dockerles's own words and tables are laid out for the window; the daemon's
     * and a container's output is printed as the docker CLI prints it, as wide as it comes.
     */
    public enum Origin {
        OWN,
        DAEMON
    }

    /**
     * A window: long commands break where a shell allows it. Piped output (a file, a log, a test) keeps each
     * command on one line, to copy or search as it is.
     */
    private final boolean window;

    public Console(PrintStream out, boolean color, int width) {
        this(out, color, () -> width, false);
    }

    /** The width is asked anew for every paragraph: the presenter may resize the window mid-demo. */
    public Console(PrintStream out, boolean color, java.util.function.IntSupplier width) {
        this(out, color, width, true);
    }

    private Console(PrintStream out, boolean color, java.util.function.IntSupplier width, boolean window) {
        this.out = out;
        this.color = color;
        this.width = () -> Math.max(40, width.getAsInt());
        this.window = window;
    }

    public PrintStream stream() {
        return out;
    }

    public int width() {
        return width.getAsInt();
    }

    public synchronized void title(String text) {
        if (muted) {
            return;
        }
        if (markdown) {
            out.println("# " + text);
            out.println();
            return;
        }
        // A narrow window: the title breaks between words, not where the terminal would cut it.
        String wrapped = text.length() <= width() ? text : Wrap.wrap(text, width(), "");
        int longest = wrapped.lines().mapToInt(String::length).max().orElse(0);
        out.println(style(wrapped, a -> a.bold().fgBrightBlue()));
        out.println(style("═".repeat(Math.min(width(), longest)), a -> a.fgBlue()));
    }

    public synchronized void heading(String text) {
        if (muted) {
            return;
        }
        if (markdown) {
            closeCodeBlock();
            out.println();
            out.println("## " + text);
            out.println();
            return;
        }
        String line = "── " + text + " ";
        out.println();
        if (line.length() + 3 > width()) {
            String wrapped = Wrap.wrap(text, width() - 3, "   ").replaceFirst("^   ", "── ");
            out.println(style(wrapped, a -> a.bold().fgCyan()));
            return;
        }
        int rest = Math.max(3, Math.min(width(), 72) - line.length());
        out.println(style(line + "─".repeat(rest), a -> a.bold().fgCyan()));
    }

    public synchronized void paragraph(String text) {
        if (muted) {
            return;
        }
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
        Console copy = new Console(new TappedPrintStream(out, tap), color, width, window);
        copy.typingCharsPerSecond = typingCharsPerSecond;
        copy.markdown = markdown;
        return copy;
    }

    /**
     * The same console, with everything it prints also handed to {@code tap} with where it came from: to check
     * the layout of dockerles's own lines apart from the daemon's output.
     */
    public Console traced(java.util.function.BiConsumer<Origin, String> tap) {
        Console[] self = new Console[1];
        Console copy = new Console(new TappedPrintStream(out, text -> tap.accept(self[0].origin, text)), color, width,
                window);
        self[0] = copy;
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

    public void command(String text) {
        String command = text;
        synchronized (this) {
            if (muted) {
                return;
            }
            if (markdown) {
                out.println();
                out.println("```console");
                out.println("$ " + command);
                inCodeBlock = true;
                return;
            }
            out.println();
            out.print(style("$ ", a -> a.fgBrightBlack()));
            if (window && command.length() + 2 > width()) {
                // A narrow window: broken where a shell allows it, not where the terminal would cut it.
                command = Wrap.command(command, width() - 2, width(), "    ");
            }
            if (typingCharsPerSecond <= 0) {
                out.print(style(command, a -> a.bold().fgBrightYellow()));
                out.println();
                return;
            }
        }
        typeOut(command);
        synchronized (this) {
            if (!muted) {
                out.println();
            }
        }
    }

    /** Letter by letter; the lock is let go between letters, so that a stop silences the rest at once. */
    private void typeOut(String command) {
        long pause = 1000L / typingCharsPerSecond;
        for (int i = 0; i < command.length(); i++) {
            synchronized (this) {
                if (muted) {
                    return;
                }
                out.print(style(String.valueOf(command.charAt(i)), a -> a.bold().fgBrightYellow()));
                out.flush();
            }
            try {
                Thread.sleep(pause); // pacing for the audience, not waiting for state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Bytes of a container's terminal, as they came (the prompt stays on its line, like on a screen). */
    public synchronized void raw(byte[] bytes) {
        if (muted) {
            return;
        }
        origin = Origin.DAEMON;
        try {
            out.write(bytes, 0, bytes.length);
            out.flush();
        } finally {
            origin = Origin.OWN;
        }
    }

    /** Text of a container's terminal or stream, as it came. */
    public synchronized void raw(String text) {
        if (muted) {
            return;
        }
        origin = Origin.DAEMON;
        try {
            out.print(text);
            out.flush();
        } finally {
            origin = Origin.OWN;
        }
    }

    /**
     * The run stops: from now on nothing is printed, whatever thread still winds down; the colours are reset.
     * Only {@link #afterStop} prints.
     */
    public synchronized void mute() {
        if (!muted) {
            out.print(color ? "\u001B[0m\n" : "\n"); // what follows starts on a line of its own
        }
        muted = true;
        out.flush();
    }

    public boolean muted() {
        return muted;
    }

    /** The last word after a stop, on a line of its own. */
    public synchronized void afterStop(String text) {
        out.println(style(Wrap.wrap(text, width(), ""), a -> a.fgBrightBlack()));
        out.flush();
    }

    /** The real output of the daemon, untouched but for colour. */
    public synchronized void output(String text) {
        if (muted) {
            return;
        }
        origin = Origin.DAEMON;
        try {
            lines(text);
        } finally {
            origin = Origin.OWN;
        }
    }

    /**
     * dockerles's own lines, laid out by the caller for {@link #width()} (a table, a file it wrote): printed as
     * they are, like {@link #output}, but they are dockerles's and must fit the window.
     */
    public synchronized void table(String text) {
        if (muted) {
            return;
        }
        lines(text);
    }

    private void lines(String text) {
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /** What the presenter's keyboard did, in the transcript (Ctrl-D, Ctrl-P Ctrl-Q). */
    public synchronized void keys(String text) {
        if (muted) {
            return;
        }
        out.println(style(text, a -> a.fgBrightBlack()));
    }

    public synchronized void note(String text) {
        if (muted) {
            return;
        }
        if (markdown) {
            closeCodeBlock();
            out.println();
            out.println("> " + text.strip().replace("\n", "\n> "));
            return;
        }
        out.println();
        out.println(style(Wrap.wrap(text, width() - 2, "  ").replaceFirst("^  ", "→ "), a -> a.fgGreen()));
    }

    public synchronized void info(String text) {
        if (muted) {
            return;
        }
        if (markdown && !inCodeBlock) {
            out.println("_" + text.strip() + "_");
            out.println();
            return;
        }
        out.println(style(Wrap.wrap(text, width(), ""), a -> a.fgBrightBlack()));
    }

    public synchronized void warn(String text) {
        if (muted) {
            return;
        }
        out.println(style(Wrap.wrap(text, width(), ""), a -> a.fgYellow()));
    }

    private void closeCodeBlock() {
        if (inCodeBlock) {
            out.println("```");
            inCodeBlock = false;
        }
    }

    public synchronized void prompt(String text) {
        if (muted) {
            return;
        }
        out.print(style(text, a -> a.bold().fgBrightMagenta()));
        out.flush();
    }

    /**
     * Wipes the prompt once a key was pressed or the window was resized (only on a terminal: colour means terminal
     * here). It was drawn on one row, {@code drawnColumns} wide. Where it still fits in {@code columns}, that row
     * is all there is to clear. A window narrower than the prompt: a terminal that rewraps (tmux, most emulators)
     * now shows it over several rows with the cursor on the last, so those rows go.
     */
    public synchronized void clearPrompt(String prompt, int drawnColumns, int columns) {
        if (color) {
            int length = prompt.codePointCount(0, prompt.length());
            int then = rows(length, drawnColumns);
            int now = rows(length, columns);
            int up = Math.max(then, now) - 1;
            out.print("\r" + (up > 0 ? "\u001B[" + up + "A" : "") + "\u001B[J");
        } else {
            out.println();
        }
        out.flush();
    }

    /** Rows that {@code length} characters fill in a window of {@code columns}; the cursor after them counts. */
    static int rows(int length, int columns) {
        return Math.max(1, (length + Math.max(1, columns) - 1) / Math.max(1, columns));
    }

    /** Wipes the current line (only on a terminal: colour means terminal here). */
    public synchronized void clearLine() {
        if (color) {
            out.print("\r\u001B[K");
        } else {
            out.println();
        }
        out.flush();
    }

    /** True when {@link #status} redraws one line (a terminal: colour means terminal here). */
    public boolean redraws() {
        return color && !markdown;
    }

    /**
     * A line that changes while a step waits (a countdown): on a terminal redrawn in place, else a plain line.
     * End it with {@link #endStatus()} before printing anything else. A redrawn line is for this screen only:
     * the live page and the recordings (the tap) do not get it.
     */
    public synchronized void status(String text) {
        if (muted) {
            return;
        }
        if (redraws()) {
            // Wrapped like any line of dockerles (a narrow window): the rows it drew last time go first.
            String wrapped = Wrap.wrap(text, width() - 1, "");
            PrintStream screen = screenOnly();
            screen.print(clearStatus() + style(wrapped, a -> a.fgBrightBlack()));
            statusRows = (int) wrapped.lines().count();
            screen.flush();
        } else {
            info(text);
        }
    }

    /** Wipes the line of {@link #status} on a terminal; plain lines stay. */
    public synchronized void endStatus() {
        if (muted || !redraws()) {
            return;
        }
        PrintStream screen = screenOnly();
        screen.print(clearStatus());
        statusRows = 0;
        screen.flush();
    }

    /** Back to the first row of the status line on screen, and everything from there wiped. */
    private String clearStatus() {
        return statusRows > 1 ? "\r\u001B[" + (statusRows - 1) + "A\u001B[J" : "\r\u001B[K";
    }

    private PrintStream screenOnly() {
        return out instanceof TappedPrintStream tapped ? tapped.target() : out;
    }

    /** Ends an open code block: call when the narration is done. */
    public synchronized void finish() {
        if (muted) {
            return;
        }
        closeCodeBlock();
        out.flush();
    }

    public synchronized void blank() {
        if (muted) {
            return;
        }
        out.println();
    }

    private String style(String text, UnaryOperator<Ansi> how) {
        return color ? how.apply(Ansi.ansi()).a(text).reset().toString() : text;
    }
}
