package nl.dockerles.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutColourThereAreNoEscapes() {
        Console console = new Console(out, false, 60);
        console.title("Het leven van een container");
        console.heading("Stap 1/3 · Starten");
        console.command("docker run -it --name demo busybox sh");
        console.note("Dat duurde 10,3 seconden.");
        assertThat(printed()).doesNotContain("\u001B").isEqualTo("""
                Het leven van een container
                ═══════════════════════════

                ── Stap 1/3 · Starten ──────────────────────────────────────
                
                $ docker run -it --name demo busybox sh

                → Dat duurde 10,3 seconden.
                """);
    }

    @Test
    void withColourTheCommandIsBoldYellow() {
        new Console(out, true, 60).command("docker ps");
        assertThat(printed()).contains("\u001B[").contains("docker ps");
    }

    @Test
    void aNoteWrapsUnderItsArrow() {
        new Console(out, false, 40).note("Een container die je niet weghaalt, neemt nog steeds ruimte in op je schijf.");
        assertThat(printed()).isEqualTo("""

                → Een container die je niet weghaalt,
                  neemt nog steeds ruimte in op je
                  schijf.
                """);
    }

    @Test
    void aLongTitleBreaksBetweenWordsAndTheRuleIsAsLongAsTheLongestLine() {
        new Console(out, false, 40).title("Images verhuizen, containers niet (Wat kan ik dan: distributie)");
        assertThat(printed()).isEqualTo("""
                Images verhuizen, containers niet (Wat
                kan ik dan: distributie)
                ══════════════════════════════════════
                """);
    }

    @Test
    void theWidthIsAskedForEveryParagraphAndNeverBelowForty() {
        AtomicInteger width = new AtomicInteger(80);
        Console console = new Console(out, false, width::get);
        assertThat(console.width()).isEqualTo(80);
        width.set(20);
        assertThat(console.width()).isEqualTo(40);
    }

    @Test
    void markdownForHandouts() {
        Console console = Console.markdown(out);
        console.title("Poorten");
        console.command("docker ps");
        console.output("CONTAINER ID");
        console.note("Klaar.");
        console.finish();
        assertThat(printed()).isEqualTo("""
                # Poorten


                ```console
                $ docker ps
                CONTAINER ID
                ```

                > Klaar.
                """);
    }

    @Test
    void afterAStopOnlyTheLastWordIsPrinted() {
        Console console = new Console(out, false, 60);
        console.mute();
        console.paragraph("niet meer");
        console.command("docker ps");
        console.note("ook niet");
        console.afterStop("Gestopt.");
        assertThat(printed()).isEqualTo("\nGestopt.\n");
        assertThat(console.muted()).isTrue();
    }

    @Test
    void aTappedConsoleHandsOverWhatItPrints() {
        StringBuilder tap = new StringBuilder();
        new Console(out, false, 60).tapped(tap::append).paragraph("Zichtbaar voor de zaal.");
        assertThat(tap.toString()).contains("Zichtbaar voor de zaal.");
        assertThat(printed()).isEqualTo("Zichtbaar voor de zaal.\n");
    }

    @Test
    void aKeyPromptHoldsTheCursorAtItsStartSoItsClearNeverReachesAbove() {
        // From its start, a prompt a narrower window rewrapped (tmux) or cut (xterm) goes with \r ESC[J alike;
        // from its end, the rows to go up differ, and going up in xterm wiped the line above the prompt.
        Console console = new Console(out, true, 80);
        String prompt = "⏎ stap 2/10  ·  Enter/spatie: verder  ·  r: vorige stap opnieuw  ·  s: overslaan  ·  q: stoppen ";
        console.keyPrompt(prompt);
        assertThat(printed()).contains(prompt).endsWith("m\r").doesNotContain("\u001B[1A");
        bytes.reset();
        console.clearPrompt();
        assertThat(printed()).isEqualTo("\r\u001B[J");
    }

    @Test
    void thePromptNeverFillsARow() {
        String wide = "⏎ stap 3/10  ·  Enter/spatie: verder  ·  r: vorige stap opnieuw  ·  s: overslaan  ·  q: stoppen ";
        String narrow = "⏎ 3/10 · Enter: verder · r · s · q ";
        assertThat(KeyPrompter.fit(wide, narrow, 200)).isEqualTo(wide);
        assertThat(KeyPrompter.fit(wide, narrow, wide.length())).isEqualTo(narrow);
        assertThat(KeyPrompter.fit(wide, narrow, 50)).isEqualTo(narrow);
        assertThat(KeyPrompter.fit(wide, narrow, 20)).hasSize(19).isEqualTo(narrow.substring(0, 19));
    }

    @Test
    void withoutATerminalAPromptIsALineAndAStatusIsAPlainLine() {
        Console console = new Console(out, false, 60);
        console.keyPrompt("[Enter] verder");
        console.clearPrompt();
        console.status("Nog 10 seconden");
        console.status("Nog 9 seconden");
        console.endStatus();

        assertThat(console.redraws()).isFalse();
        assertThat(printed()).doesNotContain("\u001B").isEqualTo("[Enter] verder\nNog 10 seconden\nNog 9 seconden\n");
    }

    @Test
    void onATerminalTheStatusIsRedrawnInPlaceAndNotTapped() {
        StringBuilder tapped = new StringBuilder();
        Console console = new Console(out, true, 60).tapped(tapped::append);
        console.status("Nog 10 seconden");
        console.status("Nog 9 seconden");
        console.endStatus();

        assertThat(printed()).startsWith("\r\u001B[K").contains("Nog 9 seconden").endsWith("\r\u001B[K")
                .doesNotContain("\n");
        assertThat(tapped.toString()).isEmpty();
    }

    @Test
    void aMutedConsoleDropsNarrationNotesAndStatusLines() {
        Console console = new Console(out, false, 60);
        console.output("half");
        console.mute();
        console.paragraph("Niet meer.");
        console.note("Ook niet.");
        console.status("Nee.");
        console.afterStop("Gestopt.");

        assertThat(console.muted()).isTrue();
        assertThat(printed()).isEqualTo("half\n\nGestopt.\n");
    }

    @Test
    void aStatusLineWiderThanTheWindowIsWrappedAndWipedWhole() {
        Console console = new Console(out, true, 40);
        console.status("Docker wacht 25,6 s voor de volgende start: nog 12 s.");
        console.status("Docker wacht 25,6 s voor de volgende start: nog 11 s.");
        console.endStatus();
        String printed = printed().replaceAll("\u001B\\[[0-9;]*m", "");
        assertThat(printed).isEqualTo("\r\u001B[KDocker wacht 25,6 s voor de volgende\nstart: nog 12 s."
                + "\r\u001B[1A\u001B[JDocker wacht 25,6 s voor de volgende\nstart: nog 11 s."
                + "\r\u001B[1A\u001B[J");
    }
}
