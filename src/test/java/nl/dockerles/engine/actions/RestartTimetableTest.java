package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTimetableTest {

    @Test
    void fixedColumnsSoEachLineLinesUpWithTheHeader() {
        RestartTimetable table = new RestartTimetable(Messages.dutch());
        assertThat(table.header())
                .isEqualTo("RESTARTCOUNT TIJD         TUSSENPOOS   GEDRAAID     GEWACHT      SCHEMA\n");
        assertThat(table.first(0)).isEqualTo("0            0,0 s\n");
        assertThat(table.row(5, Duration.ofMillis(15_600), Duration.ofMillis(3_800), Duration.ofMillis(2_010),
                Duration.ofMillis(1_790), Duration.ofMillis(1_600)))
                .isEqualTo("5            15,6 s       3,8 s        2,0 s        1,8 s        1,6 s\n");
        assertThat(table.row(1, Duration.ofMillis(2_600), Duration.ofMillis(2_600), null, null,
                Duration.ofMillis(100))).isEqualTo("1            2,6 s        2,6 s        ?            ?            0,10 s\n");
    }

    @Test
    void belowTheFullWidthShortHeadersNarrowColumnsAndALegend() {
        RestartTimetable full = new RestartTimetable(Messages.dutch(), 78);
        RestartTimetable narrow = new RestartTimetable(Messages.dutch(), 50);

        assertThat(full.legend()).isNull();
        assertThat(narrow.header()).isEqualTo("NR      TIJD    TUSSEN  LIEP    WACHT   SCHEMA\n");
        String row = narrow.row(12, Duration.ofMillis(115_600), Duration.ofMillis(53_800), Duration.ofMillis(2_010),
                Duration.ofMillis(51_790), Duration.ofMillis(51_200));
        assertThat(row).isEqualTo("12      115,6 s 53,8 s  2,0 s   51,8 s  51,2 s\n");
        assertThat(row.length() - 1).isLessThanOrEqualTo(50);
        assertThat(narrow.legend()).startsWith("NR is de RestartCount.").contains("TUSSEN: van start tot start.");
    }

    @Test
    void englishHeadersAndDecimalPoints() {
        RestartTimetable table = new RestartTimetable(ProcessActionTesting.english());
        assertThat(table.header()).startsWith("RESTARTCOUNT TIME         GAP").endsWith("SCHEDULE\n");
        assertThat(table.seconds(Duration.ofMillis(1_250))).isEqualTo("1.3 s");
        assertThat(table.seconds(Duration.ofMillis(400))).isEqualTo("0.40 s");
    }

    @Test
    void theComingWaitsFollowTheSchedule() {
        RestartTimetable table = new RestartTimetable(Messages.dutch());
        RestartBackoff backoff = new RestartBackoff();
        for (int i = 0; i < 7; i++) {
            backoff.next(Duration.ofSeconds(2));
        }
        assertThat(table.comingWaits(backoff, 3)).isEqualTo("12,8 s, 25,6 s, 51,2 s");
        assertThat(table.comingWaits(backoff, 3)).as("looking ahead changes nothing").isEqualTo("12,8 s, 25,6 s, 51,2 s");
    }
}
