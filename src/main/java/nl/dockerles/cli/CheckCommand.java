package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.content.Catalog;
import nl.dockerles.daemon.Docker;
import nl.dockerles.ops.Marks;
import nl.dockerles.ops.WorkshopCheck;
import nl.dockerles.ops.WorkshopNeeds;
import nl.dockerles.ui.SystemTerminal;
import nl.dockerles.ui.Wrap;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/**
 * {@code dockerles check}: can the workshop run here? A line per check with ✓ or ✗ and what to do; exit code 0
 * only when everything the sections need is there.
 */
@Command(name = "check", aliases = "controleer")
final class CheckCommand extends DockerlesCommand {
    private int width;

    CheckCommand(AppContext context, Messages messages) {
        super(context, messages);
    }

    @Override
    public Integer call() {
        String prefix = prefix();
        WorkshopNeeds needs = WorkshopNeeds.of(new Catalog());
        Marks marks = new Marks(color());
        PrintStream out = context.out();
        out.println(messages.get("check.header"));
        out.println();
        Docker docker;
        try {
            docker = context.connect();
        } catch (DockerlesException e) {
            if (e.exitCode() != ExitCode.DOCKER_UNAVAILABLE) {
                throw e;
            }
            print(out, marks, width(), new WorkshopCheck.Line(WorkshopCheck.Status.FAILED, messages.get("check.daemon.failed"),
                    messages.of(e).lines().toList()));
            out.println();
            out.println(messages.get("check.summary.nodaemon"));
            return e.exitCode().code;
        }
        int failed;
        try (docker) {
            failed = WorkshopCheck.onThisMachine(docker, needs, messages, prefix).run(line -> print(out, marks, width(), line));
        }
        out.println();
        if (failed == 0) {
            out.println(marks.paint(messages.get("check.summary.ok"), org.fusesource.jansi.Ansi.Color.GREEN));
            return ExitCode.OK.code;
        }
        out.println(marks.paint(messages.get("check.summary.failed", failed), org.fusesource.jansi.Ansi.Color.RED));
        return ExitCode.CHECK_FAILED.code;
    }

    static void print(PrintStream out, Marks marks, int width, WorkshopCheck.Line line) {
        String mark = switch (line.status()) {
            case OK -> marks.ok();
            case FAILED -> marks.failed();
            case INFO -> marks.info();
        };
        out.println(mark + " " + line.text());
        for (String detail : line.details()) {
            out.println(Wrap.line(detail, width, "    "));
        }
        out.flush();
    }

    /** Long advice is wrapped at the terminal's width (asked once), else at COLUMNS, else at 100; 60 at least. */
    private int width() {
        if (width == 0) {
            int terminal = context.terminal() ? SystemTerminal.columns() : 0;
            width = Math.max(60, terminal > 0 ? terminal : columns(100));
        }
        return width;
    }
}
