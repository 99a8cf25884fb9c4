package nl.dockerles.engine;

/**
 * Follows a section as the presenter shows it, for the live page ({@code --meekijken}) and the recordings of
 * {@code handout --format cast|html}. Called on the presenter's thread: an implementation returns at once and
 * never throws.
 */
public interface PresenterListener {
    /** The section's title and introduction, before the first step. */
    default void sectionStarted(String title, String intro, int steps) {
    }

    /** A step is shown: its heading, explanation and the docker command exactly as on screen. */
    default void stepStarted(int number, int total, String title, String explain, String command) {
    }

    /** Output of the running step as it arrives (as printed: it may hold terminal escapes). */
    default void output(String chunk) {
    }

    /** The note under the step, with its real values. */
    default void note(String text) {
    }

    /** The section is over: {@code outro} is its closing text, or null when the presenter stopped early. */
    default void sectionEnded(String outro) {
    }

    PresenterListener NONE = new PresenterListener() {
    };
}
