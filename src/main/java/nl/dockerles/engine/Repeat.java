package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.Messages;
import nl.dockerles.content.Step;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;

import java.util.ArrayList;
import java.util.List;
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
    private final StepExecutor executor;
    private final Facts facts;
    /** The step shown last (0: none yet); the one r repeats. */
    private int shown;
    /** The step the prompt that waits now comes before. */
    private int prompting;
    /** The state before the step shown last (null: before the first step, or not looked at in time). */
    private BeforeStep before;
    private CompletableFuture<BeforeStep> lookedAt = CompletableFuture.completedFuture(null);

    Repeat(StepExecutor executor, Facts facts, RunIdentity run, Workspace workspace, Console console,
           Messages messages, boolean on) {
        this.executor = executor;
        this.facts = facts;
        this.docker = executor.docker();
        this.run = run;
        this.workspace = workspace;
        this.console = console;
        this.messages = messages;
        this.on = on;
    }

    /** The prompt before step {@code number} shows: the state r would put back is looked at meanwhile. */
    void lookWhilePrompting(int number) {
        prompting = number;
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
            shown = prompting;
            before = next;
            if (next != null) {
                workspace.adopt();
            }
        }
    }

    /**
     * r: what step {@code number} changed goes back to how it was before it (with the step's own {@code undo:} for
     * data inside a container), and one line says what was put back. False when the step removed something that
     * cannot come back: then it does not run again, and the screen says why.
     */
    boolean putBack(Step step, int number, int total) {
        if (shown != number) {
            return true; // a step that did not run (skipped): it runs now for the first time
        }
        BeforeStep.Plan plan = before == null || before.step() != number ? null : before.plan(docker, run);
        if (plan != null && !plan.removed().isEmpty()) {
            console.info(messages.get("repeat.cannot", number, total, String.join(", ", plan.removed())));
            docker.takeApiCalls();
            return false;
        }
        List<String> done = new ArrayList<>();
        String failed = null;
        if (step.undo() != null) {
            try {
                executor.undo(step);
                String said = step.undo().said().in(messages.locale().getLanguage());
                done.add(SectionPresenter.prose(facts, facts.fill(said)));
            } catch (DockerlesException e) {
                if (e.exitCode() == nl.dockerles.ExitCode.INTERRUPTED) {
                    throw e;
                }
                failed = messages.get("repeat.undo.anyway", messages.of(e));
            }
        }
        if (plan != null) {
            done.addAll(plan.putBack(docker, workspace, messages));
        }
        docker.takeApiCalls(); // not the step's calls
        if (!done.isEmpty()) {
            console.info(messages.get("repeat.undone", String.join(", ", done)));
        }
        if (failed != null) {
            console.warn(failed);
        }
        return true;
    }
}
