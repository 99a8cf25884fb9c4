package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.content.Step;
import nl.dockerles.daemon.Docker;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.PresenterTerminal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a step: its docker command through the {@link Docker} seam, printed as the docker CLI would, or its
 * named action; records real values in {@link Facts} for the note.
 */
public final class StepExecutor implements AutoCloseable {
    private final Docker docker;
    private final Function<String, Docker> otherDaemon;
    private final Map<String, Docker> otherDaemons = new HashMap<>();
    private final ActionContext context;

    private final PresenterTerminal terminal;

    public StepExecutor(ActionContext context, Function<String, Docker> otherDaemon) {
        this(context, otherDaemon, null);
    }

    /** With a terminal (--interactief), the presenter types into {@code -it} shells instead of the content. */
    public StepExecutor(ActionContext context, Function<String, Docker> otherDaemon, PresenterTerminal terminal) {
        this.docker = context.docker();
        this.context = context;
        this.otherDaemon = otherDaemon;
        this.terminal = terminal;
    }

    /** The command as the audience sees it, with this run's values filled in ({workdir}, {port}, ...). */
    public String commandLine(Step step) {
        Names names = context.facts().names();
        if (step.action() != null) {
            Action action = action(step);
            return names.apply(HostPorts.rewriteUrls(context.facts().fill(action.shell(action.asRun(context,
                    step.with()))), context.facts()));
        }
        return names.apply(HostPorts.rewrite(context.facts().fill(step.command()), context.facts()));
    }

    /** True when the step is an action that does the work its own way (see {@link Action#ownWay()}). */
    public boolean ownWay(Step step) {
        return step.action() != null && action(step).ownWay();
    }

    /** The daemon the steps talk to. */
    public Docker docker() {
        return docker;
    }

    /**
     * The daemon calls since the last take, in the order they were sent: this run's daemon's, and those of another
     * daemon a step talked to ({@code docker -H tcp://…}).
     */
    public java.util.List<Docker.ApiCall> takeApiCalls() {
        java.util.List<Docker.ApiCall> calls = new java.util.ArrayList<>(docker.takeApiCalls());
        otherDaemons.values().forEach(other -> calls.addAll(other.takeApiCalls()));
        calls.sort(java.util.Comparator.comparingLong(Docker.ApiCall::sentAt));
        return calls;
    }

    /**
     * r's own work before {@code step} runs again ({@link Step#undo}): its {@code docker exec} in the step's container,
     * run here and not shown (the screen says it in words). Throws when it could not be done.
     */
    public void undo(Step step) {
        String line = context.facts().names().apply(context.facts().fill(step.undo().command()));
        if (!(DockerCli.parse(line) instanceof DockerCommand.Exec exec)) {
            throw new DockerlesException(ExitCode.CONTENT, "error.step.unsupported", step.undo().command());
        }
        String id = docker.inspectContainer(exec.container()).orElseThrow(() -> new DockerlesException(
                ExitCode.DOCKER_ERROR, "error.container.missing", exec.container())).id();
        Docker.ExecResult result = docker.exec(id, exec.command(), exec.user(), java.time.Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            String said = result.output().strip().lines().findFirst().orElse("");
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "repeat.undo.failed", exec.container(),
                    result.exitCode(), said);
        }
    }

    /** Runs the step and returns what it printed. */
    public String execute(Step step) {
        writeFiles(step.files());
        String output;
        if (step.action() != null) {
            output = action(step).run(context, fill(step.with()));
        } else {
            DockerCli.Invocation invocation = DockerCli.invocation(commandLine(step));
            // -H first, then DOCKER_HOST as an earlier step set it (action env), as the docker CLI does.
            String host = invocation.host() != null ? invocation.host() : context.facts().get("env.DOCKER_HOST");
            Docker target = host == null || host.isBlank() ? docker : otherDaemons.computeIfAbsent(host, otherDaemon);
            output = dispatch(target, invocation.command(), step);
            context.facts().put("docker.host", target.host());
        }
        extract(step.extract(), output);
        return output;
    }

    private String dispatch(Docker target, DockerCommand command, Step step) {
        ContainerRunner runner = new ContainerRunner(target, context.run(), context.console(), context.facts(), terminal,
                context.messages(), context.time());
        if (command instanceof DockerCommand.Run r) {
            return runner.run(r, step);
        } else if (command instanceof DockerCommand.Start s) {
            return runner.start(s, step);
        } else if (command instanceof DockerCommand.Attach a) {
            return runner.attach(a);
        }
        String output = new ContainerCommands(target, context.facts(), context.time(), locale(), context.console(),
                context.workspace())
                .run(command, context.run());
        if (output == null) {
            throw new DockerlesException(ExitCode.CONTENT, "error.step.unsupported", step.command());
        }
        if (!(command instanceof DockerCommand.Build)) {
            context.console().output(output);
        } else {
            // Which builder ran, as its output shows: the narration must not describe another one.
            boolean classic = output.lines().anyMatch(line -> line.startsWith("Step "));
            boolean buildah = output.lines().anyMatch(line -> line.startsWith("STEP "));
            context.facts().put("build.builder", context.messages().get(classic ? "daemonfacts.builder.classic"
                    : buildah ? "daemonfacts.builder.buildah" : "daemonfacts.builder.other"));
        }
        return output;
    }

    /** The step's files (a Dockerfile, say) go into this run's workspace, where {workdir} points. */
    private void writeFiles(Map<String, String> files) {
        files.forEach((name, content) -> {
            java.nio.file.Path file = context.workspace().folder().resolve(name).normalize();
            if (!file.startsWith(context.workspace().folder())) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name, "buiten {workdir}");
            }
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.writeString(file, context.facts().names().apply(context.facts().fill(content)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private Action action(Step step) {
        return Actions.find(step.action()).orElseThrow(
                () -> new DockerlesException(ExitCode.CONTENT, "error.action.unknown", step.action()));
    }

    private Map<String, String> fill(Map<String, String> with) {
        Map<String, String> filled = new HashMap<>();
        with.forEach((key, value) -> filled.put(key, context.facts().names().apply(context.facts().fill(value))));
        return filled;
    }

    private java.util.Locale locale() {
        Messages messages = context.messages();
        return messages.locale();
    }

    private void extract(Map<String, String> extractors, String output) {
        extractors.forEach((key, regex) -> {
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            if (m.find()) {
                context.facts().put(key, m.groupCount() > 0 ? m.group(1).strip() : m.group().strip());
            }
        });
    }

    @Override
    public void close() {
        otherDaemons.values().forEach(Docker::close);
        otherDaemons.clear();
    }
}
