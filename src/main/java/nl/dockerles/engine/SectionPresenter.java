package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.content.Step;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.PresenterTerminal;
import nl.dockerles.ui.Prompter;

import java.util.List;
import java.util.function.Function;

/**
 * Presents a section: for each step the heading, the explanation, {@code $ docker …}, the real output and
 * the note with real values; waits for the presenter in between; cleans up what the run made.
 */
public final class SectionPresenter {
    /** Ctrl-C came: no further step starts (the clean-up runs on the JVM's shutdown hook). */
    private volatile boolean aborted;
    private final Docker docker;
    private Console console;
    private final Prompter prompter;
    private final TimeSource time;
    private final Messages messages;
    private final String language;
    private final Function<String, Docker> otherDaemon;
    private boolean showApiCalls;
    private int startAt = 1;
    private volatile Workspace current;
    private PresenterTerminal terminal;
    private PresenterListener listener = PresenterListener.NONE;
    private volatile boolean inStep;

    public SectionPresenter(Docker docker, Console console, Prompter prompter, TimeSource time, Messages messages,
                            Function<String, Docker> otherDaemon) {
        this.docker = docker;
        this.console = console;
        this.prompter = prompter;
        this.time = time;
        this.messages = messages;
        this.language = messages.locale().getLanguage();
        this.otherDaemon = otherDaemon;
    }

    /** --api: the Docker API calls of each step under its output. */
    public SectionPresenter showApiCalls(boolean show) {
        this.showApiCalls = show;
        return this;
    }

    /** --interactief: the presenter types into the {@code -it} shells themselves. */
    public SectionPresenter handOverShells(PresenterTerminal terminal) {
        this.terminal = terminal;
        return this;
    }

    /** --meekijken, handout --format cast|html: follows every step, its output as it arrives. */
    public SectionPresenter listenedBy(PresenterListener listener) {
        this.listener = listener;
        this.console = console.tapped(chunk -> {
            if (inStep) {
                listener.output(chunk);
            }
        });
        return this;
    }

    /** --vanaf N: steps before N run silently, so that step N finds what they set up. */
    public SectionPresenter startAt(int step) {
        this.startAt = Math.max(1, step);
        return this;
    }

    /** Runs the section; returns normally when it ended or the presenter quit, after cleaning up. */
    public void present(SectionEntry entry, Section section, RunIdentity run) {
        console.title(entry.title().in(language) + "  (" + entry.part(language) + ")");
        console.paragraph(section.intro().in(language));
        listener.sectionStarted(entry.title().in(language), section.intro().in(language), section.steps().size());
        try (Workspace workspace = new Workspace()) {
            current = workspace;
            Facts facts = new Facts();
            HostFacts.add(facts, workspace, section);
            facts.putLazily("daemon.", () -> DaemonFacts.of(docker.daemon(), messages));
            DaemonSentences.add(facts, docker, section, messages);
            ActionContext context = new ActionContext(docker, console, facts, run, time, messages,
                    prompter == Prompter.AUTO, workspace);
            new Preflight(docker, console, messages).prepare(section, run, facts);
            RuntimeException failure = null;
            try (StepExecutor executor = new StepExecutor(context, otherDaemon, terminal);
                 StepExecutor quiet = new StepExecutor(context.withConsole(Console.silent()), otherDaemon)) {
                int first = Math.min(startAt, section.steps().size()) - 1;
                if (first > 0) {
                    console.info(messages.get("presenter.from", first + 1));
                    section.steps().subList(0, first).forEach(quiet::execute);
                }
                presentSteps(section, executor, facts, first);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                cleanUp(run, workspace, failure);
            }
        }
    }

    /** Removes what the run made; a failure of its own never hides the failure that ended the run. */
    private void cleanUp(RunIdentity run, Workspace workspace, RuntimeException failure) {
        try {
            List<String> removed = new Cleanup(docker).removeAll(run.runFilter());
            if (!removed.isEmpty()) {
                console.info(messages.get("presenter.cleaned", String.join(", ", removed)));
            }
            workspace.close(docker, run);
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /**
     * Ctrl-C (from the JVM's shutdown hook, while a step may still run): removes what the run made, undoes what
     * its actions opened, and removes its temporary folder. Returns the names of what was removed.
     */
    public List<String> abort(RunIdentity run) {
        aborted = true;
        List<String> removed = new Cleanup(docker).removeAll(run.runFilter());
        Workspace workspace = current;
        if (workspace != null) {
            workspace.close(docker, run);
        }
        return removed;
    }

    private void presentSteps(Section section, StepExecutor executor, Facts facts, int first) {
        List<Step> steps = section.steps();
        docker.takeApiCalls();
        int i = first;
        while (i < steps.size() && !aborted) {
            String prompt = messages.get("prompt.next", i + 1, steps.size());
            if (prompt.length() >= console.width()) {
                prompt = messages.get("prompt.next.short", i + 1, steps.size());
            }
            Prompter.Key key = prompter.await(prompt);
            if (key == Prompter.Key.QUIT) {
                console.info(messages.get("presenter.quit"));
                listener.sectionEnded(null);
                return;
            } else if (key == Prompter.Key.SKIP) {
                i++;
                continue;
            } else if (key == Prompter.Key.REPEAT && i > 0) {
                i--;
            }
            show(executor, steps.get(i), i + 1, steps.size(), facts);
            i++;
        }
        if (aborted) {
            return;
        }
        console.heading(messages.get("presenter.end"));
        console.paragraph(facts.fill(section.outro().in(language)));
        listener.sectionEnded(facts.fill(section.outro().in(language)));
    }

    private void show(StepExecutor executor, Step step, int number, int total, Facts facts) {
        if (aborted) {
            return; // Ctrl-C: the step before ended because the clean-up removed its container; start no other
        }
        console.heading(messages.get("step.heading", number, total, step.title().in(language)));
        String explain = facts.fill(step.explain().in(language));
        console.paragraph(explain);
        String command = executor.commandLine(step);
        listener.stepStarted(number, total, step.title().in(language), explain, command);
        console.command(command);
        inStep = true;
        executor.execute(step);
        List<Docker.ApiCall> calls = docker.takeApiCalls();
        facts.put("api.count", calls.size());
        if (showApiCalls) {
            calls.forEach(call -> console.info(String.format("  %s %s → %d (%d ms)", call.method(), call.path(),
                    call.status(), call.took().toMillis())));
        }
        inStep = false;
        String note = step.note().in(language);
        String filled = terminal != null ? facts.fillKnownSentences(note) : facts.fill(note);
        console.note(filled);
        listener.note(filled);
    }
}
