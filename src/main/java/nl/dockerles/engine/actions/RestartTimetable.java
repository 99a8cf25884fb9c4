package nl.dockerles.engine.actions;

import nl.dockerles.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live table of the restart watch: one line per start, printed as it happens, with fixed columns so that
 * every line lines up with the header before the next one is known.
 */
final class RestartTimetable {
    static final int WIDTH = 13;
    private final Messages messages;
    private final Locale locale;

    RestartTimetable(Messages messages) {
        this.messages = messages;
        this.locale = messages.locale();
    }

    String header() {
        return line(List.of(messages.get("restartwatch.column.count"), messages.get("restartwatch.column.at"),
                messages.get("restartwatch.column.gap"), messages.get("restartwatch.column.ran"),
                messages.get("restartwatch.column.waited"), messages.get("restartwatch.column.schedule")));
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

    private static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(cell);
            if (i < cells.size() - 1) {
                out.append(" ".repeat(Math.max(1, WIDTH - cell.length())));
            }
        }
        return out.toString().stripTrailing() + "\n";
    }
}
