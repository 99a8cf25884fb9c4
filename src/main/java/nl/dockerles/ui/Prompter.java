package nl.dockerles.ui;

/** Waits for the presenter before a step. */
public interface Prompter {

    enum Key { NEXT, REPEAT, SKIP, QUIT }

    Key await(String label);

    /**
     * Waits with the wide label where it fits in {@code width} columns, else the narrow one. A terminal picks
     * again when its window is resized; other prompters take the one that fits now.
     */
    default Key await(String wide, String narrow, int width) {
        return await(wide.codePointCount(0, wide.length()) < width ? wide : narrow);
    }

    /** --auto, or no terminal: never waits. */
    Prompter AUTO = label -> Key.NEXT;
}
