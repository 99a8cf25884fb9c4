package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.TimeSource;
import nl.dockerles.testing.FakeDocker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RestartWatchActionTest {
    private static final String ID = "c0ffee0000000000000000000000000000000000000000000000000000000000";
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private final ProcessActionTesting testing = new ProcessActionTesting();
    private final RestartWatchAction action = new RestartWatchAction();

    /**
     * A container that runs 2 s, then Docker waits its schedule plus 0.5 s of its own work: as measured on 20.10.
     * All events are there as soon as the action follows them.
     */
    static final class Crashing extends FakeDocker {
        private final List<ContainerEvent> events = new ArrayList<>();
        private final int countAtStart;
        private final Instant startedAt;
        private int inspections;
        Map<String, String> followedLabels;

        Crashing(ProcessActionTesting testing, int countAtStart, int restarts) {
            this(testing, countAtStart, restarts, 20_000_000L);
        }

        /** {@code startEventNanos}: when the start event of the run inspect shows came, after its StartedAt. */
        Crashing(ProcessActionTesting testing, int countAtStart, int restarts, long startEventNanos) {
            super(testing.time);
            this.countAtStart = countAtStart;
            RestartBackoff schedule = new RestartBackoff();
            for (int i = 0; i < countAtStart; i++) {
                schedule.next(Duration.ZERO);
            }
            long start = 0;
            for (int n = 1; n <= restarts; n++) {
                long die = start + 2_000_000_000L;
                long next = die + schedule.next(Duration.ofSeconds(2)).toNanos() + 500_000_000L;
                events.add(event("die", die));
                events.add(event("start", next));
                start = next;
            }
            // The start that inspect already told about, seen once more as an event: not a restart.
            events.add(0, event("start", startEventNanos));
            startedAt = T0;
        }

        private static ContainerEvent event(String action, long offsetNanos) {
            long at = T0.getEpochSecond() * 1_000_000_000L + offsetNanos;
            return new ContainerEvent(action, ID, "crashingbackgroundprocess", at, Map.of());
        }

        @Override
        public Optional<ContainerInfo> inspectContainer(String nameOrId) {
            inspections++;
            int count = inspections <= 2 ? countAtStart : countAtStart + 7;
            return Optional.of(new ContainerInfo(ID, "crashingbackgroundprocess", "busybox", "running", true, 0, 4242,
                    startedAt, null, count, Map.of(), "c0ffee000000", List.of()));
        }

        @Override
        public AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
            followedLabels = labels;
            events.forEach(sink);
            sink.accept(new ContainerEvent("start", "someone-else", "other", Long.MAX_VALUE, Map.of()));
            return () -> { };
        }
    }

    @Test
    void aLineForEveryRestartBesideDockersSchedule() {
        Crashing docker = new Crashing(testing, 0, 9);
        var context = testing.context(docker, "restart", true);

        String shown = action.run(context, Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).isEqualTo("0            0,0 s");
        assertThat(rows.get(1)).isEqualTo("1            2,6 s        2,6 s        2,0 s        0,60 s       0,10 s");
        assertThat(rows.get(7)).isEqualTo("7            30,2 s       8,9 s        2,0 s        6,9 s        6,4 s");
        assertThat(schedule(rows)).containsExactly("0,10", "0,20", "0,40", "0,80", "1,6", "3,2", "6,4");
        assertThat(shown).contains("Volgens het schema wacht Docker hierna 12,8 s, 25,6 s, 51,2 s");
        assertThat(docker.followedLabels).isEqualTo(context.run().labels());
        assertThat(testing.facts.get("restart.watched")).isEqualTo("7");
        assertThat(testing.facts.get("restart.count")).isEqualTo("7");
        assertThat(testing.facts.get("restart.gaps")).isEqualTo("2,6 · 2,7 · 2,9 · 3,3 · 4,1 · 5,7 · 8,9");
        assertThat(testing.facts.get("restart.firstGap")).isEqualTo("2,6");
        assertThat(testing.facts.get("restart.lastGap")).isEqualTo("8,9");
        assertThat(testing.facts.get("restart.lastWait")).isEqualTo("6,4");
        assertThat(testing.facts.get("restart.nextWaits")).isEqualTo("12,8 s, 25,6 s, 51,2 s");
        // 30.2 + (2 + 12.8) + (2 + 25.6) + 2: the ninth run ends and the count becomes 10.
        assertThat(testing.facts.get("restart.tenAt")).isEqualTo("75");
    }

    @Test
    void theTableCountsFromTheStartEventNotFromInspectsStartedAt() {
        // Docker 28 with the containerd store: StartedAt is 0.4 s before the start event of that run.
        Crashing docker = new Crashing(testing, 0, 9, 400_000_000L);

        String shown = action.run(testing.context(docker, "restart", true),
                Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows.get(1)).isEqualTo("1            2,2 s        2,2 s        1,6 s        0,60 s       0,10 s");
        assertThat(testing.facts.get("restart.firstGap")).isEqualTo("2,2");
    }

    @Test
    void withAPresenterItWatchesLonger() {
        Crashing docker = new Crashing(testing, 0, 9);

        String shown = action.run(testing.context(docker, "restart", false),
                Map.of("container", "crashingbackgroundprocess", "restarts", "5", "presenterRestarts", "8"));

        assertThat(shown.lines().filter(line -> line.matches("^\\d+ .*"))).hasSize(9);
        assertThat(testing.facts.get("restart.watched")).isEqualTo("8");
    }

    @Test
    void restartsBeforeWeLookedAreCountedNotMeasured() {
        Crashing docker = new Crashing(testing, 3, 4);

        String shown = action.run(testing.context(docker, "restart", true),
                Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        assertThat(testing.screen()).contains("Deze container was al 3 keer herstart");
        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows.get(0)).startsWith("3 ");
        assertThat(rows.get(1)).startsWith("4 ");
        assertThat(schedule(rows)).containsExactly("0,80", "1,6", "3,2", "6,4");
        assertThat(testing.facts.get("restart.watched")).isEqualTo("4");
        // Before we looked: about (2 + 0.1) + (2 + 0.2) + (2 + 0.4) s since docker run, then 4 measured gaps.
        assertThat(Long.parseLong(testing.facts.get("restart.tenAt"))).isBetween(70L, 80L);
    }

    @Test
    void stopsAtTheTimeLimitWhenNothingHappens() {
        Crashing docker = new Crashing(testing, 0, 0);

        long started = System.nanoTime();
        action.run(testing.context(docker, "restart", true, Messages.dutch(), TimeSource.SYSTEM),
                Map.of("container", "crashingbackgroundprocess", "seconds", "1"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(testing.screen()).contains("Na 1 seconden gestopt met kijken (0 herstarts gezien)");
        assertThat(testing.facts.get("restart.watched")).isEqualTo("0");
        assertThat(testing.facts.get("restart.gaps")).isEqualTo("?");
    }

    @Test
    void theShellEquivalentWaitsForTheSameRestartCount() {
        assertThat(action.shell(Map.of("container", "crashingbackgroundprocess", "seconds", "30")))
                .isEqualTo("timeout 30 sh -c 'until docker inspect -f \"{{if and (ge .RestartCount 7)"
                        + " (not .State.Restarting)}}ok{{end}}\" crashingbackgroundprocess | grep -q ok; do sleep 0.2; done'"
                        + " || true; docker inspect -f 'RestartCount {{.RestartCount}}' crashingbackgroundprocess");
    }

    @Test
    void theTenthRestartComesWhenTheNinthRunEnds() {
        RestartBackoff backoff = new RestartBackoff();
        for (int i = 0; i < 9; i++) {
            backoff.next(Duration.ZERO);
        }
        assertThat(RestartWatchAction.tenthRestartAt(9, 69_000_000_000L, Duration.ofSeconds(2), backoff))
                .isEqualTo(71.0);
    }

    private static List<String> schedule(List<String> rows) {
        List<String> waits = new ArrayList<>();
        Pattern last = Pattern.compile("(\\d+,\\d+) s$");
        for (String row : rows.subList(1, rows.size())) {
            Matcher m = last.matcher(row);
            if (m.find()) {
                waits.add(m.group(1));
            }
        }
        return waits;
    }
}
