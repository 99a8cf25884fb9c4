package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.daemon.Docker.ApiCall;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** --api's lines: a stream shows when it ended; the step's wait for the daemon counts overlapping calls once. */
class ApiCallLinesTest {
    private static final long MS = 1_000_000;
    private final Messages dutch = Messages.dutch();
    private final Messages english = new Messages(Locale.ENGLISH);

    private static ApiCall call(String path, long sentMs, long headersMs, Long openMs) {
        return new ApiCall("POST", path, 200, Duration.ofMillis(headersMs),
                openMs == null ? null : Duration.ofMillis(openMs), 1_000 * MS + sentMs * MS);
    }

    @Test
    void aShortAnswerShowsOnlyItsTimeAndAStreamAlsoWhenItEnded() {
        assertThat(ApiCallLines.line(call("/v1.41/containers/x/start", 0, 41, 41L), english))
                .isEqualTo("POST /v1.41/containers/x/start → 200 (41 ms)");
        assertThat(ApiCallLines.line(call("/v1.41/containers/x/json", 0, 2, 9L), english))
                .isEqualTo("POST /v1.41/containers/x/json → 200 (2 ms)");
        assertThat(ApiCallLines.line(call("/v1.41/containers/x/attach", 0, 3, 412L), english))
                .isEqualTo("POST /v1.41/containers/x/attach → 200 (3 ms, stream open until 412 ms)");
        assertThat(ApiCallLines.line(call("/v1.41/containers/x/attach", 0, 3, 412L), dutch))
                .isEqualTo("POST /v1.41/containers/x/attach → 200 (3 ms, stroom open tot 412 ms)");
        // Still open when the step ended (events followed across steps): only the headers are known.
        assertThat(ApiCallLines.line(call("/v1.41/events", 0, 3, null), english))
                .isEqualTo("POST /v1.41/events → 200 (3 ms)");
    }

    @Test
    void busyCountsOverlappingCallsOnceAndGapsNotAtAll() {
        // attach 0..412 (a stream), start 5..46 inside it, wait 50..420 overlapping its end, then 500..502 on its own.
        List<ApiCall> calls = List.of(call("/attach", 0, 3, 412L), call("/start", 5, 41, 41L),
                call("/wait", 50, 370, 370L), call("/json", 500, 2, 2L));
        assertThat(ApiCall.busy(calls)).isEqualTo(Duration.ofMillis(422));
        assertThat(ApiCall.busy(List.of())).isEqualTo(Duration.ZERO);
        assertThat(ApiCall.busy(List.of(call("/events", 0, 3, null)))).isEqualTo(Duration.ofMillis(3));
        assertThat(ApiCallLines.withTotal(calls, english)).last()
                .isEqualTo("Waiting for the daemon in this step: 422 ms (together, overlap counted once).");
    }
}
