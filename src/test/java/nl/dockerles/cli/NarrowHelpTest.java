package nl.dockerles.cli;

import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Runs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --help in a window narrower than picocli's 55 columns: lines break between words, entries stay whole. */
class NarrowHelpTest {

    private static String help() {
        return Runs.run(env -> null, new FakeTime(), Map.of("LANG", "C"), "--help").out();
    }

    @Test
    void atFiftyColumnsNoLineIsLongerAndNoWordIsCut() {
        String help = help();
        String narrow = NarrowHelp.reflow(help, 50);

        assertThat(narrow.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        assertThat(words(narrow)).isEqualTo(words(help));
        assertThat(narrow).contains("\n  demo                   Presenteert een sectie\n                           stap voor stap:");
        assertThat(narrow).startsWith("Gebruik: dockerles [-hV] [--debug] [--no-color]\n                   [--lang");
    }

    @Test
    void anExitCodesMeaningContinuesUnderItsOwnColumn() {
        String narrow = NarrowHelp.reflow("    8  de workshop kan hier (nog) niet draaien (check)\n"
                + "  130  onderbroken (Ctrl-C)", 40);

        assertThat(narrow).isEqualTo("    8  de workshop kan hier (nog) niet\n"
                + "         draaien (check)\n"
                + "  130  onderbroken (Ctrl-C)");
    }

    @Test
    void anOptionsDescriptionContinuesUnderTheDescription() {
        String narrow = NarrowHelp.reflow("      --prefix=NAAM   Zet NAAM voor alle namen en labels van deze run", 50);

        assertThat(narrow).isEqualTo("      --prefix=NAAM   Zet NAAM voor alle namen en\n"
                + "                        labels van deze run");
    }

    @Test
    void picocliColoursDoNotCountAsColumns() {
        String coloured = "      \u001B[33m--auto\u001B[39m\u001B[0m              Loopt zonder te wachten door\n"
                + "                            alle stappen.";

        assertThat(NarrowHelp.reflow(coloured, 50)).isEqualTo("      --auto              Loopt zonder te wachten\n"
                + "                            door alle stappen.");
    }

    @Test
    void aDescriptionUnderALongOptionContinuesUnderItself() {
        String help = "      --interactief, --interactive\n"
                + "                          Bij -it-stappen typ je zelf\n"
                + "                            in de shell van de container.";

        assertThat(NarrowHelp.reflow(help, 50)).isEqualTo("      --interactief, --interactive\n"
                + "                          Bij -it-stappen typ je\n"
                + "                            zelf in de shell van\n"
                + "                            de container.");
    }

    @Test
    void wideEnoughIsLeftAsItIs() {
        String help = help();
        assertThat(NarrowHelp.reflow(help, 200)).isEqualTo(help);
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }
}
