package nl.dockerles.ui;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Narrow windows: a long command breaks where a shell allows it, a title between words. */
class WrapTest {

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
    void aWordLongerThanTheLineStaysWhole() {
        String wrapped = Wrap.command("docker run -v /a/very/long/path/that/does/not/fit/anywhere:/w busybox", 20, 22, "  ");

        assertThat(wrapped).contains("/a/very/long/path/that/does/not/fit/anywhere:/w").doesNotContain("\\\n  \\");
    }

    @Test
    void theConsoleWrapsOnlyWhatDoesNotFit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 50);

        console.command("docker ps -a");
        console.command("docker run -d --name web -p 127.0.0.1:8080:80 nginx --with-something long");
        console.title("Filesystem snapshots  (4. filesystem snapshots en wat ze je geven)");

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("$ docker ps -a\n").contains(" \\\n    ");
        assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(out).contains("Filesystem snapshots (4. filesystem snapshots en\nwat ze je geven)");
    }
}
