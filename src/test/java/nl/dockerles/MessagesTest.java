package nl.dockerles;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing key fails loudly in the tests; a user still reads a line that says what was meant. */
class MessagesTest {

    @Test
    void theUnitTestsRunStrict() {
        assertThat(Boolean.getBoolean(Messages.STRICT)).as("surefire sets " + Messages.STRICT).isTrue();
        assertThatThrownBy(() -> Messages.dutch().get("nosuch.key", 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuch.key");
    }

    @Test
    void aUserGetsTheKeyAndItsValues() {
        String before = System.getProperty(Messages.STRICT);
        System.setProperty(Messages.STRICT, "false");
        try {
            assertThat(Messages.dutch().get("nosuch.key", "web", 8080)).isEqualTo("nosuch.key [web, 8080]");
            assertThat(Messages.dutch().get("nosuch.key")).isEqualTo("nosuch.key");
        } finally {
            System.setProperty(Messages.STRICT, before == null ? "true" : before);
        }
    }

    @Test
    void englishAndDutchFormatNumbersTheirOwnWay() {
        assertThat(new Messages(Locale.ENGLISH).get("list.seconds", 1234)).isEqualTo("~1,234 s");
        assertThat(Messages.dutch().get("list.seconds", 1234)).isEqualTo("~1.234 s");
    }
}
