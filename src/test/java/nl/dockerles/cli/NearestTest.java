package nl.dockerles.cli;

import nl.dockerles.content.Catalog;
import nl.dockerles.content.SectionEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NearestTest {
    private static final List<String> SECTIONS = new Catalog().entries().stream().map(SectionEntry::id).toList();
    private static final List<String> COMMANDS = RootCommand.SUBCOMMANDS.values().stream().flatMap(List::stream)
            .toList();

    @Test
    void aTypoOfAKeyOrTwoACaseOrAStartFindsTheName() {
        assertThat(Nearest.among("lifecylce", SECTIONS)).contains("lifecycle");
        assertThat(Nearest.among("Lifecycle", SECTIONS)).contains("lifecycle");
        assertThat(Nearest.among("snapshot", SECTIONS)).contains("snapshots");
        assertThat(Nearest.among("snap", SECTIONS)).contains("snapshots");
        assertThat(Nearest.among("port", SECTIONS)).contains("ports");
        assertThat(Nearest.among("lisst", COMMANDS)).contains("list");
        assertThat(Nearest.among("lsit", COMMANDS)).contains("list");
        assertThat(Nearest.among("pre", COMMANDS)).contains("prepare");
        assertThat(Nearest.among("--vanav", List.of("--vanaf", "--from", "--lang"))).contains("--vanaf");
        assertThat(Nearest.among("--form", List.of("--vanaf", "--from", "--lang"))).contains("--from");
        assertThat(Nearest.among("--lange", List.of("--lang", "--lange-wachttijden"))).contains("--lange-wachttijden");
    }

    @Test
    void aWordThatIsNotCloseToAnyNameFindsNothing() {
        for (String far : List.of("nope", "xyz", "x", "rn", "abc", "poorten")) {
            assertThat(Nearest.among(far, SECTIONS)).as(far).isEmpty();
        }
        for (String far : List.of("nope", "x", "de", "foo", "bar")) {
            assertThat(Nearest.among(far, COMMANDS)).as(far).isEmpty();
        }
        assertThat(Nearest.among("--lol", List.of("--long-waits", "--lang", "--auto"))).isEmpty();
        assertThat(Nearest.among("--ja-hoor", List.of("--ja", "--yes", "-y"))).isEmpty();
    }

    @Test
    void distanceCountsASwapAsOneSlip() {
        assertThat(Nearest.distance("lsit", "list")).isEqualTo(1);
        assertThat(Nearest.distance("nope", "run")).isEqualTo(4);
        assertThat(Nearest.distance("", "run")).isEqualTo(3);
    }
}
