package nl.dockerles.room;

import nl.dockerles.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page of the room, rendered on the server from {@code page.html} and {@code step.html}: every text
 * from the section, the daemon or a container is escaped, so output can never become markup or script.
 */
public final class RoomPage {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private final Messages messages;
    private final String pageTemplate = template("page.html");
    private final String stepTemplate = template("step.html");

    public RoomPage(Messages messages) {
        this.messages = messages;
    }

    /**
     * The whole page at this snapshot. {@code events} is the address of the event stream (the live page),
     * or null for a recording (handout --format html): then the page is complete and needs no server.
     */
    String page(RoomFeed.Snapshot snapshot, String events, String nonce, String recorded) {
        RoomFeed.Shown current = snapshot.current();
        List<RoomFeed.Shown> steps = snapshot.steps();
        boolean live = events != null;
        StringBuilder earlier = new StringBuilder();
        if (live) {
            for (int i = steps.size() - 2; i >= 0; i--) {
                earlier.append(step(steps.get(i)));
            }
        } else {
            steps.forEach(step -> earlier.append(step(step))); // a recording reads from top to bottom
        }
        boolean ended = snapshot.ended() || !live;
        String status = !live ? recorded : ended ? messages.get("room.ended") : messages.get("room.connecting");
        String currentHtml = !live ? "" : current != null ? step(current)
                : "<p class=\"waiting\">" + Html.escape(messages.get("room.waiting")) + "</p>";
        return fill(pageTemplate, Map.ofEntries(
                Map.entry("lang", Html.escape(messages.locale().getLanguage())),
                Map.entry("mode", live ? "live" : "recording"),
                Map.entry("title", Html.escape(snapshot.title())),
                Map.entry("intro", Html.escape(snapshot.intro())),
                Map.entry("nonce", Html.escape(nonce)),
                Map.entry("events", live ? Html.escape(events) : ""),
                Map.entry("seq", String.valueOf(snapshot.seq())),
                Map.entry("copy", Html.escape(messages.get("room.copy"))),
                Map.entry("copied", Html.escape(messages.get("room.copied"))),
                Map.entry("live", Html.escape(messages.get("room.live"))),
                Map.entry("lost", Html.escape(messages.get("room.lost"))),
                Map.entry("endedText", Html.escape(messages.get("room.ended"))),
                Map.entry("status", Html.escape(status)),
                Map.entry("statusClass", ended ? "ended" : "lost"),
                Map.entry("closing", snapshot.ended() ? Html.escape(closing(snapshot.outro())) : ""),
                Map.entry("current", currentHtml),
                Map.entry("earlierHidden", steps.size() > (live ? 1 : 0) ? "" : " hidden"),
                Map.entry("earlierHeading", Html.escape(messages.get("room.earlier"))),
                Map.entry("earlier", earlier.toString()),
                Map.entry("footer", Html.escape(messages.get(live ? "room.footer" : "room.footer.recorded")))));
    }

    /** handout --format html: the whole run as one page that needs nothing else (no server, no network). */
    public String recording(RoomFeed feed, String when) {
        return page(feed.snapshot(), null, "recording", messages.get("room.recorded", when));
    }

    /** One step as an {@code <article>}; the live page adds new ones with exactly this markup. */
    String step(RoomFeed.Shown step) {
        String output = step.output.toString();
        return fill(stepTemplate, Map.of(
                "number", String.valueOf(step.number),
                "heading", Html.escape(messages.get("step.heading", step.number, step.total, step.title)),
                "explain", Html.escape(step.explain),
                "command", Html.escape(step.command),
                "copy", Html.escape(messages.get("room.copy")),
                // A newline right after <pre> is dropped by the HTML parser: keep the output's own.
                "output", (output.startsWith("\n") ? "\n" : "") + Html.escape(output),
                "note", Html.escape(step.note)));
    }

    /** The closing text as the page shows it (plain text: the page puts it in with textContent). */
    String closing(String outro) {
        return outro != null ? outro : messages.get("room.stopped");
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String name) {
        try (InputStream in = RoomPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
