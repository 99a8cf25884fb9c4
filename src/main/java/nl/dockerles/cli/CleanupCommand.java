package nl.dockerles.cli;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.engine.Docker;
import nl.dockerles.ops.ManagedObjects;
import nl.dockerles.ops.Marks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dockerles cleanup}: removes every container, image, volume and network that carries dockerles's labels
 * (with --prefix: only that prefix's), and says what. {@code --dry-run} only lists. Nothing without the labels is
 * ever touched.
 */
@Command(name = "cleanup", aliases = "opruimen")
final class CleanupCommand implements Callable<Integer> {
    private final AppContext context;
    private final Messages messages;

    @ParentCommand
    RootCommand root;

    @Option(names = {"-n", "--dry-run"}, descriptionKey = "cleanup.dryrun")
    boolean dryRun;

    CleanupCommand(AppContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        String prefix = Prefix.normalize(root.global.prefix);
        Marks marks = new Marks(context.terminal() && !root.global.noColor && !context.env().containsKey("NO_COLOR"));
        PrintStream out = context.out();
        String scope = prefix.isEmpty() ? messages.get("cleanup.scope.all")
                : messages.get("cleanup.scope.prefix", prefix);
        try (Docker docker = context.connect()) {
            ManagedObjects objects = new ManagedObjects(docker, prefix);
            if (dryRun) {
                List<ManagedObjects.Item> items = objects.list();
                if (items.isEmpty()) {
                    out.println(messages.get("cleanup.nothing", scope));
                    return ExitCode.OK.code;
                }
                out.println(messages.get("cleanup.dryrun.header", scope));
                int width = nameWidth(items);
                items.forEach(item -> out.println("  " + describe(item, width)));
                out.println();
                out.println(messages.get("cleanup.dryrun.footer", items.size(),
                        prefix.isEmpty() ? "dockerles cleanup" : "dockerles cleanup --prefix " + prefix));
                return ExitCode.OK.code;
            }
            ManagedObjects.Removal removal = objects.removeAll();
            if (removal.removed().isEmpty() && removal.left().isEmpty()) {
                out.println(messages.get("cleanup.nothing", scope));
                return ExitCode.OK.code;
            }
            if (!removal.removed().isEmpty()) {
                out.println(messages.get("cleanup.removed.header", scope));
                int width = nameWidth(removal.removed());
                removal.removed().forEach(item -> out.println("  " + marks.ok() + " " + describe(item, width)));
                out.println();
                out.println(messages.get("cleanup.removed.footer", counts(removal.removed())));
            }
            if (!removal.left().isEmpty()) {
                out.println();
                out.println(messages.get("cleanup.left.header"));
                int width = nameWidth(removal.left());
                removal.left().forEach(item -> out.println("  " + marks.failed() + " " + describe(item, width)));
                for (DockerlesException problem : removal.problems()) {
                    context.err().println(messages.of(problem));
                }
                return ExitCode.DOCKER_ERROR.code;
            }
            out.println(messages.get("cleanup.untouched"));
        }
        return ExitCode.OK.code;
    }

    /** "container  demo   (sectie lifecycle, voorvoegsel jan-)". */
    private String describe(ManagedObjects.Item item, int nameWidth) {
        String kind = messages.get("cleanup.kind." + item.kind().name().toLowerCase(Locale.ROOT));
        List<String> where = new ArrayList<>();
        if (!item.section().isEmpty()) {
            where.add(messages.get("cleanup.section", item.section()));
        }
        if (!item.prefix().isEmpty()) {
            where.add(messages.get("cleanup.prefix", item.prefix()));
        }
        String name = where.isEmpty() ? item.name() : String.format("%-" + nameWidth + "s", item.name());
        return String.format("%-10s %s%s", kind, name, where.isEmpty() ? "" : "  (" + String.join(", ", where) + ")");
    }

    private static int nameWidth(List<ManagedObjects.Item> items) {
        return Math.max(1, items.stream().mapToInt(item -> item.name().length()).max().orElse(1));
    }

    /** "1 container, 2 images". */
    private String counts(List<ManagedObjects.Item> items) {
        Map<ManagedObjects.Kind, Integer> counts = new EnumMap<>(ManagedObjects.Kind.class);
        items.forEach(item -> counts.merge(item.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) ->
                parts.add(messages.get("cleanup.count." + kind.name().toLowerCase(Locale.ROOT), count)));
        return String.join(", ", parts);
    }
}
