package nl.dockerles.content;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {

    @Test
    void knownNamesAreFilledAndUnknownOnesStay() {
        Map<String, String> values = Map.of("demo.status", "Exited (137) 2 seconds ago", "port", "8080");
        assertThat(Placeholders.fill("{demo.status} op {port}, {nope}", values::get))
                .isEqualTo("Exited (137) 2 seconds ago op 8080, {nope}");
    }

    @Test
    void aValueWithDollarsAndBackslashesIsTakenLiterally() {
        assertThat(Placeholders.fill("{x}", name -> "$1 \\n")).isEqualTo("$1 \\n");
    }

    @Test
    void aGoTemplateIsNoPlaceholderOfItsOwnButItsInnerFieldIsAName() {
        assertThat(Placeholders.names("docker inspect -f '{{.State.Status}}' {name} {my-volume_2}"))
                .containsExactly(".State.Status", "name", "my-volume_2");
        assertThat(Placeholders.fill("{{.State.Status}}", name -> null)).isEqualTo("{{.State.Status}}");
    }
}
