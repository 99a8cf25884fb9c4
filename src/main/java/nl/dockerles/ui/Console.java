package nl.dockerles.ui;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * What the audience reads: headings, explanations, the command, its real output and the note. This class says
 * whether and whose a line is (nothing after a stop; dockerles's own or the daemon's); the layout is in
 * {@link WindowNarration} or, for handouts, {@link MarkdownNarration}; the prompt in {@link PromptLine}, a
 * countdown in {@link StatusLine}. Every method holds this console's lock.
 */
public final class Console {
    private final PrintStream out;
    private final Colours colours;
    private final IntSupplier width;
    private final boolean window;
    private final WindowNarration narration;
    private final PromptLine prompt;
    private final StatusLine status;
    /** Set for handouts: the narration as Markdown. */
    private MarkdownNarration markdown;
    private int typingCharsPerSecond;
    /** Set once the run stops: a step still winding down prints nothing after the clean-up. */
    private volatile boolean muted;
    /** Who wrote what is printed now: dockerles, or the daemon and a container ({@link #output}, {@link #raw}). */
    private Origin origin = Origin.OWN;

    /**
     * Where printed text comes from. dockerles's own words and tables are laid out for the window; the daemon's
     * and a container's output is printed as the docker CLI prints it, as wide as it comes.
     */
    public enum Origin {
        OWN,
        DAEMON
    }

    /** Piped output (a file, a log, a test): each command stays on one line, to copy or search as it is. */
    public Console(PrintStream out, boolean color, int width) {
        this(out, color, () -> width, false);
    }

    /**
     * A window: long commands break where a shell allows it. The width is asked anew for every paragraph: the
     * presenter may resize the window mid-demo.
     */
    public Console(PrintStream out, boolean color, IntSupplier width) {
        this(out, color, width, true);
    }

    private Console(PrintStream out, boolean color, IntSupplier width, boolean window) {
        this.out = out;
        this.colours = new Colours(color);
        this.width = () -> Math.max(40, width.getAsInt());
        this.window = window;
        this.narration = new WindowNarration(out, colours, this.width, window);
        this.prompt = new PromptLine(out, colours);
        this.status = new StatusLine(out, colours, this.width);
    }

    /** For handouts: the same narration as Markdown, the real output in code blocks. */
    public static Console markdown(PrintStream out) {
        Console console = new Console(out, false, 100);
        console.markdown = new MarkdownNarration(out);
        return console;
    }

    /** A silent console for steps that only set up (--vanaf): same work, nothing on screen. */
    public static Console silent() {
        return new Console(new PrintStream(OutputStream.nullOutputStream()), false, 80);
    }

    /**
     * The same console, with everything it prints also handed to {@code tap} as text (the live page of
     * --meekijken, the recordings of handout).
     */
    public Console tapped(Consumer<String> tap) {
        return copyOnto(new TappedPrintStream(out, tap));
    }

    /**
     * The same console, with everything it prints also handed to {@code tap} with where it came from: to check
     * the layout of dockerles's own lines apart from the daemon's output.
     */
    public Console traced(BiConsumer<Origin, String> tap) {
        Console[] self = new Console[1];
        self[0] = copyOnto(new TappedPrintStream(out, text -> tap.accept(self[0].origin, text)));
        return self[0];
    }

    private Console copyOnto(PrintStream stream) {
        Console copy = new Console(stream, colours.on(), width, window);
        copy.typingCharsPerSecond = typingCharsPerSecond;
        copy.markdown = markdown == null ? null : new MarkdownNarration(stream);
        return copy;
    }

    /** --typen: commands appear letter by letter, as if typed live. */
    public Console typing(int charsPerSecond) {
        this.typingCharsPerSecond = charsPerSecond;
        return this;
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
        if (markdown != null) {
            markdown.title(text);
        } else {
            narration.title(text);
        }
    }

    public synchronized void heading(String text) {
        if (muted) {
            return;
        }
        if (markdown != null) {
            markdown.heading(text);
        } else {
            narration.heading(text);
        }
    }

    public synchronized void paragraph(String text) {
        if (muted) {
            return;
        }
        closeCodeBlock();
        narration.paragraph(text);
    }

