package nl.dockerles.engine.actions;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartBackoffTest {

    @Test
    void startsAt100MillisAndDoublesUpToAMinute() {
        RestartBackoff backoff = new RestartBackoff();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            waits.add(backoff.next(Duration.ofSeconds(2)).toMillis());
        }
        assertThat(waits).containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 51200L,
                60000L, 60000L, 60000L);
    }

    @Test
    void aRunOfTenSecondsOrMoreStartsTheScheduleAgain() {
        RestartBackoff backoff = new RestartBackoff();
        backoff.next(Duration.ofSeconds(2));
        backoff.next(Duration.ofSeconds(2));
        assertThat(backoff.next(Duration.ofMillis(9_999))).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.next(null)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aCopyLooksAheadWithoutChangingTheOriginal() {
        RestartBackoff backoff = new RestartBackoff();
        backoff.next(Duration.ZERO);
        RestartBackoff ahead = backoff.copy();
        assertThat(ahead.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
        assertThat(ahead.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.next(Duration.ZERO)).isEqualTo(Duration.ofMillis(200));
    }
}
