package nl.dockerles.ui;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * A line that changes while a step waits (a countdown), redrawn in place on a terminal. It is for this screen
 * only: the live page and the recordings (a tapped stream) do not get it.
 */
final class StatusLine {
    private final PrintStream screen;
    private final Colours colours;
    private final IntSupplier width;
    /** The rows of the line on screen now (a narrow window wraps it). */
    private int rows;

    StatusLine(PrintStream out, Colours colours, IntSupplier width) {
        this.screen = out instanceof TappedPrintStream tapped ? tapped.target() : out;
        this.colours = colours;
        this.width = width;
    }

    /** Wrapped like any line of dockerles (a narrow window): the rows it drew last time go first. */
    void show(String text) {
        String wrapped = Wrap.wrap(text, width.getAsInt() - 1, "");
        screen.print(clear() + colours.paint(wrapped, a -> a.fgBrightBlack()));
        rows = (int) wrapped.lines().count();
        screen.flush();
    }

    void end() {
        screen.print(clear());
        rows = 0;
        screen.flush();
    }

    /** Back to the first row of the line on screen, and everything from there wiped. */
    private String clear() {
        return rows > 1 ? "\r\u001B[" + (rows - 1) + "A\u001B[J" : "\r\u001B[K";
    }
}
