package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What r needs during a presentation: the state before the step shown last ({@link BeforeStep}), looked at on
 * another thread while the prompt waits (so a step starts as soon as its key comes), and putting it back. Off with
 * --auto, where there is no r. The calls it makes are not a step's: they are dropped from the --api list.
 */
final class Repeat {
    private final Docker docker;
    private final RunIdentity run;
    private final Workspace workspace;
    private final Console console;
    private final Messages messages;
    private final boolean on;
    /** The state before the step shown last (null: before the first step, or not looked at in time). */
    private BeforeStep before;
    private CompletableFuture<BeforeStep> lookedAt = CompletableFuture.completedFuture(null);

    Repeat(Docker docker, RunIdentity run, Workspace workspace, Console console, Messages messages, boolean on) {
        this.docker = docker;
        this.run = run;
        this.workspace = workspace;
        this.console = console;
        this.messages = messages;
        this.on = on;
    }

    /** The prompt before step {@code number} shows: the state r would put back is looked at meanwhile. */
    void lookWhilePrompting(int number) {
        lookedAt = !on ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> {
            try {
                return BeforeStep.take(number, docker, run, workspace);
            } catch (RuntimeException e) {
                return null; // the folder could not be copied: r then runs the step on what is there
            }
        });
    }

    /** The key came. On Enter the state looked at becomes r's; a daemon that does not answer holds it up 1 s at most. */
    void keyPressed(Prompter.Key key) {
        BeforeStep next = lookedAt.completeOnTimeout(null, 1, TimeUnit.SECONDS).join();
        docker.takeApiCalls();
        if (key == Prompter.Key.NEXT) {
            before = next;
            if (next != null) {
                workspace.adopt();
            }
        }
    }

    /**
     * r: what step {@code number} changed goes back to how it was before it, and one line says what was put back.
     * False when the step removed something that cannot come back: then it does not run again, and the screen
     * says why.
     */
    boolean putBack(int number, int total) {
        if (before == null || before.step() != number) {
            return true; // a step that did not run (skipped): it runs now for the first time
        }
        BeforeStep.Plan plan = before.plan(docker, run);
        if (!plan.removed().isEmpty()) {
            console.info(messages.get("repeat.cannot", number, total, String.join(", ", plan.removed())));
            docker.takeApiCalls();
            return false;
        }
        String line = plan.putBack(docker, workspace, messages);
        docker.takeApiCalls(); // not the step's calls
        if (line != null) {
            console.info(line);
        }
        return true;
    }
}