    public void command(String text) {
        String command;
        synchronized (this) {
            if (muted) {
                return;
            }
            if (markdown != null) {
                markdown.command(text);
                return;
            }
            command = narration.commandStart(text);
            if (typingCharsPerSecond <= 0) {
                narration.commandText(command);
                out.println();
                return;
            }
        }
        Typing.type(command, typingCharsPerSecond, this, () -> muted, letter -> {
            narration.commandText(letter);
            out.flush();
        });
        synchronized (this) {
            if (!muted) {
                out.println();
            }
        }
    }

    /** Bytes of a container's terminal, as they came (the prompt stays on its line, like on a screen). */
    public synchronized void raw(byte[] bytes) {
        if (!muted) {
            fromDaemon(() -> out.write(bytes, 0, bytes.length));
        }
    }

    /** Text of a container's terminal or stream, as it came. */
    public synchronized void raw(String text) {
        if (!muted) {
            fromDaemon(() -> out.print(text));
        }
    }

    /** The real output of the daemon, untouched but for colour. */
    public synchronized void output(String text) {
        if (!muted) {
            fromDaemon(() -> lines(text));
        }
    }

    private void fromDaemon(Runnable print) {
        origin = Origin.DAEMON;
        try {
            print.run();
            out.flush();
        } finally {
            origin = Origin.OWN;
        }
    }

    /**
     * dockerles's own lines, laid out by the caller for {@link #width()} (a table, a file it wrote): printed as
     * they are, like {@link #output}, but they are dockerles's and must fit the window.
     */
    public synchronized void table(String text) {
        if (!muted) {
            lines(text);
            out.flush();
        }
    }

    private void lines(String text) {
        out.print(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
    }

    /** What the presenter's keyboard did, in the transcript (Ctrl-D, Ctrl-P Ctrl-Q). */
    public synchronized void keys(String text) {
        if (!muted) {
            narration.keys(text);
        }
    }

    public synchronized void note(String text) {
        if (muted) {
            return;
        }
        if (markdown != null) {
            markdown.note(text);
        } else {
            narration.note(text);
        }
    }

    public synchronized void info(String text) {
        if (muted || markdown != null && markdown.info(text)) {
            return;
        }
        narration.aside(text);
    }

    public synchronized void warn(String text) {
        if (!muted) {
            narration.warn(text);
        }
    }

    public synchronized void blank() {
        if (!muted) {
            out.println();
        }
    }

    /** Ends an open code block: call when the narration is done. */
    public synchronized void finish() {
        if (muted) {
            return;
        }
        closeCodeBlock();
        out.flush();
    }

    private void closeCodeBlock() {
        if (markdown != null) {
            markdown.closeCodeBlock();
        }
    }

    /**
     * The run stops: from now on nothing is printed, whatever thread still winds down; the colours are reset.
     * Only {@link #afterStop} prints.
     */
    public synchronized void mute() {
        if (!muted) {
            out.print(colours.on() ? "\u001B[0m\n" : "\n"); // what follows starts on a line of its own
        }
        muted = true;
        out.flush();
    }

    public boolean muted() {
        return muted;
    }

    /** The last word after a stop, on a line of its own. */
    public synchronized void afterStop(String text) {
        narration.aside(text);
        out.flush();
    }

    /** The presenter's prompt, on the last row; see {@link PromptLine}. */
    public synchronized void prompt(String text) {
        if (!muted) {
            prompt.show(text);
        }
    }

    /** A prompt answered by one key, the cursor held at its start; see {@link PromptLine#showHeld}. */
    public synchronized void keyPrompt(String text) {
        if (!muted) {
            prompt.showHeld(text);
        }
    }

    /** Wipes the prompt of {@link #keyPrompt} after a key or a resize; see {@link PromptLine#clear}. */
    public synchronized void clearPrompt() {
        prompt.clear();
    }

    /** Wipes the current line (only on a terminal). */
    public synchronized void clearLine() {
        prompt.clearLine();
    }

    /** True when {@link #status} redraws one line (a terminal: colour means terminal here). */
    public boolean redraws() {
        return colours.on() && markdown == null;
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
            status.show(text);
        } else {
            info(text);
        }
    }

    /** Wipes the line of {@link #status} on a terminal; plain lines stay. */
    public synchronized void endStatus() {
        if (!muted && redraws()) {
            status.end();
        }
    }
}
