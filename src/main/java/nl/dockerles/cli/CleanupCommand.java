package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker;
import nl.dockerles.ops.LiveRun;
import nl.dockerles.ops.ManagedObjects;
import nl.dockerles.ops.Marks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * {@code dockerles cleanup}: removes every container, image, volume and network that carries dockerles's labels
 * (with --prefix: only that prefix's), and says what. {@code --dry-run} only lists. Nothing without the labels is
 * ever touched, and neither is what a demo that still runs made: that is listed, with how to stop that demo.
 */
@Command(name = "cleanup", aliases = "opruimen")
final class CleanupCommand extends DockerlesCommand {
    @Option(names = {"-n", "--dry-run"}, descriptionKey = "cleanup.dryrun")
    boolean dryRun;

    CleanupCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        String prefix = prefix();
        Marks marks = new Marks(color());
        PrintStream out = context.out();
        String scope = prefix.isEmpty() ? messages.get("cleanup.scope.all")
                : messages.get("cleanup.scope.prefix", prefix);
        CleanupReport report = new CleanupReport(messages, out, marks);
        try (Docker docker = context.connect()) {
            ManagedObjects objects = new ManagedObjects(docker, prefix);
            if (dryRun) {
                LiveRun.Split plan = objects.plan();
                if (plan.gone().isEmpty() && plan.live().isEmpty()) {
                    out.println(messages.get("cleanup.nothing", scope));
                    return ExitCode.OK.code;
                }
                if (!plan.gone().isEmpty()) {
                    out.println(messages.get("cleanup.dryrun.header", scope));
                    report.items(plan.gone(), "");
                    out.println();
                    out.println(messages.get("cleanup.dryrun.footer", plan.gone().size(),
                            prefix.isEmpty() ? "dockerles cleanup" : "dockerles cleanup --prefix " + prefix));
                }
                report.live(plan.live());
                return ExitCode.OK.code;
            }
            ManagedObjects.Removal removal = objects.removeAll();
            if (removal.removed().isEmpty() && removal.left().isEmpty() && removal.live().isEmpty()) {
                out.println(messages.get("cleanup.nothing", scope));
                return ExitCode.OK.code;
            }
            if (!removal.removed().isEmpty()) {
                out.println(messages.get("cleanup.removed.header", scope));
                report.items(removal.removed(), marks.ok());
                out.println();
                out.println(messages.get("cleanup.removed.footer", report.counts(removal.removed())));
            }
            // A live demo's things staying is what should happen: no error, the exit code stays 0.
            report.live(removal.live());
            if (!removal.left().isEmpty()) {
                out.println();
                out.println(messages.get("cleanup.left.header"));
                report.items(removal.left(), marks.failed());
                for (DockerlesException problem : removal.problems()) {
                    context.err().println(messages.of(problem));
                }
                return ExitCode.DOCKER_ERROR.code;
            }
            if (!removal.live().isEmpty()) {
                out.println();
            }
            out.println(messages.get("cleanup.untouched"));
        }
        return ExitCode.OK.code;
    }
}
