package nl.dockerles.ops;

import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nl.dockerles.Messages;
import nl.dockerles.engine.Docker.PullProgress;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pulls in a terminal: a progress bar per image (me.tongfei:progressbar), all made up front so that they keep
 * their lines while several pulls run at once. The notes per image follow under the bars when all are done.
 */
public final class BarPullDisplay implements ImagePulls.Display {
    private static final Set<String> LAYER_DONE = Set.of("Download complete", "Pull complete", "Already exists");
    private final PrintStream out;
    private final Messages messages;
    private final Marks marks;
    private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
    private final Map<String, Map<String, long[]>> layers = new HashMap<>();
    private final Map<String, String> notes = new HashMap<>();

    public BarPullDisplay(PrintStream out, Messages messages, Marks marks, List<String> images) {
        this.out = out;
        this.messages = messages;
        this.marks = marks;
        int width = images.stream().mapToInt(String::length).max().orElse(10);
        for (String image : images) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(String.format("%-" + width + "s", image))
                    .setInitialMax(-1)
                    .setStyle(marks.color() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                            : marks.unicode() ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setUnit("MB", 1_000_000)
                    .setUpdateIntervalMillis(200)
                    .hideEta()
                    .setConsumer(new InteractiveConsoleProgressBarConsumer(out))
                    .build();
            bar.setExtraMessage(messages.get("prepare.bar.waiting"));
            bar.refresh(); // takes its line now, in this order
            bars.put(image, bar);
        }
    }

    @Override
    public synchronized void started(String image) {
        bars.get(image).setExtraMessage(messages.get("prepare.bar.pulling"));
    }

    /** Bytes of all layers being downloaded, as docker pull sums them. */
    @Override
    public synchronized void progress(String image, PullProgress progress) {
        ProgressBar bar = bars.get(image);
        if (progress.layer() == null || progress.status() == null) {
            return;
        }
        Map<String, long[]> sizes = layers.computeIfAbsent(image, i -> new HashMap<>());
        long[] size = sizes.computeIfAbsent(progress.layer(), l -> new long[2]);
        if (progress.status().equals("Downloading") && progress.total() > 0) {
            size[0] = progress.current();
            size[1] = progress.total();
        } else if (LAYER_DONE.contains(progress.status())) {
            size[0] = size[1];
        }
        long total = sizes.values().stream().mapToLong(s -> s[1]).sum();
        long current = sizes.values().stream().mapToLong(s -> s[0]).sum();
        if (total > 0) {
            bar.maxHint(total);
            bar.stepTo(current);
        }
        bar.setExtraMessage(progress.status());
    }

    @Override
    public synchronized void finished(ImagePulls.Result result) {
        ProgressBar bar = bars.get(result.image());
        if (result.outcome() == ImagePulls.Outcome.MISSING) {
            bar.setExtraMessage(marks.failed() + " " + messages.get("prepare.bar.missing"));
        } else {
            long max = Math.max(1, bar.getMax());
            bar.maxHint(max);
            bar.stepTo(max);
            bar.setExtraMessage(marks.ok() + " " + messages.get(switch (result.outcome()) {
                case PULLED -> "prepare.bar.pulled";
                case UP_TO_DATE -> "prepare.bar.uptodate";
                default -> "prepare.bar.present";
            }));
        }
        bar.close();
        notes.put(result.image(), PullNotes.note(messages, result));
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        out.println();
        bars.keySet().stream().filter(notes::containsKey).map(notes::get).forEach(out::println);
        out.flush();
    }
}
