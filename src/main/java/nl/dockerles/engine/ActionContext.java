package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.ui.Console;

/**
 * What an action may use: the daemon, the screen, the facts for the notes, who this run is, the clock,
 * and whether the presenter is waiting (false with --auto).
 */
public record ActionContext(Docker docker, Console console, Facts facts, RunIdentity run, TimeSource time,
                            Messages messages, boolean auto, Workspace workspace) {

    public ActionContext withConsole(Console other) {
        return new ActionContext(docker, other, facts, run, time, messages, auto, workspace);
    }
}
