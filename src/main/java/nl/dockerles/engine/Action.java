package nl.dockerles.engine;

import java.util.Map;

/**
 * A step that is not a docker command: an HTTP probe of a published port, the restart timetable, a look at
 * the host's process list. Named in the content ({@code action: http-get}) with its settings ({@code with:}).
 */
public interface Action {

    /** The name the content uses. */
    String name();

    /**
     * What the audience sees as the step's command, and what demos/&lt;id&gt;.sh runs instead: the nearest
     * shell equivalent, e.g. {@code curl -si http://127.0.0.1:8080/}.
     */
    String shell(Map<String, String> with);

    /**
     * Facts this action records that later steps' commands use, as demos/&lt;id&gt;.sh writes them: tcp-open
     * gives {@code tcp.port → 2375}, so {@code docker -H tcp://127.0.0.1:{tcp.port} ps} runs in the script too.
     */
    default Map<String, String> shellFacts(Map<String, String> with) {
        return Map.of();
    }

    /**
     * A line demos/&lt;id&gt;.sh runs right after {@link #shell}, never shown in the demo: waits until what the
     * action started in the background answers (dockerles itself only goes on once it does). Null: nothing.
     */
    default String shellReady(Map<String, String> with) {
        return null;
    }

    /**
     * The settings as this run uses them: the content's, or what the presenter's options make of them, so that
     * the shell line on screen matches what the step does in this run (demos/&lt;id&gt;.sh keeps the content's).
     */
    default Map<String, String> asRun(ActionContext context, Map<String, String> with) {
        return with;
    }

    /**
     * True when dockerles does the work its own way and prints something the shell line would not (its own
     * table, the HTTP calls it made): then the screen says so in words, with the shell line as the way to do
     * it by hand, instead of showing it as the command that ran.
     */
    default boolean ownWay() {
        return false;
    }

    /**
     * Called on a background thread while the first screen is on, when the section uses this action: do once what
     * the first run would otherwise do while the audience waits (no output, no daemon, nothing left behind).
     */
    default void warmUp() {
    }

    /** Does the work, prints its output through {@code context.console()}, records facts; returns the output. */
    String run(ActionContext context, Map<String, String> with);
}
