package nl.dockerles.it;

import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.dockerles.it.IsolationIT.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code dockerles demo restart}: --restart=always, measured gaps between starts beside Docker's back-off. */
class RestartIT {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern ROW = Pattern.compile(
            "(?m)^(\\d+) +(\\d+,\\d+) s +(\\d+,\\d+) s +(\\d+,\\d+) s +(\\d+,\\d+) s +(\\d+,\\d+) s$");

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("restart")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void dockerRestartsWithADoublingWaitAndStopEndsIt() throws Exception {
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "restart");
        Instant end = Instant.now();
        String out = result.out();
        String text = IsolationIT.flat(out);

        assertThat(Duration.between(start, end)).as("the whole section").isLessThan(Duration.ofSeconds(90));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(out).doesNotContainPattern(IsolationIT.UNFILLED).doesNotContain("\u001B[");
        assertThat(out).contains("$ docker logs --tail 5 crashingbackgroundprocess");
        assertThat(text).contains("Achter --tail hoort een getal (of all)");
        // What this daemon did, in words: Docker Engine follows its doubling schedule; Podman restarts at once.
        boolean podman = DaemonState.podman();
        assertThat(text).contains(podman ? "deze daemon herstartte meteen" : "Deze daemon volgt het schema van Docker")
                .doesNotContain("na 90 seconden");

        // The live table: a row per restart, RestartCount 1, 2, ...; Docker's schedule 100 ms doubling.
        List<double[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(rows.size() + 1);
            rows.add(new double[] {number(m.group(2)), number(m.group(3)), number(m.group(4)), number(m.group(5)),
                    number(m.group(6))});
        }
        assertThat(rows.size()).as("restarts observed in:\n" + out).isGreaterThanOrEqualTo(5);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[4]).as("Docker's wait before restart " + (i + 1))
                    .isCloseTo(0.1 * Math.pow(2, i), within(0.001));
            assertThat(rows.get(i)[2]).as("run " + (i + 1) + " lasted the sleep 2").isBetween(1.9, 3.0);
            if (podman) {
                assertThat(rows.get(i)[3]).as("Podman restarts at once").isLessThan(1.0);
            } else {
                assertThat(rows.get(i)[3]).as("measured wait is at least the schedule")
                        .isGreaterThan(rows.get(i)[4] - 0.05);
            }
        }
        double firstGap = rows.get(0)[1];
        double lastGap = rows.get(rows.size() - 1)[1];
        if (podman) {
            assertThat(lastGap).as("gaps stay the run's length").isLessThan(firstGap + 1.0);
        } else {
            assertThat(lastGap).as("gaps grow overall").isGreaterThan(firstGap + 1.0);
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i)[1]).as("gap " + (i + 1)).isGreaterThan(rows.get(i - 1)[1] - 1.0);
            }
        }

        // The gaps printed are the daemon's own: start events of the container, one more than the restarts.
        List<Event> events = DaemonState.events("restart", start, end);
        List<Long> starts = events.stream().filter(e -> "start".equals(e.getAction())).map(Event::getTimeNano)
                .toList();
        assertThat(starts.size()).isGreaterThanOrEqualTo(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            double gap = (starts.get(i + 1) - starts.get(i)) / 1e9;
            assertThat(rows.get(i)[1]).as("gap " + (i + 1) + " against the daemon's events").isCloseTo(gap,
                    within(0.15));
        }

        // Stopped with RestartCount >= 5; the logs grew, one foo per start; cleanup removed the container.
        int restartCount = Integer.parseInt(group(text, "met een RestartCount van (\\d+)"));
        assertThat(restartCount).isGreaterThanOrEqualTo(5);
        int lines = Integer.parseInt(group(text, "(\\d+) keer foo: één regel voor elke start"));
        assertThat(lines).isGreaterThanOrEqualTo(rows.size() + 1);
        assertThat(Integer.parseInt(group(text, "Tot nu toe (\\d+) keer foo"))).isLessThan(lines);
        assertThat(events).extracting(Event::getAction).containsSubsequence("create", "start", "die", "start",
                "kill", "destroy");
        assertThat(events).filteredOn(e -> "die".equals(e.getAction()))
                .allSatisfy(e -> assertThat(e.getActor().getAttributes().get("exitCode")).isEqualTo("0"));
    }

    private static double number(String dutch) {
        return Double.parseDouble(dutch.replace(',', '.'));
    }
}
