package nl.dockerles.room;

import nl.dockerles.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The room's page: what it shows, in the demo's language, and that nothing from a container becomes markup. */
class RoomPageTest {
    private final RoomPage page = new RoomPage(Messages.dutch());

    private RoomFeed feed() {
        RoomFeed feed = new RoomFeed(page);
        feed.sectionStarted("Het leven van een container", "Een container start, stopt en verdwijnt.", 3);
        feed.stepStarted(1, 3, "Een container starten", "We starten busybox.", "docker run -d --name demo busybox");
        feed.output("3f2a1b\n");
        feed.note("De container heet demo.");
        feed.stepStarted(2, 3, "Wat draait er?", "docker ps toont de containers.", "docker ps");
        feed.output("\u001B[1;34mCONTAINER ID\u001B[0m   NAMES\r\n3f2a1b         demo\r\n");
        return feed;
    }

    @Test
    void showsTheCurrentStepItsCommandOutputAndEarlierStepsBelow() {
        String html = page.page(feed().snapshot(), "/t0k3n/events", "n0nce", null);

        assertThat(html).contains("<html lang=\"nl\">")
                .contains("<h1 id=\"title\">Het leven van een container</h1>")
                .contains("Stap 2/3 · Wat draait er?")
                .contains("<pre>docker ps</pre><button class=\"copy\" type=\"button\">Kopieer</button>")
                .contains("<pre class=\"out\">CONTAINER ID   NAMES\n3f2a1b         demo\n</pre>")
                .contains("Eerdere stappen")
                .contains("Stap 1/3 · Een container starten").contains("De container heet demo.")
                .contains("data-events=\"/t0k3n/events\"").contains("data-seq=\"6\"")
                .doesNotContain("\u001B").doesNotContain("{{");
        assertThat(html.indexOf("Stap 2/3")).as("the current step comes first").isLessThan(html.indexOf("Stap 1/3"));
        assertThat(html).contains("<script nonce=\"n0nce\">").contains("<style nonce=\"n0nce\">");
    }

    @Test
    void noRequestToAnythingButThePresentersLaptop() {
        String html = page.page(feed().snapshot(), "/t0k3n/events", "n", null);
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//")
                .doesNotContainPattern("(?i)url\\(").doesNotContain("@import");
    }

    @Test
    void aContainersScriptStaysText() {
        RoomFeed feed = new RoomFeed(page);
        feed.sectionStarted("<b>titel</b>", "intro & meer", 1);
        feed.stepStarted(1, 1, "<img src=x onerror=alert(1)>", "\"uitleg\" 'hier'",
                "docker run busybox echo '<script>alert(1)</script>'");
        feed.output("<script>alert(document.cookie)</script>\n");
        feed.output("</pre><script>x()</script>");
        feed.note("<iframe src=//evil>");
        feed.sectionEnded("<script>end()</script>");
        String html = page.page(feed.snapshot(), "/t/events", "n", null);

        String withoutOwnScript = html.replace("<script nonce=\"n\">", "");
        assertThat(withoutOwnScript).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("<b>");
        assertThat(html).contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;")
                .contains("&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;")
                .contains("echo &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;")
                .contains("&lt;img src=x onerror=alert(1)&gt;").contains("&quot;uitleg&quot;")
                .contains("&lt;iframe src=//evil&gt;").contains("&lt;script&gt;end()&lt;/script&gt;")
                .contains("&lt;b&gt;titel&lt;/b&gt;").contains("intro &amp; meer");
    }

    @Test
    void theLiveStepFragmentIsEscapedTooAndOutputEventsArePlainText() {
        RoomFeed feed = new RoomFeed(page);
        RoomFeed.Subscriber page1 = feed.subscribe(0);
        feed.stepStarted(1, 1, "t", "e", "docker run busybox echo '<script>'");
        feed.output("\u001B[31m<script>alert(1)</script>\u001B[0m\r\n");
        RoomFeed.Event step = page1.queue.poll();
        RoomFeed.Event out = page1.queue.poll();
        assertThat(step.type()).isEqualTo("step");
        assertThat(step.data()).contains("echo &#39;&lt;script&gt;&#39;").doesNotContain("<script");
        assertThat(out.type()).isEqualTo("out");
        // The browser appends this as a text node (never as HTML): it arrives exactly as the container printed it.
        assertThat(out.data()).isEqualTo("<script>alert(1)</script>\n");
    }

    @Test
    void beforeTheFirstStepThePageWaitsAndAtTheEndItSaysSo() {
        RoomFeed feed = new RoomFeed(page);
        assertThat(page.page(feed.snapshot(), "/t/events", "n", null))
                .contains("Wacht op de eerste stap van de presentator").contains("id=\"earlier-box\" hidden");
        feed.sectionEnded(null);
        assertThat(page.page(feed.snapshot(), "/t/events", "n", null))
                .contains("De presentator heeft de demo gestopt.").contains("class=\"ended\">afgelopen<");
    }

    @Test
    void inEnglishWithTheDemo() {
        RoomPage english = new RoomPage(new Messages(Locale.ENGLISH));
        RoomFeed feed = new RoomFeed(english);
        feed.stepStarted(1, 2, "Start", "e", "docker ps");
        String html = english.page(feed.snapshot(), "/t/events", "n", null);
        assertThat(html).contains("<html lang=\"en\">").contains("Step 1/2 · Start").contains(">Copy</button>")
                .contains("data-copied=\"Copied\"").doesNotContain("Kopieer");
    }

    @Test
    void aRecordingNeedsNoServer() {
        RoomFeed feed = feed();
        feed.sectionEnded("Klaar.");
        String html = page.recording(feed, "1 dec 2026 20:00");
        assertThat(html).contains("data-events=\"\"").contains("opname van 1 dec 2026 20:00")
                .contains("Klaar.").contains("Een opname van een echte run");
        assertThat(html).contains("<body class=\"recording\"").contains("<section id=\"current\"></section>");
        assertThat(html.indexOf("Stap 1/3")).as("a recording reads from top to bottom")
                .isLessThan(html.indexOf("Stap 2/3"));
    }

    @Test
    void terminalEscapesAreRemovedEvenWhenSplitOverChunks() {
        TerminalText text = new TerminalText();
        assertThat(text.clean("a\u001B[")).isEqualTo("a");
        assertThat(text.clean("1;3")).isEmpty();
        assertThat(text.clean("1mb\u001B]0;title\u0007c\r\n\u001B[6nd\u0008")).isEqualTo("bc\nd");
    }
}
