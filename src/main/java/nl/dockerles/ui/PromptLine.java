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
     * A prompt answered by one key: the cursor goes back to its start. A window made narrower than the prompt
     * then needs nothing above the prompt's start wiped, however the terminal handled it: one that rewraps (tmux,
     * most emulators) moves the cursor with the prompt's start to the first of its rows, one that cuts rows off
     * (xterm) leaves the prompt on its row. From the end of the prompt the two differ, and a clear that assumed
     * rewrapping wiped the line above the prompt in xterm.
     */
    void showHeld(String text) {
        out.print(colours.paint(text, a -> a.bold().fgBrightMagenta()) + (colours.on() ? "\r" : ""));
        out.flush();
    }

    /** Wipes a prompt from {@link #showHeld} once a key was pressed or the window was resized (only on a terminal). */
    void clear() {
        if (colours.on()) {
            out.print("\r\u001B[J");
        } else {
            out.println();
        }
        out.flush();
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
