package nl.dockerles.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarksTest {
    @Test
    void checkAndCrossPlainWithoutColour() {
        Marks marks = new Marks(false, true);
        assertThat(marks.ok()).isEqualTo("✓");
        assertThat(marks.failed()).isEqualTo("✗");
    }

    @Test
    void asciiWhereTheCharsetHasNoCheckMark() {
        Marks marks = new Marks(false, false);
        assertThat(marks.ok()).isEqualTo("OK");
        assertThat(marks.failed()).isEqualTo("XX");
    }

    @Test
    void greenAndRedInATerminal() {
        Marks marks = new Marks(true, true);
        assertThat(marks.ok()).contains("\u001B[").contains("✓");
        assertThat(marks.failed()).contains("\u001B[").contains("✗");
    }
}
