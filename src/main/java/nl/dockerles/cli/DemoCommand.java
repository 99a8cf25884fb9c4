package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.engine.Cleanup;
import nl.dockerles.engine.Docker;
import nl.dockerles.engine.RunIdentity;
import nl.dockerles.engine.SectionPresenter;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.LinePrompter;
import nl.dockerles.ui.Prompter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dockerles demo <sectie>}: presents one section live against the daemon. */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {
    private final AppContext context;
    private final Messages messages;

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "SECTIE", descriptionKey = "demo.section")
    String sectionId;

    @Option(names = "--auto", descriptionKey = "demo.auto")
    boolean auto;

    @Option(names = "--api", descriptionKey = "demo.api")
    boolean api;

    DemoCommand(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        Catalog catalog = new Catalog();
        SectionEntry entry = Sections.find(catalog, sectionId);
        if (!catalog.isBuilt(entry.id())) {
            throw new DockerlesException(ExitCode.USAGE, "error.section.notbuilt", entry.id());
        }
        Section section = catalog.section(entry.id());
        boolean interactive = context.terminal() && !auto;
        boolean color = context.terminal() && !root.global.noColor && !context.env().containsKey("NO_COLOR");
        Console console = new Console(context.out(), color, 80);
        Prompter prompter = interactive ? new LinePrompter(context.in(), console) : Prompter.AUTO;

        try (Docker docker = context.connect()) {
            RunIdentity run = RunIdentity.newRun(entry.id());
            Thread onCtrlC = new Thread(() -> cleanUpAfterInterrupt(docker, run), "dockerles-cleanup");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                new SectionPresenter(docker, console, prompter, context.time(), messages, this::otherDaemon)
                        .showApiCalls(api)
                        .present(entry, section, run);
            } finally {
                removeHook(onCtrlC);
            }
        }
        return ExitCode.OK.code;
    }

    /** Ctrl-C: the JVM runs this hook; remove what this run made, then let the JVM end (exit code 130). */
    private void cleanUpAfterInterrupt(Docker docker, RunIdentity run) {
        try {
            List<String> removed = new Cleanup(docker).removeAll(run.runFilter());
            context.err().println();
            context.err().println(messages.get("interrupted.cleaned",
                    removed.isEmpty() ? "-" : String.join(", ", removed)));
        } catch (RuntimeException e) {
            context.err().println(messages.get("interrupted.failed", run.runId()));
        }
    }

    /** A step with {@code docker -H tcp://…}: the same connection rules, another host. */
    private Docker otherDaemon(String host) {
        Map<String, String> env = new HashMap<>(context.env());
        env.put("DOCKER_HOST", host);
        env.remove("DOCKER_CONTEXT");
        return context.docker().apply(env);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running: Ctrl-C came in; it cleans up.
        }
    }
}
