package nl.dockerles.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aWordLongerThanTheWidthIsNotCut() {
        assertThat(Wrap.wrap("zie unix:///var/run/docker.sock hier", 10, ""))
                .isEqualTo("zie\nunix:///var/run/docker.sock\nhier");
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
}
