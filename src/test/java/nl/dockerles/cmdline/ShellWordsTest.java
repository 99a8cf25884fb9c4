package nl.dockerles.cmdline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellWordsTest {

    @Test
    void splitsOnSpacesAndKeepsQuotedWordsWhole() {
        assertThat(ShellWords.split("sh -c 'echo foo && sleep 2'")).containsExactly("sh", "-c", "echo foo && sleep 2");
        assertThat(ShellWords.split("echo \"a \\\"b\\\"\" c\\ d")).containsExactly("echo", "a \"b\"", "c d");
        assertThat(ShellWords.split("  a   ''  ")).containsExactly("a", "");
    }

    @Test
    void anOpenQuoteIsAnError() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(ShellWords.quote("busybox")).isEqualTo("busybox");
        assertThat(ShellWords.quote("echo foo && sleep 2")).isEqualTo("'echo foo && sleep 2'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
