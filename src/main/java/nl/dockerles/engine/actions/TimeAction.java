package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.cmdline.DockerCli;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code time}: {@code time docker run -d ...} — starts a detached container as docker run -d does (with
 * dockerles's labels), prints its ID, and how long the command took, as the shell's {@code time} does.
 * Only {@code run -d} (without -p): the point is that it returns at once.
 * Facts: {@code time.seconds}, {@code time.millis}, {@code <name>.id}, {@code last.id}.
 */
public final class TimeAction implements Action {

    @Override
    public String name() {
        return "time";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "time " + command(with);
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String text = command(with);
        DockerCommand parsed = DockerCli.parse(text);
        if (!(parsed instanceof DockerCommand.Run run) || !run.detach() || run.init() || !run.publish().isEmpty()) {
            throw new DockerlesException(ExitCode.CONTENT, "error.step.unsupported", "time " + text);
        }
        ContainerSpec spec = new ContainerSpec(run.image(), run.command(), run.name(), run.tty(), run.interactive(),
                run.remove(), List.of(), run.volumes(), run.env(), run.restart(), run.user(), context.run().labels());
        long start = context.time().nanoTime();
        String id = context.docker().createContainer(spec);
        context.docker().startContainer(id);
        long nanos = context.time().nanoTime() - start;
        String shortId = id.substring(0, Math.min(12, id.length()));
        context.facts().put((run.name() != null ? run.name() : shortId) + ".id", shortId);
        context.facts().put("last.id", shortId);
        context.facts().put("time.seconds", Containers.seconds(context.messages().locale(), nanos / 1e9));
        context.facts().put("time.millis", Math.round(nanos / 1e6));
        String output = id + "\n\n" + real(nanos) + "\n";
        context.console().output(output);
        return output;
    }

    /** As bash's {@code time} prints it: "real	0m0.312s". */
    static String real(long nanos) {
        long millis = Math.round(nanos / 1e6);
        return String.format(Locale.ROOT, "real\t%dm%d.%03ds", millis / 60_000, (millis / 1000) % 60, millis % 1000);
    }

    private static String command(Map<String, String> with) {
        String command = with.get("command");
        if (command == null || !command.strip().startsWith("docker ")) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", "with.command",
                    String.valueOf(command));
        }
        return command.strip();
    }
}
