package nl.dockerles.export;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import nl.dockerles.engine.TimeSource;

import java.util.Locale;

/**
 * A run as an asciicast v2 recording (playable with {@code asciinema play}): a header line, then one
 * {@code [seconds, "o", text]} line for every piece of output, at the moment it was printed. A lone
 * {@code \n} becomes {@code \r\n}, as a terminal would show it.
 */
public final class CastRecording {
    private final TimeSource time;
    private final long start;
    private final StringBuilder events = new StringBuilder();
    private final String header;
    private boolean lastWasCr;

    public CastRecording(TimeSource time, int width, int height, String title) {
        this.time = time;
        this.start = time.nanoTime();
        this.header = "{\"version\": 2, \"width\": " + width + ", \"height\": " + height + ", \"timestamp\": "
                + time.now().getEpochSecond() + ", \"title\": " + json(title)
                + ", \"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}}\n";
    }

    /** Output as it is printed (the tap of the run's console). */
    public synchronized void output(String text) {
        if (text.isEmpty()) {
            return;
        }
        StringBuilder terminal = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && !lastWasCr) {
                terminal.append('\r');
            }
            terminal.append(c);
            lastWasCr = c == '\r';
        }
        double seconds = (time.nanoTime() - start) / 1e9;
        events.append('[').append(String.format(Locale.ROOT, "%.6f", seconds)).append(", \"o\", ")
                .append(json(terminal.toString())).append("]\n");
    }

    public synchronized String text() {
        return header + events;
    }

    private static String json(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
