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
        // Without --lange-wachttijden: no countdown, and the note says the longer waits were not waited for.
        assertThat(out).doesNotContain("Docker wacht");
        assertThat(text).contains(podman ? "Lange wachttijden komen hier niet."
                : "De langere wachttijden daarna wachtten we niet af.");

        // The live table: a row per restart, RestartCount 1, 2, ...; Docker's schedule 100 ms doubling.
        List<double[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(rows.size() + 1);
            rows.add(new double[] {number(m.group(2)), number(m.group(3)), number(m.group(4)), number(m.group(5)),
                    number(m.group(6))});
        }
        assertThat(rows.size()).as("restarts observed in:\n" + out).isGreaterThanOrEqualTo(5);

        // The daemon's own events: a start per run (one more than the restarts), a die after each.
        List<Event> events = DaemonState.events("restart", start, end);
        List<Long> starts = times(events, "start");
        List<Long> dies = times(events, "die");
        assertThat(starts.size()).isGreaterThanOrEqualTo(rows.size() + 1);
        assertThat(dies.size()).isGreaterThanOrEqualTo(rows.size());
        // Docker's schedule: 100 ms, doubling, but back to 100 ms after a run of 10 s or more (moby's
        // restartmanager), which a busy machine can cause: the runs, from the events, say when.
        double schedule = 0;
        for (int i = 0; i < rows.size(); i++) {
            double ran = (dies.get(i) - starts.get(i)) / 1e9;
            schedule = schedule == 0 || ran >= 10 ? 0.1 : Math.min(60, schedule * 2);
            double gap = (starts.get(i + 1) - starts.get(i)) / 1e9;
            // The gaps printed are the daemon's own: between its start events.
            assertThat(rows.get(i)[1]).as("gap " + (i + 1) + " against the daemon's events").isCloseTo(gap,
                    within(0.15));
            assertThat(rows.get(i)[2]).as("run " + (i + 1) + " lasted the sleep 2").isGreaterThanOrEqualTo(1.9)
                    .isCloseTo(ran, within(0.15));
            assertThat(rows.get(i)[4]).as("Docker's wait before restart " + (i + 1) + " after a run of " + ran + " s")
                    .isCloseTo(schedule, within(0.001));
            if (podman) {
                assertThat(rows.get(i)[3]).as("Podman restarts at once").isLessThan(1.0);
            } else {
                assertThat(rows.get(i)[3]).as("measured wait is at least the schedule").isGreaterThan(schedule - 0.05);
            }
        }

        // Stopped with RestartCount >= 5; the logs grew, one foo per start; cleanup removed the container.
        int restartCount = Integer.parseInt(group(text, "met een RestartCount van (\\d+)"));
        assertThat(restartCount).isGreaterThanOrEqualTo(5);
        int lines = Integer.parseInt(group(text, "(\\d+) keer foo: één regel voor elke start"));
        assertThat(lines).isGreaterThanOrEqualTo(rows.size() + 1);
        assertThat(Integer.parseInt(group(text, "Tot nu toe (\\d+) keer foo"))).isLessThan(lines);
        // Docker reports docker stop's SIGTERM as a kill event and the removal as destroy; Podman 4.3 reports no
        // kill event for a stop, and the removal as remove.
        assertThat(events).extracting(Event::getAction).containsSubsequence(podman
                ? List.of("create", "start", "die", "start", "die", "remove")
                : List.of("create", "start", "die", "start", "kill", "destroy"));
        assertThat(events).filteredOn(e -> "die".equals(e.getAction()))
                .allSatisfy(e -> assertThat(e.getActor().getAttributes().get("exitCode")).isEqualTo("0"));
    }

    private static List<Long> times(List<Event> events, String action) {
        return events.stream().filter(e -> action.equals(e.getAction())).map(Event::getTimeNano).toList();
    }

    /**
     * --lange-wachttijden=7 (short on purpose; without N it waits until RestartCount 11, some three minutes):
     * piped, each wait of 3 s or more gets a countdown line between the die and the next start.
     */
    @Test
    void theLongWaitsAreWaitedOutWithACountdown() throws Exception {
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "restart", "--lange-wachttijden=7");
        String out = result.out();
        String text = IsolationIT.flat(out);

        assertThat(Duration.between(start, Instant.now())).as("the whole section").isLessThan(Duration.ofSeconds(90));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out).doesNotContainPattern(IsolationIT.UNFILLED).doesNotContain("\u001B[");
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(out);
        while (m.find()) {
            rows.add(m.group());
        }
        assertThat(rows).as(out).hasSize(7);
        assertThat(rows.get(6)).startsWith("7 ").endsWith(" 6,4 s");
        if (DaemonState.podman()) {
            // Podman restarts at once: there is no long wait to wait out, no countdown, and the note says so.
            assertThat(out).doesNotContain("Docker wacht");
            assertThat(text).contains("deze daemon herstartte meteen").contains("Lange wachttijden komen hier niet.")
                    .doesNotContain("wachtten we ook af");
            return;
        }
        assertThat(out).doesNotContain("Docker wacht 1,6 s");
        int six = out.indexOf(rows.get(5));
        int countdown = out.indexOf("Docker wacht 6,4 s voor de volgende start: nog 6 s.");
        assertThat(countdown).as("the countdown between restart 6 and 7:\n" + out).isGreaterThan(six)
                .isLessThan(out.indexOf(rows.get(6)));
        assertThat(out.indexOf("Docker wacht 3,2 s voor de volgende start: nog 3 s.")).isGreaterThan(out.indexOf(rows.get(4)))
                .isLessThan(six);
        assertThat(text).containsPattern("De laatste twee wachttijden wachtten we ook af: \\d+,\\d s en \\d+,\\d s, "
                + "volgens het schema 3,2 s en 6,4 s\\. De langere wachttijden daarna wachtten we niet af\\.");
    }

    private static double number(String dutch) {
        return Double.parseDouble(dutch.replace(',', '.'));
    }
}
