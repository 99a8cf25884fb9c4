package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.SectionPresenter;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.Prompter;
import nl.dockerles.ui.StopRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One run of a section against the daemon, for {@code demo} and {@code handout}: connects, removes what the
 * run made at the end, and on Ctrl-C too.
 */
final class SectionRun {
    private final AppContext context;
    private final Messages messages;

    SectionRun(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    void present(Supplier<Docker> connection, SectionEntry entry, Section section, String prefix, Console console,
                 Prompter prompter, UnaryOperator<SectionPresenter> options) {
        // The first screen comes before the connection: reading it hides the time it takes to connect.
        SectionPresenter.showIntro(console, messages, entry, section);
        if (section.steps().stream().anyMatch(SectionRun::reachesTcpDaemon)) {
            nl.dockerles.docker.DockerConnector.prepareTcp();
        }
        if (section.steps().stream().anyMatch(step -> step.command() != null
                && step.command().startsWith("docker build "))) {
            nl.dockerles.docker.DockerConnector.prepareBuild();
        }
        // The section's docker commands parsed (the check before step 1 needs their names and ports), every action
        // made once, and the HTTP client of http-get: the check and the first steps need not wait for them.
        boolean actions = section.steps().stream().anyMatch(step -> step.action() != null);
        boolean http = section.steps().stream().anyMatch(step -> "http-get".equals(step.action()));
        warmUp(() -> {
            nl.dockerles.content.SectionNames.all(section);
            for (nl.dockerles.content.Step step : section.steps()) {
                if (step.command() != null) {
                    nl.dockerles.engine.HostPorts.published(step.command());
                }
            }
            if (actions) {
                nl.dockerles.engine.Actions.all();
                section.steps().stream().map(nl.dockerles.content.Step::action).filter(java.util.Objects::nonNull)
                        .distinct().forEach(name -> nl.dockerles.engine.Actions.find(name)
                                .ifPresent(nl.dockerles.engine.Action::warmUp));
            }
            if (http) {
                nl.dockerles.engine.LoopbackHttp.warmUp();
            }
        });
        try (Docker docker = connection.get()) {
            RunIdentity run = RunIdentity.newRun(entry.id(), prefix);
            SectionPresenter presenter = options.apply(new SectionPresenter(docker, console, prompter,
                    context.time(), messages, this::otherDaemon)).introShown().environment(context.env())
                    .stopOn(StopRequest.process());
            Thread onCtrlC = new Thread(() -> cleanUpAfterInterrupt(presenter, run), "dockerles-cleanup");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                presenter.present(entry, section, run);
            } finally {
                if (!removeHook(onCtrlC)) {
                    waitForTheEnd(onCtrlC);
                }
            }
        }
    }

    /** Runs {@code work} on a background thread, while the first screen is on. */
    private static void warmUp(Runnable work) {
        Thread warmUp = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // only a head start
            }
        }, "dockerles-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /**
     * Ctrl-C came in while a step ran: the hook cleans up with this same connection, so this thread must not
     * close it, nor report the step's failure. The JVM ends (exit code 130) once the hook is done.
     */
    private static void waitForTheEnd(Thread hook) {
        while (true) {
            try {
                hook.join();
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Keep waiting: the JVM is ending.
            }
        }
    }

    /** Ctrl-C: the JVM runs this hook; remove what this run made, then let the JVM end (exit code 130). */
    private void cleanUpAfterInterrupt(SectionPresenter presenter, RunIdentity run) {
        try {
            List<String> removed = presenter.abort(run);
            context.err().println();
            context.err().println(messages.get("interrupted.cleaned",
                    removed.isEmpty() ? "-" : String.join(", ", removed)));
        } catch (RuntimeException e) {
            context.err().println(messages.get("interrupted.failed", run.runId()));
        }
    }

    /**
     * A step that makes docker commands go to a daemon over tcp://: with {@code -H}, or by setting DOCKER_HOST (the
     * env action), after which the next docker command connects there.
     */
    static boolean reachesTcpDaemon(nl.dockerles.content.Step step) {
        return step.command() != null && step.command().contains("tcp://")
                || "env".equals(step.action()) && step.with() != null
                && step.with().getOrDefault("DOCKER_HOST", "").startsWith("tcp://");
    }

    /** A step with {@code docker -H tcp://…}: the same connection rules, another host. */
    private Docker otherDaemon(String host) {
        Map<String, String> env = new HashMap<>(context.env());
        env.put("DOCKER_HOST", host);
        env.remove("DOCKER_CONTEXT");
        return context.docker().apply(env);
    }

    /** False when the JVM is already shutting down: Ctrl-C came in and the hook runs. */
    private static boolean removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
