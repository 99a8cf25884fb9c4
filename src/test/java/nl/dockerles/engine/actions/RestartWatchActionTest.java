package nl.dockerles.engine.actions;

import nl.dockerles.Messages;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker.ContainerEvent;
import nl.dockerles.engine.TimeSource;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;
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
    /** A container that crashes and is restarted: its inspect and its events, on the one fake daemon. */
    static final class Crashing {
        final FakeDocker daemon;
        private final List<ContainerEvent> events = new ArrayList<>();
        private final int countAtStart;
        private final Instant startedAt;
        private int inspections;
        Map<String, String> followedLabels;

        Crashing(ProcessActionTesting testing, int countAtStart, int restarts) {
            this(testing, countAtStart, restarts, 20_000_000L, null);
        }

        /** {@code startEventNanos}: when the start event of the run inspect shows came, after its StartedAt. */
        Crashing(ProcessActionTesting testing, int countAtStart, int restarts, long startEventNanos) {
            this(testing, countAtStart, restarts, startEventNanos, null);
        }

        /** With {@code atOnce} the daemon waits that long every time, as Podman does, instead of Docker's schedule. */
        Crashing(ProcessActionTesting testing, int countAtStart, int restarts, Duration atOnce) {
            this(testing, countAtStart, restarts, 20_000_000L, atOnce);
        }

        private Crashing(ProcessActionTesting testing, int countAtStart, int restarts, long startEventNanos,
                Duration atOnce) {
            this.daemon = new FakeDocker(testing.time);
            this.countAtStart = countAtStart;
            RestartBackoff schedule = new RestartBackoff();
            for (int i = 0; i < countAtStart; i++) {
                schedule.next(Duration.ZERO);
            }
            long start = 0;
            for (int n = 1; n <= restarts; n++) {
                long die = start + 2_000_000_000L;
                long next = die + (atOnce != null ? atOnce.toNanos()
                        : schedule.next(Duration.ofSeconds(2)).toNanos() + 500_000_000L);
                events.add(event("die", die));
                events.add(event("start", next));
                start = next;
            }
            // The start that inspect already told about, seen once more as an event: not a restart.
            events.add(0, event("start", startEventNanos));
            startedAt = T0;
            daemon.onInspectContainer = this::inspectContainer;
            daemon.onFollowEvents = this::followEvents;
        }

        private static ContainerEvent event(String action, long offsetNanos) {
            long at = T0.getEpochSecond() * 1_000_000_000L + offsetNanos;
            return new ContainerEvent(action, ID, "crashingbackgroundprocess", at, Map.of());
        }

        private Optional<ContainerInfo> inspectContainer(String nameOrId) {
            inspections++;
            int count = inspections <= 2 ? countAtStart : countAtStart + 7;
            return Optional.of(Inspected.container("crashingbackgroundprocess").id(ID).started(startedAt)
                    .restarts(count).hostname("c0ffee000000").build());
        }

        private AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
            followedLabels = labels;
            events.forEach(sink);
            sink.accept(new ContainerEvent("start", "someone-else", "other", Long.MAX_VALUE, Map.of()));
            return () -> { };
        }
    }

    @Test
    void aLineForEveryRestartBesideDockersSchedule() {
        Crashing crashing = new Crashing(testing, 0, 9);
        FakeDocker docker = crashing.daemon;
        var context = testing.context(docker, "restart", true);

        String shown = action.run(context, Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).isEqualTo("0            0,0 s");
        assertThat(rows.get(1)).isEqualTo("1            2,6 s        2,6 s        2,0 s        0,60 s       0,10 s");
        assertThat(rows.get(7)).isEqualTo("7            30,2 s       8,9 s        2,0 s        6,9 s        6,4 s");
        assertThat(schedule(rows)).containsExactly("0,10", "0,20", "0,40", "0,80", "1,6", "3,2", "6,4");
        assertThat(shown).contains("Volgens het schema wacht Docker hierna 12,8 s, 25,6 s, 51,2 s");
        assertThat(crashing.followedLabels).isEqualTo(context.run().labels());
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

    /** The events come when the fake clock reaches them; waiting for one moves the clock on, as time would. */
    static final class ClockQueue implements RestartWatchAction.EventQueue {
        private final FakeTime time;
        private final List<ContainerEvent> events = new ArrayList<>();
        private final long base = T0.getEpochSecond() * 1_000_000_000L;

        ClockQueue(FakeTime time) {
            this.time = time;
        }

        @Override
        public void add(ContainerEvent event) {
            events.add(event);
            events.sort(java.util.Comparator.comparingLong(ContainerEvent::timeNanos));
        }

        @Override
        public ContainerEvent poll(long millis) {
            long now = time.nanoTime();
            if (!events.isEmpty() && events.get(0).timeNanos() - base <= now + millis * 1_000_000) {
                ContainerEvent next = events.remove(0);
                time.advance(Duration.ofNanos(Math.max(0, next.timeNanos() - base - now)));
                return next;
            }
            time.advance(Duration.ofMillis(millis));
            return null;
        }
    }

    @Test
    void withLongWaitsItWaitsUntilTheMinuteAndCountsEachLongWaitDown() {
        FakeDocker docker = new Crashing(testing, 0, 12).daemon;
        var context = testing.context(docker, "restart", true).withLongWaits(11);

        String shown = new RestartWatchAction(() -> new ClockQueue(testing.time)).run(context,
                Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows).hasSize(12);
        assertThat(schedule(rows)).endsWith("25,6", "51,2", "60,0");
        // Piped: a plain line when the wait begins and every ten seconds; short waits get none.
        String screen = testing.screen();
        assertThat(screen).doesNotContain("Docker wacht 1,6 s").contains("Docker wacht 3,2 s voor de volgende start: nog 3 s.");
        assertThat(countdown(screen, "51,2 s")).containsExactly("51", "41", "31", "21", "11", "1");
        assertThat(countdown(screen, "60,0 s")).containsExactly("60", "50", "40", "30", "20", "10", "nu elk moment");
        // Each countdown comes between the die and the start: before the row of that restart.
        assertThat(screen.indexOf("Docker wacht 51,2 s voor de volgende start: nog 1 s."))
                .isLessThan(screen.indexOf("\n10 ")).isGreaterThan(screen.indexOf("\n9 "));
        assertThat(screen).contains("Volgens het schema wacht Docker voortaan steeds een minuut");
        assertThat(testing.facts.get("restart.long")).isEqualTo("De laatste twee wachttijden wachtten we ook af: "
                + "51,7 s en 60,5 s, volgens het schema 51,2 s en 60,0 s.");
        assertThat(testing.facts.get("restart.pattern")).contains("Deze daemon volgt het schema van Docker");
    }

    @Test
    void onATerminalTheCountdownIsOneLineRedrawnEverySecond() {
        FakeDocker docker = new Crashing(testing, 0, 8).daemon;
        var plain = testing.context(docker, "restart", true).withLongWaits(8);
        java.io.ByteArrayOutputStream screen = new java.io.ByteArrayOutputStream();
        StringBuilder livePage = new StringBuilder();
        var context = plain.withConsole(new nl.dockerles.ui.Console(new java.io.PrintStream(screen, true,
                java.nio.charset.StandardCharsets.UTF_8), true, 100).tapped(livePage::append));

        new RestartWatchAction(() -> new ClockQueue(testing.time)).run(context,
                Map.of("container", "crashingbackgroundprocess"));

        String text = screen.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        assertThat(countdown(text, "6,4 s")).containsExactly("6", "5", "4", "3", "2", "1", "nu elk moment");
        assertThat(countdown(text, "12,8 s")).hasSize(14);
        // Redrawn in place: every countdown text starts by wiping the line; the row that follows wipes it too.
        assertThat(text).contains("\r\u001B[KDocker wacht 12,8 s voor de volgende start: nog 13 s.\r\u001B[K"
                + "Docker wacht 12,8 s voor de volgende start: nog 12 s.");
        assertThat(text).containsPattern("nu elk moment\\.\r\u001B\\[K8 ");
        assertThat(text).doesNotContain("nog 12 s.\n");
        // The live page (--meekijken) gets the table, not the countdown that is redrawn on this screen only.
        assertThat(livePage.toString()).contains("RESTARTCOUNT").doesNotContain("Docker wacht");
    }

    @Test
    void withoutLongWaitsTheNoteSaysTheyWereNotWaitedFor() {
        FakeDocker docker = new Crashing(testing, 0, 9).daemon;

        new RestartWatchAction(() -> new ClockQueue(testing.time)).run(testing.context(docker, "restart", true),
                Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        assertThat(testing.screen()).doesNotContain("Docker wacht");
        assertThat(testing.facts.get("restart.long")).isEqualTo("De langere wachttijden daarna wachtten we niet af.");
    }

    @Test
    void aFewLongWaitsSayWhichWereWaitedOutAndWhichNot() {
        FakeDocker docker = new Crashing(testing, 0, 9).daemon;

        new RestartWatchAction(() -> new ClockQueue(testing.time)).run(
                testing.context(docker, "restart", true, ProcessActionTesting.english()).withLongWaits(7),
                Map.of("container", "crashingbackgroundprocess"));

        assertThat(testing.screen()).contains("Docker waits 6.4 s before the next start: 6 s to go.");
        assertThat(testing.facts.get("restart.long")).isEqualTo("We waited out the last two waits too: 3.7 s and"
                + " 6.9 s, by the schedule 3.2 s and 6.4 s. We did not wait for the longer waits after that.");
    }

    @Test
    void aDaemonThatRestartsAtOnceHasNoLongWaits() {
        FakeDocker docker = new Crashing(testing, 0, 11, Duration.ofMillis(60)).daemon;

        new RestartWatchAction(() -> new ClockQueue(testing.time)).run(
                testing.context(docker, "restart", true).withLongWaits(11),
                Map.of("container", "crashingbackgroundprocess"));

        assertThat(testing.facts.get("restart.behaviour")).isEqualTo("immediate");
        assertThat(testing.facts.get("restart.long")).isEqualTo("Lange wachttijden komen hier niet.");
        assertThat(testing.screen()).doesNotContain("Docker wacht").doesNotContain("Volgens het schema");
    }

    @Test
    void aStopDuringTheCountdownEndsTheWatchWithinASecond() throws Exception {
        // Nine restarts before we looked: the next wait is 51,2 s, and the start does not come in this test.
        FakeDocker docker = new Crashing(testing, 9, 0).daemon;
        docker.onFollowEvents = (labels, sink) -> {
            sink.accept(new ContainerEvent("die", ID, "crashingbackgroundprocess",
                    T0.getEpochSecond() * 1_000_000_000L + 2_000_000_000L, Map.of()));
            return () -> { };
        };
        var context = testing.context(docker, "restart", false, Messages.dutch(), TimeSource.SYSTEM).withLongWaits(11);
        java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
        Thread watch = new Thread(() -> {
            try {
                action.run(context, Map.of("container", "crashingbackgroundprocess"));
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        watch.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!testing.screen().contains("Docker wacht") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(testing.screen()).contains("Docker wacht 51,2 s voor de volgende start: nog 51 s.");
        long stopped = System.nanoTime();
        watch.interrupt();
        watch.join(Duration.ofSeconds(1).toMillis());

        assertThat(watch.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(1));
        assertThat(ended.get()).isInstanceOf(nl.dockerles.DockerlesException.class);
        assertThat(((nl.dockerles.DockerlesException) ended.get()).exitCode()).isEqualTo(nl.dockerles.ExitCode.INTERRUPTED);
    }

    @Test
    void theLongestWatchHasRoomForTheWholeSchedule() {
        // 11 restarts: 162,3 s of waits by the schedule, 4 s per restart for the runs, 30 s to spare.
        assertThat(RestartWatchAction.scheduleUpTo(11)).isEqualTo(Duration.ofMillis(236_300));
    }

    /** The countdown lines of one wait, by what they said: "51", "41", ... or "nu elk moment". */
    private static List<String> countdown(String screen, String wait) {
        List<String> said = new ArrayList<>();
        Matcher m = Pattern.compile("Docker wacht " + Pattern.quote(wait)
                + " voor de volgende start: (?:nog (\\d+) s|(nu elk moment))\\.").matcher(screen);
        while (m.find()) {
            said.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return said;
    }

    @Test
    void theTableCountsFromTheStartEventNotFromInspectsStartedAt() {
        // Docker 28 with the containerd store: StartedAt is 0.4 s before the start event of that run.
        FakeDocker docker = new Crashing(testing, 0, 9, 400_000_000L).daemon;

        String shown = action.run(testing.context(docker, "restart", true),
                Map.of("container", "crashingbackgroundprocess", "restarts", "7"));

        List<String> rows = shown.lines().filter(line -> line.matches("^\\d+ .*")).toList();
        assertThat(rows.get(1)).isEqualTo("1            2,2 s        2,2 s        1,6 s        0,60 s       0,10 s");
        assertThat(testing.facts.get("restart.firstGap")).isEqualTo("2,2");
    }

    @Test
    void withAPresenterItWatchesLonger() {
        FakeDocker docker = new Crashing(testing, 0, 9).daemon;

        String shown = action.run(testing.context(docker, "restart", false),
                Map.of("container", "crashingbackgroundprocess", "restarts", "5", "presenterRestarts", "8"));

        assertThat(shown.lines().filter(line -> line.matches("^\\d+ .*"))).hasSize(9);
        assertThat(testing.facts.get("restart.watched")).isEqualTo("8");
    }

    @Test
    void restartsBeforeWeLookedAreCountedNotMeasured() {
        FakeDocker docker = new Crashing(testing, 3, 4).daemon;

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
        FakeDocker docker = new Crashing(testing, 0, 0).daemon;

        long started = System.nanoTime();
        action.run(testing.context(docker, "restart", true, Messages.dutch(), TimeSource.SYSTEM),
                Map.of("container", "crashingbackgroundprocess", "seconds", "1"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(testing.screen()).contains("Na 1 seconde gestopt met kijken (geen herstarts gezien)");
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
    void theShellLineOnScreenWaitsAsLongAndAsFarAsThisRun() {
        Map<String, String> with = Map.of("container", "crashingbackgroundprocess", "restarts", "7",
                "presenterRestarts", "8", "seconds", "60");
        FakeDocker docker = new FakeDocker(testing.time);

        assertThat(action.shell(action.asRun(testing.context(docker, "restart", true), with)))
                .isEqualTo(action.shell(with)).contains("timeout 60 ", "(ge .RestartCount 7)");
        assertThat(action.shell(action.asRun(testing.context(docker, "restart", false), with)))
                .contains("timeout 60 ", "(ge .RestartCount 8)");
        assertThat(action.shell(action.asRun(testing.context(docker, "restart", true).withLongWaits(11), with)))
                .contains("timeout 236 ", "(ge .RestartCount 11)");
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
