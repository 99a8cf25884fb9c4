package nl.dockerles.engine.actions;

import nl.dockerles.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live table of the restart watch: one line per start, printed as it happens, with fixed columns so that
 * every line lines up with the header before the next one is known. In a window narrower than the full table
 * (78 columns) the columns are narrower, the headers short, and a legend says what they mean.
 */
final class RestartTimetable {
    static final int WIDTH = 13;
    static final int NARROW_WIDTH = 8;
    /** The columns the full table needs. */
    static final int FULL_COLUMNS = 78;
    private static final List<String> COLUMNS = List.of("count", "at", "gap", "ran", "waited", "schedule");
    private final Messages messages;
    private final Locale locale;
    private final boolean narrow;

    RestartTimetable(Messages messages) {
        this(messages, FULL_COLUMNS);
    }

    /** @param columns the window's width now */
    RestartTimetable(Messages messages, int columns) {
        this.messages = messages;
        this.locale = messages.locale();
        this.narrow = columns < FULL_COLUMNS;
    }

    String header() {
        String kind = narrow ? "restartwatch.short." : "restartwatch.column.";
        return line(COLUMNS.stream().map(column -> messages.get(kind + column)).toList());
    }

    /** What the short headers mean; null for the full table, whose headers say it themselves. */
    String legend() {
        return narrow ? messages.get("restartwatch.legend") : null;
    }

    /** The start that we saw first: the docker run itself (count 0), or where we came in. */
    String first(int restartCount) {
        return line(List.of(Integer.toString(restartCount), seconds(Duration.ZERO), "", "", "", ""));
    }

    /** A restart: when since the first start, the gap since the start before, how long that ran, what Docker waited. */
    String row(int restartCount, Duration at, Duration gap, Duration ran, Duration waited, Duration schedule) {
        return line(List.of(Integer.toString(restartCount), seconds(at), seconds(gap), seconds(ran), seconds(waited),
                seconds(schedule)));
    }

    String seconds(Duration duration) {
        return seconds(locale, duration);
    }

    static String seconds(Locale locale, Duration duration) {
        if (duration == null) {
            return "?";
        }
        double s = duration.toNanos() / 1e9;
        return s < 1 && s > 0 ? String.format(locale, "%.2f s", s) : String.format(locale, "%.1f s", s);
    }

    /** The coming waits after the last one, e.g. "12,8 s, 25,6 s, 51,2 s". */
    String comingWaits(RestartBackoff backoff, int count) {
        RestartBackoff ahead = backoff.copy();
        List<String> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(seconds(ahead.next(Duration.ZERO)));
        }
        return String.join(", ", waits);
    }

    private String line(List<String> cells) {
        int width = narrow ? NARROW_WIDTH : WIDTH;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(Math.max(1, width - cell.length())));
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
