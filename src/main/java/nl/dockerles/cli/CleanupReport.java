package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.ops.LiveRun;
import nl.dockerles.ops.ManagedObjects;
import nl.dockerles.ops.Marks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lines of {@code dockerles cleanup}: a thing per line, the totals, and the live runs it left alone. */
final class CleanupReport {
    private final Messages messages;
    private final PrintStream out;
    private final Marks marks;

    CleanupReport(Messages messages, PrintStream out, Marks marks) {
        this.messages = messages;
        this.out = out;
        this.marks = marks;
    }

    /** Every item on its own line, indented, with {@code mark} ("" for none) before it. */
    void items(List<ManagedObjects.Item> items, String mark) {
        int width = nameWidth(items);
        items.forEach(item -> out.println("  " + (mark.isEmpty() ? "" : mark + " ") + describe(item, width)));
    }

    /**
     * Per live run: that it stays and why (its process still runs, here or on another machine), what it made, and
     * how to stop it so that it cleans up after itself.
     */
    void live(List<LiveRun> runs) {
        for (LiveRun run : runs) {
            out.println();
            out.println(messages.get(run.thisMachine() ? "cleanup.live.header" : "cleanup.live.elsewhere.header",
                    run.section(), run.pid(), run.host()));
            items(run.items(), marks.info());
            out.println(run.thisMachine() ? messages.get("cleanup.live.stop", run.pid())
                    : messages.get("cleanup.live.elsewhere.stop", run.host()));
        }
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
    String counts(List<ManagedObjects.Item> items) {
        Map<ManagedObjects.Kind, Integer> counts = new EnumMap<>(ManagedObjects.Kind.class);
        items.forEach(item -> counts.merge(item.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) ->
                parts.add(messages.get("cleanup.count." + kind.name().toLowerCase(Locale.ROOT), count)));
        return String.join(", ", parts);
    }
}
