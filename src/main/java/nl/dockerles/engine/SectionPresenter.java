package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.content.Step;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.PresenterTerminal;
import nl.dockerles.ui.Prompter;
import nl.dockerles.ui.StopRequest;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Presents a section: for each step the heading, the explanation, {@code $ docker …}, the real output and
 * the note with real values; waits for the presenter in between; cleans up what the run made.
 */
public final class SectionPresenter {
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
    private StopRequest stop = new StopRequest();
    private boolean skipped;
    private PresenterListener listener = PresenterListener.NONE;
    private volatile boolean inStep;
    private int longWaits;
    private boolean introShown;
    private java.util.Map<String, String> env = java.util.Map.of();
    private RunIdentity run;
    private Workspace workspace;

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

    /** --lange-wachttijden[=N]: the restart watch waits out Docker's long waits, up to RestartCount N. */
    public SectionPresenter longWaits(int restartCount) {
        this.longWaits = Math.max(0, restartCount);
        return this;
    }

    /** dockerles's environment (the AppContext's), for the programs a step starts on this machine (a git hook). */
    public SectionPresenter environment(java.util.Map<String, String> env) {
        this.env = env;
        return this;
    }

    /** --vanaf N: steps before N run silently, so that step N finds what they set up. */
    public SectionPresenter startAt(int step) {
        this.startAt = Math.max(1, step);
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

    /**
     * The title and the introduction, shown before the connection to the daemon is made: the presenter sees the
     * first screen while dockerles connects. Then tell the presenter with {@link #introShown()}.
     */
    public static void showIntro(Console console, Messages messages, SectionEntry entry, Section section) {
        String language = messages.locale().getLanguage();
        console.title(entry.title().in(language) + "  (" + entry.part(language) + ")");
        console.paragraph(section.intro().in(language));
    }

    /** The title and the introduction are on the screen already ({@link #showIntro}). */
    public SectionPresenter introShown() {
        this.introShown = true;
        return this;
    }

    /**
     * q, Ctrl-C and the signals end the run through {@code stop}: the step stops at once, nothing more is
     * printed, what the run made is removed.
     */
    public SectionPresenter stopOn(StopRequest stop) {
        this.stop = stop;
        return this;
    }

    /**
     * Runs the section; returns normally when it ended or the presenter quit, after cleaning up. The steps run
     * on a thread of their own, so that a stop is acted on at once, also while a step blocks (attach, stop, the
     * restart table): then this thread mutes the console, removes what the run made and throws
     * {@code ExitCode.INTERRUPTED} (or returns, for {@code q}).
     */
    public void present(SectionEntry entry, Section section, RunIdentity run) {
        stop.supervise();
        try {
            if (!introShown) {
                showIntro(console, messages, entry, section);
            }
            listener.sectionStarted(entry.title().in(language), section.intro().in(language),
                    section.steps().size());
            try (Workspace workspace = new Workspace()) {
                current = workspace;
                Docker steps = StoppableDocker.of(docker, stop::requested);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread worker = new Thread(() -> {
                    try {
                        presentAll(steps, section, run, workspace);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "dockerles-steps");
                worker.setDaemon(true);
                worker.start();
                awaitEndOrStop(worker);
                if (stop.requested()) {
                    stopNow(worker, run, workspace);
                    return;
                }
                Throwable failed = failure.get();
                cleanUp(run, workspace, failed instanceof RuntimeException e ? e : null);
                if (failed instanceof RuntimeException e) {
                    throw e;
                } else if (failed instanceof Error e) {
                    throw e;
                } else if (failed != null) {
                    throw new IllegalStateException(failed);
                }
            }
        } finally {
            stop.release();
        }
    }

    private void awaitEndOrStop(Thread worker) {
        try {
            while (worker.isAlive() && !stop.requested()) {
                worker.join(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request(StopRequest.Reason.INTERRUPT);
        }
    }

    private void presentAll(Docker steps, Section section, RunIdentity run, Workspace workspace) {
        Facts facts = new Facts();
        HostFacts.add(facts, workspace, section);
        // What the texts say about the daemon, asked at their first use. A section whose texts need /info (a slow
        // call) has it asked ahead: step 1 does not wait for it, and the step whose text needs it finds it there.
        boolean sentences = DaemonSentences.uses(section);
        if (sentences) {
            steps.askDaemonAhead();
        }
        facts.putLazily("daemon.", () -> {
            java.util.Map<String, Object> daemonFacts = new java.util.LinkedHashMap<>(DaemonFacts.of(steps.daemon(), messages));
            if (sentences) {
                daemonFacts.putAll(DaemonSentences.of(steps, messages));
            }
            return daemonFacts;
        });
        this.run = run;
        this.workspace = workspace;
        ActionContext context = new ActionContext(steps, console, facts, run, time, messages,
                prompter == Prompter.AUTO, workspace, longWaits, env);
        new Preflight(steps, console, messages).prepare(section, run, facts);
        try (StepExecutor executor = new StepExecutor(context, otherDaemon, terminal);
             StepExecutor quiet = new StepExecutor(context.withConsole(Console.silent()), otherDaemon)) {
            int first = Math.min(startAt, section.steps().size()) - 1;
            if (first > 0) {
                console.info(messages.get("presenter.from", first + 1));
                section.steps().subList(0, first).forEach(quiet::execute);
            }
            presentSteps(section, executor, facts, first);
        }
    }

    /**
     * The stop itself: the step may still run (blocked in the daemon); it prints nothing more and can start
     * nothing new. What the run made is removed twice: once now, which also ends a blocking call, and once the
     * step let go, for what was on its way when the stop came.
     */
    private void stopNow(Thread worker, RunIdentity run, Workspace workspace) {
        console.mute();
        listener.sectionEnded(null);
        worker.interrupt();
        java.util.Set<String> removed = new java.util.LinkedHashSet<>();
        RuntimeException failure = null;
        try {
            removed.addAll(new Cleanup(docker).removeAll(run.runFilter()));
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            worker.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            removed.addAll(new Cleanup(docker).removeAll(run.runFilter()));
            workspace.close(docker, run);
            failure = null;
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        String what = removed.isEmpty() ? messages.get("presenter.cleaned.nothing") : String.join(", ", removed);
        if (failure != null) {
            throw new DockerlesException(ExitCode.INTERRUPTED, failure, "interrupted.failed", run.runId());
        }
        if (stop.reason() == StopRequest.Reason.QUIT) {
            console.afterStop(messages.get("presenter.quit") + " " + messages.get("presenter.cleaned", what));
            return;
        }
        throw new DockerlesException(ExitCode.INTERRUPTED, "interrupted.cleaned", what);
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
        console.mute();
        List<String> removed = new Cleanup(docker).removeAll(run.runFilter());
        Workspace workspace = current;
        if (workspace != null) {
            workspace.close(docker, run);
        }
        return removed;
    }

    /**
     * The prompts and the steps. After the last step one more prompt waits (the end): Enter (or q) ends the section,
     * r repeats the last step there as after any other.
     */
    private void presentSteps(Section section, StepExecutor executor, Facts facts, int first) {
        List<Step> steps = section.steps();
        executor.takeApiCalls();
        Repeat repeat = new Repeat(executor, facts, run, workspace, console, messages, prompter != Prompter.AUTO);
        int i = first;
        while (true) {
            boolean end = i == steps.size();
            Prompter.Key key;
            if (end) {
                key = prompter.await(messages.get("prompt.end"), messages.get("prompt.end.short"), console.width());
            } else {
                repeat.lookWhilePrompting(i + 1);
                key = prompter.await(messages.get("prompt.next", i + 1, steps.size()),
                        messages.get("prompt.next.short", i + 1, steps.size()), console.width());
                repeat.keyPressed(key);
            }
            if (stop.requested()) {
                return;
            }
            if (key == Prompter.Key.QUIT) {
                // As q during a step: one line after the clean-up says both (stopNow), not one before it and one after.
                stop.request(StopRequest.Reason.QUIT);
                return;
            } else if (end && key == Prompter.Key.NEXT) {
                break;
            } else if (end && key == Prompter.Key.SKIP) {
                continue; // nothing left to skip: the end prompt waits on
            } else if (key == Prompter.Key.SKIP) {
                console.info(messages.get("presenter.skipped", i + 1, steps.size(),
                        steps.get(i).title().in(language)));
                skipped = true;
                i++;
                continue;
            } else if (key == Prompter.Key.REPEAT && i > 0) {
                i--;
                if (!repeat.putBack(steps.get(i), i + 1, steps.size())) {
                    i++;
                    continue;
                }
            }
            show(executor, steps.get(i), i + 1, steps.size(), facts);
            i++;
        }
        console.heading(messages.get("presenter.end"));
        String outro = prose(facts, facts.fill(section.outro().in(language)));
        console.paragraph(outro);
        listener.sectionEnded(outro);
    }

    /**
     * The narration says what ran: with --prefix the names are the prefixed ones ("jan-web"), and a host port
     * that was taken is the one really used (8082 where the content says 8080), as in the command.
     */
    static String prose(Facts facts, String text) {
        String out = text;
        for (var fact : facts.asMap().entrySet()) {
            if (fact.getKey().matches("port\\.\\d+")) {
                out = out.replaceAll("(?<!\\d)" + fact.getKey().substring(5) + "(?!\\d)",
                        java.util.regex.Matcher.quoteReplacement(fact.getValue()));
            }
        }
        return facts.names().apply(out);
    }

    private void show(StepExecutor executor, Step step, int number, int total, Facts facts) {
        facts.put(ContainerRunner.STEP_STARTED, time.now().toEpochMilli()); // right after the key
        console.heading(messages.get("step.heading", number, total, step.title().in(language)));
        String explain = prose(facts, facts.fill(step.explain().in(language)));
        console.paragraph(explain);
        String command = executor.commandLine(step);
        listener.stepStarted(number, total, step.title().in(language), explain, command);
        if (executor.ownWay(step)) {
            console.info(messages.get("action.ownway", command));
        } else {
            console.command(command);
        }
        String deviatedBefore = facts.get("handover.deviated");
        facts.remove(ContainerCommands.STOPPED_ALREADY); // said of this step only
        inStep = true;
        try {
            executor.execute(step);
        } catch (DockerlesException e) {
            if (prompter == Prompter.AUTO || stop.requested() || e.exitCode() == ExitCode.INTERRUPTED) {
                throw e;
            }
            // In front of the room a step that cannot run (after s, r or a hand-off) says why; the demo goes on.
            console.warn(messages.of(e));
            console.warn(messages.get(skipped ? "presenter.step.failed.skipped" : "presenter.step.failed"));
            executor.takeApiCalls();
            return;
        } finally {
            inStep = false;
        }
        List<Docker.ApiCall> calls = executor.takeApiCalls();
        facts.put("api.count", calls.size());
        if (showApiCalls) {
            ApiCallLines.withTotal(calls, messages).forEach(line -> console.info("  " + line));
        }
        String note = new NoteChoice(messages).choose(step.note().in(language), facts, deviatedBefore);
        String filled = prose(facts, terminal != null ? facts.fillKnownSentences(note) : facts.fill(note));
        console.note(filled);
        listener.note(filled);
    }
}
