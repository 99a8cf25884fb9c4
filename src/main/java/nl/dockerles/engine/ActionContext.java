package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.ui.Console;

import java.util.Map;

/**
 * What an action may use: the daemon, the screen, the facts for the notes, who this run is, the clock,
 * whether the presenter is waiting (false with --auto), {@code longWaits}: with --lange-wachttijden the
 * RestartCount up to which the restart watch waits out Docker's long waits (0: it does not), and {@code env}:
 * dockerles's own environment, for the programs a step starts on this machine (empty: the JVM's, unchanged).
 */
public record ActionContext(Docker docker, Console console, Facts facts, RunIdentity run, TimeSource time,
                            Messages messages, boolean auto, Workspace workspace, int longWaits,
                            Map<String, String> env) {

    public ActionContext {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public ActionContext(Docker docker, Console console, Facts facts, RunIdentity run, TimeSource time,
                         Messages messages, boolean auto, Workspace workspace, int longWaits) {
        this(docker, console, facts, run, time, messages, auto, workspace, longWaits, Map.of());
    }

    public ActionContext(Docker docker, Console console, Facts facts, RunIdentity run, TimeSource time,
                         Messages messages, boolean auto, Workspace workspace) {
        this(docker, console, facts, run, time, messages, auto, workspace, 0);
    }

    public ActionContext withConsole(Console other) {
        return new ActionContext(docker, other, facts, run, time, messages, auto, workspace, longWaits, env);
    }

    public ActionContext withLongWaits(int restartCount) {
        return new ActionContext(docker, console, facts, run, time, messages, auto, workspace, restartCount, env);
    }
}
