package nl.dockerles.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Narrow windows: a long command breaks where a shell allows it, a title between words. */
class WrapTest {

    @Test
    void wrapsBetweenWordsAtTheWidth() {
        assertThat(Wrap.wrap("een twee drie vier vijf", 10, "")).isEqualTo("een twee\ndrie vier\nvijf");
    }

    @Test
    void theIndentCountsInTheWidth() {
        assertThat(Wrap.wrap("een twee drie", 10, "  ")).isEqualTo("  een twee\n  drie");
    }

    @Test
    void paragraphsStayParagraphs() {
        assertThat(Wrap.wrap("een\ntwee\n\ndrie", 40, "")).isEqualTo("een twee\n\ndrie");
    }

    @Test
    void indentedAndListLinesKeepTheirOwnLine() {
        // A plain line after a list item goes on with the item.
        assertThat(Wrap.wrap("Zo:\n  docker ps -a\n- een punt\nen verder", 40, ""))
                .isEqualTo("Zo:\n  docker ps -a\n- een punt en verder");
    }

    @Test
    void aWordLongerThanTheWidthBreaksAfterASlashOrAtTheEdge() {
        assertThat(Wrap.wrap("zie https://docs.docker.com/build/building/best-practices/ hier", 30, "  "))
                .isEqualTo("  zie\n  https://docs.docker.com/\n  build/building/\n  best-practices/ hier");
        String digest = "sha256:68e780e0d968d5004945dcfa5451723d7a8d87fb455fb9fc75096daa3e2aeea1";
        String wrapped = Wrap.wrap("De digest: " + digest + ".", 40, "  ");
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(wrapped.replace("\n  ", "")).isEqualTo("  De digest:" + digest + ".");
    }

    @Test
    void anAdviceLineStartsInTheSameColumnShortOrLong() {
        String shortItem = Wrap.line("  - Linux: start docker.", 40, "    ");
        String longItem = Wrap.line("  - Mac of Windows: start Docker Desktop en wacht tot het zegt dat Docker draait.",
                40, "    ");
        assertThat(shortItem).isEqualTo("      - Linux: start docker.");
        assertThat(longItem).isEqualTo("      - Mac of Windows: start Docker\n"
                + "        Desktop en wacht tot het zegt\n"
                + "        dat Docker draait.");
        assertThat(longItem.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(Wrap.line("Wat nu: haal het op met dockerles prepare.", 30, "    "))
                .isEqualTo("    Wat nu: haal het op met\n    dockerles prepare.");
    }


    @Test
    void aLongCommandBreaksAtSpacesOutsideQuotesWithABackslash() {
        String command = "docker run -d --restart=always --name crashingbackgroundprocess busybox sh -c 'echo foo && sleep 2'";

        String wrapped = Wrap.command(command, 48, 50, "    ");

        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(wrapped).contains("'echo foo && sleep 2'");
        assertThat(wrapped.lines().limit(wrapped.lines().count() - 1)).allSatisfy(line -> assertThat(line).endsWith(" \\"));
        assertThat(wrapped.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith("    ").doesNotStartWith("     "));
        // What a shell reads is the same command.
        assertThat(wrapped.replace(" \\\n    ", " ")).isEqualTo(command);
    }

    @Test
    void aWordLongerThanTheLineBreaksWhereTheShellJoinsItAgain() throws Exception {
        String[] commands = {
            "docker save -o /tmp/dockerles-15531471689790924049/hallo.tar les/hallo",
            "docker pull 127.0.0.1:5001/les/hallo@sha256:68e780e0d968d5004945dcfa5451723d7a8d87fb455fb9fc75096daa3e2aeea1",
            "docker exec db psql -c \"INSERT INTO klanten VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')\"",
            "docker run -v \"/tmp/dockerles-11322575049969224610/project\":/src busybox sh -c 'echo een heel lang stuk "
                    + "tekst dat niet past op een regel van vijftig tekens'",
        };
        for (String command : commands) {
            String wrapped = Wrap.command(command, 48, 50, "    ");
            assertThat(wrapped.lines()).as(wrapped).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
            assertThat(words(wrapped)).as(wrapped).isEqualTo(words(command));
        }
    }

    /** The words a shell hands the command: what the audience copies runs as what dockerles ran. */
    private static String words(String command) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "eval \"set -- $1\"; printf '[%s]' \"$@\"", "sh", command)
                .redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void theConsoleWrapsOnlyWhatDoesNotFit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 50);

        console.command("docker ps -a");
        console.command("docker run -d --name web -p 127.0.0.1:8080:80 nginx --with-something long");
        console.title("Filesystem snapshots  (4. filesystem snapshots en wat ze je geven)");

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("$ docker ps -a\n").contains(" \\\n    ");
        assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(out).contains("Filesystem snapshots (4. filesystem snapshots en\nwat ze je geven)");
    }

    @Test
    void pipedOutputKeepsEachCommandOnOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 50);

        console.command("docker run -d --name web -p 127.0.0.1:8080:80 nginx --with-something long");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("$ docker run -d --name web -p 127.0.0.1:8080:80 nginx --with-something long\n");
    }
}
