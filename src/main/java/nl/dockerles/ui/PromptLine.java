package nl.dockerles.ui;

import java.io.PrintStream;

/** The presenter's prompt on the last row, and how it goes again: after a key, or redrawn after a resize. */
final class PromptLine {
    private final PrintStream out;
    private final Colours colours;

    PromptLine(PrintStream out, Colours colours) {
        this.out = out;
        this.colours = colours;
    }

    void show(String text) {
        out.print(colours.paint(text, a -> a.bold().fgBrightMagenta()));
        out.flush();
    }

    /**
     * Wipes the prompt once a key was pressed or the window was resized (only on a terminal). It was drawn on one
     * row, {@code drawnColumns} wide. Where it still fits in {@code columns}, that row is all there is to clear. A
     * window narrower than the prompt: a terminal that rewraps (tmux, most emulators) now shows it over several
     * rows with the cursor on the last, so those rows go.
     */
    void clear(String prompt, int drawnColumns, int columns) {
        if (colours.on()) {
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

    /** Wipes the current line (only on a terminal). */
    void clearLine() {
        if (colours.on()) {
            out.print("\r\u001B[K");
        } else {
            out.println();
        }
        out.flush();
    }
}
