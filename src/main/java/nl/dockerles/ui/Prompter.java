package nl.dockerles.ui;

/** Waits for the presenter before a step. */
public interface Prompter {

    enum Key { NEXT, REPEAT, SKIP, QUIT }

    Key await(String label);

    /** --auto, or no terminal: never waits. */
    Prompter AUTO = label -> Key.NEXT;
}
