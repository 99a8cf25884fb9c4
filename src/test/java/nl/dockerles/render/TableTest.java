package nl.dockerles.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Laid out as Go's tabwriter in the docker CLI: minimum width 10, padding 3, the last column as it is. */
class TableTest {

    @Test
    void shortColumnsAreTenWide() {
        assertThat(new Table("A", "B", "C").row("x", "y", "z").render()).isEqualTo("""
                A         B         C
                x         y         z
                """);
    }

    @Test
    void theWidestCellPlusThreeSetsTheColumn() {
        assertThat(new Table("REPOSITORY", "TAG", "SIZE").row("dockerles-app", "latest", "4.86MB").render())
                .isEqualTo("""
                        REPOSITORY      TAG       SIZE
                        dockerles-app   latest    4.86MB
                        """);
    }

    @Test
    void noTrailingSpacesWhenTheLastCellIsEmpty() {
        assertThat(new Table("NAME", "PORTS").row("web", "").render()).isEqualTo("NAME      PORTS\nweb\n");
    }

    @Test
    void widthCountsCharactersNotBytes() {
        assertThat(new Table("NAAM", "X").row("één", "1").render()).isEqualTo("NAAM      X\néén       1\n");
    }

    @Test
    void aHeaderWiderThanItsCellsSetsTheColumnToo() {
        assertThat(new Table("CONTAINER ID", "NAMES").row("ab", "web").render()).isEqualTo("""
                CONTAINER ID   NAMES
                ab             web
                """);
    }
}
