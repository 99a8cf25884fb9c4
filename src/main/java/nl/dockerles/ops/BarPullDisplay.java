package nl.dockerles.ops;

import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker.PullProgress;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                    .setRenderer(new Renderer(marks.color() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                            : marks.unicode() ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII))
                    .setUpdateIntervalMillis(200)
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

    /**
     * The library's bar, in MB; with no numbers when nothing was downloaded (an image that was there already
     * would show "0/0MB"), and in kB for an image smaller than a megabyte.
     */
    private static final class Renderer extends DefaultProgressBarRenderer {
        private static final long MB = 1_000_000;

        Renderer(ProgressBarStyle style) {
            super(style, "MB", MB, false, new DecimalFormat("#.0"), ChronoUnit.SECONDS, false, state -> Optional.empty());
        }

        @Override
        protected String ratio(ProgressState state) {
            if (state.isIndefinite() || state.getMax() <= 1) {
                return "";
            }
            if (state.getMax() < MB) {
                return " " + state.getCurrent() / 1000 + "/" + state.getMax() / 1000 + "kB";
            }
            return super.ratio(state);
        }
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        out.println();
        bars.keySet().stream().filter(notes::containsKey).map(notes::get).forEach(out::println);
        out.flush();
    }
}
