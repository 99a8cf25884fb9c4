package nl.dockerles.it;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Test;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each number, name and state a note states, read from the screen of a presenter's run in tmux and compared with
 * what this test measured itself at that moment: the daemon's inspect, events, diff, history, volumes and ports,
 * the file owners on disk, and the moments the keys were pressed. Walked at a presenter's pace (pauses, r, s, a
 * taken port with a prefix), so that a note that is only true at --auto's pace fails here.
 */
class NotesTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(120);
    /** How far a duration in a note may be from the one measured here (key to daemon timestamp, one decimal). */
    private static final double SLACK = 0.8;
    private static final String SECONDS = "(\\d+,\\d)";

    @Test
    void lifecycleStopTimesExitCodesAndStatesAfterAPause() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("notes-lifecycle", 200, "demo lifecycle")) {
            Walk walk = new Walk(window, 10);
            walk.enter(1); // the scripted shell: ps ax, Ctrl-P Ctrl-Q
            walk.enter(2);
            InspectContainerResponse demo = DaemonState.inspect("lifecycle", "demo");
            Matcher ps = walk.find(2, "Daar is demo, met ID (\\w{12}) en status \"([^\"]+)\"");
            assertThat(demo.getId()).startsWith(ps.group(1));
            assertThat(demo.getState().getRunning()).isTrue();
            assertThat(ps.group(2)).startsWith("Up");

            walk.pause(15); // the presenter talks before docker stop: the stop still takes its ten seconds
            Instant pressed = walk.enter(3);
            demo = DaemonState.inspect("lifecycle", "demo");
            Matcher stop = walk.find(3, "Dat duurde " + SECONDS + " seconden.*?de exitcode (\\d+): 128 \\+ 9");
            assertSeconds(stop.group(1), pressed, finished(demo));
            assertThat(stop.group(2)).isEqualTo(exitCode(demo)).isEqualTo("137");

            walk.enter(4);
            InspectContainerResponse zonderinit = DaemonState.inspect("lifecycle", "zonderinit");
            assertThat(zonderinit.getId()).startsWith(walk.find(4, "zonderinit draait \\((\\w{12})\\)").group(1));
            pressed = walk.enter(5);
            zonderinit = DaemonState.inspect("lifecycle", "zonderinit");
            Matcher slow = walk.find(5, SECONDS + " seconden, en exitcode (\\d+)");
            assertSeconds(slow.group(1), pressed, finished(zonderinit));
            assertThat(slow.group(2)).isEqualTo(exitCode(zonderinit));

            walk.enter(6);
            InspectContainerResponse metinit = DaemonState.inspect("lifecycle", "metinit");
            assertThat(metinit.getId()).startsWith(walk.find(6, "metinit draait \\((\\w{12})\\)").group(1));
            pressed = walk.enter(7);
            metinit = DaemonState.inspect("lifecycle", "metinit");
            Matcher fast = walk.find(7, "Nu ging het in " + SECONDS + " seconden, met exitcode (\\d+): 128 \\+ 15");
            assertSeconds(fast.group(1), pressed, finished(metinit));
            assertThat(fast.group(2)).isEqualTo(exitCode(metinit)).isEqualTo("143");

            walk.enter(8);
            assertThat(walk.note(8)).contains("demo staat er niet meer bij");
            assertThat(DaemonState.inspect("lifecycle", "demo").getState().getRunning()).isFalse();
            walk.enter(9);
            Matcher all = walk.find(9, "demo bestaat nog, met status \"Exited \\((\\d+)\\)[^\"]*\"");
            assertThat(all.group(1)).isEqualTo(exitCode(DaemonState.inspect("lifecycle", "demo")));
            walk.quit(10);
        }
        DaemonState.assertNothingLeft("lifecycle");
    }

    @Test
    void lifecycleInteractiveCtrlDNotesFollowTheStoppedShell() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("notes-ctrld", 200, "demo lifecycle --interactief")) {
            Walk walk = new Walk(window, 10);
            walk.awaitPrompt(1);
            window.press("Enter");
            window.awaitScreen("/ #", STEP);
            window.press("C-d");
            walk.awaitPrompt(2);
            InspectContainerResponse demo = DaemonState.inspect("lifecycle", "demo");
            assertThat(demo.getState().getRunning()).isFalse();
            assertThat(walk.find(1, "exitcode (\\d+)").group(1)).isEqualTo(exitCode(demo));
            walk.enter(2);
            assertThat(walk.note(2)).doesNotContain("shell draait nog").doesNotContain("Up ");
            Instant pressed = walk.enter(3);
            Matcher already = walk.find(3, "demo draaide al niet meer \\(status (\\w+), exitcode (\\d+)\\)");
            demo = DaemonState.inspect("lifecycle", "demo");
            assertThat(already.group(1)).isEqualTo(demo.getState().getStatus());
            assertThat(already.group(2)).isEqualTo(exitCode(demo));
            assertThat(finished(demo)).isBefore(pressed); // it had really stopped before the key
            assertThat(walk.note(3)).doesNotContain("Dat duurde").doesNotContain("128 + 9");
            walk.enter(4);
            walk.enter(5);
            walk.enter(6);
            walk.enter(7);
            walk.enter(8);
            walk.enter(9);
            // The table shows demo stopped; the note either says so with its real exit code, or gives way.
            if (walk.note(9).contains("demo bestaat nog")) {
                Matcher all = walk.find(9, "demo bestaat nog, met status \"Exited \\((\\d+)\\)[^\"]*\"");
                assertThat(all.group(1)).isEqualTo(exitCode(DaemonState.inspect("lifecycle", "demo")));
            } else {
                assertThat(walk.note(9)).contains("ging uit van een andere afloop met demo");
            }
            walk.quit(10);
        }
        DaemonState.assertNothingLeft("lifecycle");
    }

    @Test
    void runIdsTimesAndExitCodesWithRAndAPauseBeforeAttach() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("notes-run", 200, "demo run")) {
            Walk walk = new Walk(window, 5);
            walk.enter(1); // the scripted shell: echo $$, Ctrl-D
            InspectContainerResponse eenmalig = DaemonState.inspect("run", "eenmalig");
            Matcher shell = walk.find(1, "De shell was PID (\\d+).*?Status: (\\w+), exitcode (\\d+)");
            assertThat(shell.group(1)).isEqualTo("1"); // the main process, in its own PID namespace
            assertThat(shell.group(2)).isEqualTo(eenmalig.getState().getStatus());
            assertThat(shell.group(3)).isEqualTo(exitCode(eenmalig));
            walk.enter(2);
            assertThat(walk.find(2, "eenmalig staat er, met status \"Exited \\((\\d+)\\)").group(1))
                    .isEqualTo(exitCode(eenmalig));

            walk.enter(3);
            walk.repeat(3); // docker run -d duurt_lang once more: the note speaks of the new one
            InspectContainerResponse duurtLang = DaemonState.inspect("run", "duurt_lang");
            Matcher back = walk.find(3, "na " + SECONDS + " seconden terug, met alleen het ID van de container "
                    + "\\((\\w{12})\\)");
            assertThat(duurtLang.getId()).startsWith(back.group(2));
            double said = seconds(back.group(1));
            assertThat(said).as("docker run -d returned after the daemon made and started the container")
                    .isGreaterThanOrEqualTo(between(created(duurtLang), started(duurtLang)) - 0.2)
                    .isLessThanOrEqualTo(between(walk.pressed(), walk.seen()) + 0.2);

            DaemonState.awaitExited("run", "duurt_lang", Duration.ofSeconds(30)); // the presenter talks on, sleep 10 ends
            walk.enter(4);
            duurtLang = DaemonState.inspect("run", "duurt_lang");
            Matcher gone = walk.find(4, "De container duurt_lang draait niet meer \\(exitcode (\\d+)\\)");
            assertThat(gone.group(1)).isEqualTo(exitCode(duurtLang));
            assertThat(walk.note(4)).doesNotContain("attach wachtte");

            eenmalig = DaemonState.inspect("run", "eenmalig");
            walk.enterLast(5);
            Matcher both = walk.find(5, "eenmalig: \"Exited \\((\\d+)\\)[^\"]*\", duurt_lang: \"Exited \\((\\d+)\\)");
            assertThat(both.group(1)).isEqualTo(exitCode(eenmalig));
            assertThat(both.group(2)).isEqualTo(exitCode(duurtLang));
        }
        DaemonState.assertNothingLeft("run");
    }

    @Test
    void restartCountsLogLinesAndGapsAfterAPause() throws Exception {
        Instant begin = Instant.now();
        try (PresenterWindow window = PresenterWindow.start("notes-restart", 200, "demo restart")) {
            Walk walk = new Walk(window, 5);
            walk.enter(1);
            InspectContainerResponse crashing = DaemonState.inspect("restart", "crashingbackgroundprocess");
            String id = crashing.getId();
            assertThat(id).startsWith(walk.find(1, "crashingbackgroundprocess draait \\(ID (\\w{12})\\)").group(1));

            walk.pause(20); // the presenter talks: more than five starts before docker logs --tail 5
            Instant pressed = walk.enter(2);
            List<Long> starts = starts(id, begin);
            int lines = Integer.parseInt(walk.find(2, "Tot nu toe (\\d+) keer foo").group(1));
            assertThat(lines).as("foo once per start, starts " + starts)
                    .isBetween(before(starts, pressed), before(starts, walk.seen()));

            pressed = walk.enter(3);
            Matcher watched = walk.find(3, "(\\d+) herstarts gezien in (\\d+) seconden, met tussenpozen van "
                    + "([\\d,· ]+?) seconden");
            List<Double> said = Arrays.stream(watched.group(3).split("·")).map(String::strip)
                    .map(NotesTmuxIT::seconds).toList();
            assertThat(said).hasSize(Integer.parseInt(watched.group(1)));
            assertThat(Long.parseLong(watched.group(2))).isLessThanOrEqualTo(
                    Math.round(between(pressed, walk.seen())) + 1);
            List<Double> gaps = gaps(starts(id, begin));
            assertThat(containsInOrder(gaps, said, 0.2)).as("gaps said " + said + ", between the daemon's starts "
                    + gaps).isTrue();

            walk.enter(4);
            lines = Integer.parseInt(walk.find(4, "(\\d+) keer foo: één regel voor elke start").group(1));
            starts = starts(id, begin);
            assertThat(lines).as("foo once per start, starts " + starts)
                    .isBetween(before(starts, walk.pressed()), before(starts, walk.seen()));

            Instant stopPressed = walk.enterLast(5);
            Instant seen = walk.seen();
            if (walk.note(5).contains("wachtte net tussen twee starts")) {
                // Podman: the stop came between two restarts (nothing to stop), and its pending restart came
                // after. The note says it runs now: the daemon's events must show that start.
                List<String> after = DaemonState.events("restart", stopPressed, Instant.now()).stream()
                        .filter(e -> id.equals(e.getActor().getId())).map(NotesTmuxIT::action).toList();
                assertThat(after.stream().filter(a -> a.equals("start") || a.equals("die")).findFirst())
                        .as("events after the key: " + after).contains("start");
                assertThat(walk.note(5)).contains("hij draait nu");
                DaemonState.assertNothingLeft("restart");
                return;
            }
            Matcher stopped = walk.find(5, "Gestopt na " + SECONDS + " seconden, met een RestartCount van (\\d+)");
            List<Event> events = DaemonState.events("restart", begin, Instant.now()).stream()
                    .filter(e -> id.equals(e.getActor().getId())).toList();
            // The daemon counts a restart when it decides on it, at the exit: stopped while it waited between two
            // starts, the count includes the start that then never came.
            List<Event> beforeKey = events.stream().filter(e -> nanos(e) < nanos(stopPressed)).toList();
            long startsInAll = beforeKey.stream().filter(e -> "start".equals(action(e))).count();
            boolean waiting = beforeKey.stream().map(NotesTmuxIT::action).filter(a -> a.equals("start")
                    || a.equals("die")).reduce((a, b) -> b).orElse("").equals("die");
            String seenEvents = events.stream().map(e -> action(e) + "@" + (nanos(e) - nanos(stopPressed)) / 1_000_000
                    + "ms").toList().toString();
            assertThat(Long.parseLong(stopped.group(2))).as("RestartCount: every start after the first; events "
                    + "(ms after the key) " + seenEvents).isEqualTo(waiting ? startsInAll : startsInAll - 1);
            // A die during the step is the stop's; none means the daemon was waiting and there was nothing to stop.
            List<Long> dies = events.stream().filter(e -> "die".equals(action(e))).map(NotesTmuxIT::nanos)
                    .filter(at -> at >= nanos(stopPressed)).toList();
            double stop = seconds(stopped.group(1));
            if (dies.isEmpty()) {
                assertThat(stop).isLessThanOrEqualTo(between(stopPressed, seen));
            } else {
                assertThat(stop).isCloseTo((dies.get(0) - nanos(stopPressed)) / 1e9, org.assertj.core.data.Offset
                        .offset(SLACK));
            }
        }
        DaemonState.assertNothingLeft("restart");
    }

    @Test
    void portsTakenAndPrefixedAreThePortsTheDaemonPublished() throws Exception {
        String prefix = "notes" + ProcessHandle.current().pid();
        try (ServerSocket taken = take(8080);
             PresenterWindow window = PresenterWindow.start("notes-ports", 200, "demo ports --prefix " + prefix)) {
            Walk walk = new Walk(window, 5);
            walk.enter(1);
            walk.repeat(1); // r: a new web, the note about it
            InspectContainerResponse web = prefixed(prefix, "web");
            assertThat(web.getId()).startsWith(walk.find(1, prefix + "-web draait \\(ID (\\w{12})\\)").group(1));
            String webPort = hostPort(web);
            assertThat(webPort).isNotEqualTo("8080");

            walk.enter(2);
            Matcher http = walk.find(2, "met status (\\d+) en de pagina \"([^\"]+)\".*?Wij vroegen 127\\.0\\.0\\.1:(\\d+);");
            assertThat(http.group(3)).isEqualTo(webPort);
            assertThat(http.group(1)).isEqualTo("200");
            assertThat(LoopbackGet.get(Integer.parseInt(webPort))).contains("<title>" + http.group(2) + "</title>");

            walk.enter(3);
            InspectContainerResponse web2 = prefixed(prefix, "web2");
            assertThat(web2.getId()).startsWith(walk.find(3, prefix + "-web2 \\(ID (\\w{12})\\) draait").group(1));
            walk.enter(4);
            Matcher outside = walk.find(4, "buiten op (\\d+) en (\\d+)\\.");
            assertThat(outside.group(1)).isEqualTo(webPort);
            assertThat(outside.group(2)).isEqualTo(hostPort(web2));

            walk.enterLast(5);
            assertThat(walk.find(5, "van " + prefix + "-web is te bereiken op 127\\.0\\.0\\.1:(\\d+)").group(1))
                    .isEqualTo(webPort);
        }
        assertThat(DaemonState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("nl.dockerles.prefix", prefix + "-")).exec()).isEmpty();
    }

    @Test
    void snapshotsChangesImageAndLayersWithACommitRepeated() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("notes-snapshots", 200, "demo snapshots")) {
            Walk walk = new Walk(window, 8);
            walk.enter(1); // touch foo, Ctrl-D
            InspectContainerResponse first = DaemonState.inspect("snapshots", "firstbusybox");
            Matcher state = walk.find(1, "firstbusybox heeft nu de status (\\w+) \\(exitcode (\\d+)\\)");
            assertThat(state.group(1)).isEqualTo(first.getState().getStatus());
            assertThat(state.group(2)).isEqualTo(exitCode(first));
            walk.enter(2);
            walk.enter(3);
            walk.enter(4);
            int changes = DaemonState.client().containerDiffCmd(first.getId()).exec().size();
            assertThat(walk.find(4, "Aantal verschillen hier: (\\d+)").group(1)).isEqualTo(Integer.toString(changes));
            walk.enter(5);
            first = DaemonState.inspect("snapshots", "firstbusybox");
            assertThat(walk.find(5, "Voor firstbusybox: (\\S+)\\.").group(1)).isEqualTo(first.getDriver());
            walk.enter(6);
            walk.repeat(6); // docker commit once more: the note names the image metfoo is now
            String metfoo = DaemonState.client().inspectImageCmd("metfoo").exec().getId();
            String said = walk.find(6, "Het image metfoo \\(([\\w:]+)\\)").group(1);
            assertThat(metfoo.replace("sha256:", "")).startsWith(said.replace("sha256:", ""));
            walk.enter(7);
            int layers = DaemonState.client().imageHistoryCmd(metfoo).exec().size();
            walk.enterLast(8);
            assertThat(walk.find(8, "(\\d+) regels in totaal").group(1)).isEqualTo(Integer.toString(layers));
        }
        DaemonState.assertNothingLeft("snapshots");
    }

    @Test
    void databaseWaitsStopAndImagesAfterAPauseAndASkip() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("notes-database", 200, "demo database")) {
            Walk walk = new Walk(window, 20);
            walk.enter(1);
            InspectContainerResponse db = DaemonState.inspect("database", "db");
            assertThat(db.getId()).startsWith(walk.find(1, "met het ID van de container \\((\\w{12})\\)").group(1));
            walk.pause(15); // PostgreSQL gets ready while the presenter talks: the wait is then short
            Instant pressed = walk.enter(2);
            double said = seconds(walk.find(2, "Na " + SECONDS + " seconden: \"").group(1));
            Instant ready = readySince(db.getId());
            double mustWait = Math.max(0, between(pressed, ready));
            assertThat(said).as("ready at " + ready + ", key at " + pressed).isBetween(mustWait - SLACK,
                    mustWait + 1.5);
            walk.skip(3); // the table: the commit after it still works, of an empty database
            walk.enter(4);
            String valkuil = DaemonState.client().inspectImageCmd("testdb:valkuil").exec().getId();
            assertThat(valkuil.replace("sha256:", ""))
                    .startsWith(walk.find(4, "Een nieuw image, ([\\w:]+)\\.").group(1).replace("sha256:", ""));
            for (int step = 5; step <= 11; step++) {
                walk.enter(step);
            }
            pressed = walk.enter(12);
            InspectContainerResponse bron = DaemonState.inspect("database", "bron");
            Matcher stop = walk.find(12, "Dat ging in " + SECONDS + " seconden, met exitcode (\\d+)");
            assertSeconds(stop.group(1), pressed, finished(bron));
            assertThat(stop.group(2)).isEqualTo(exitCode(bron));
            walk.enter(13);
            String v1 = DaemonState.client().inspectImageCmd("testdb:v1").exec().getId();
            assertThat(v1.replace("sha256:", ""))
                    .startsWith(walk.find(13, "Image ([\\w:]+):").group(1).replace("sha256:", ""));
            walk.quit(14);
        }
        DaemonState.assertNothingLeft("database");
    }

    @Test
    void volumesOwnersImageVolumeAndCountsWithRAndS() throws Exception {
        java.util.Set<String> danglingBefore = DaemonState.danglingVolumes();
        try (PresenterWindow window = PresenterWindow.start("notes-volumes", 200, "demo volumes")) {
            Walk walk = new Walk(window, 13);
            walk.enter(1);
            Path workdir = Path.of(walk.find(1, "-v (/\\S+):/data busybox touch /data/vanroot").group(1));
            walk.enter(2);
            Matcher owners = walk.find(2, "vanroot heeft uid (\\d+), en jij bent uid (\\d+)\\.");
            assertThat(owners.group(1)).isEqualTo(uid(workdir.resolve("vanroot")));
            assertThat(owners.group(2)).isEqualTo(uid(Path.of("/proc/self"))); // the same user runs dockerles
            walk.enter(3);
            walk.enter(4);
            assertThat(walk.find(4, "vanmij heeft uid (\\d+)\\.").group(1)).isEqualTo(uid(workdir.resolve("vanmij")));
            walk.enter(5);
            String metvolume = DaemonState.client().inspectImageCmd("metvolume").exec().getId();
            assertThat(metvolume.replace("sha256:", "")).startsWith(
                    walk.find(5, "Het image metvolume \\(([\\w:]+)\\)").group(1).replace("sha256:", ""));
            walk.enter(6);
            walk.repeat(6); // a new schrijver: the volume after it is the new one's
            InspectContainerResponse schrijver = DaemonState.inspect("volumes", "schrijver");
            assertThat(walk.find(6, "schrijver is klaar \\(exitcode (\\d+)\\)").group(1))
                    .isEqualTo(exitCode(schrijver));
            walk.enter(7);
            InspectContainerResponse.Mount mount = schrijver.getMounts().get(0);
            Matcher volume = walk.find(7, "Het volume van schrijver heet (\\w+)… \\(64 tekens\\) en is gekoppeld op (\\S+)\\.");
            assertThat(mount.getName()).startsWith(volume.group(1)).hasSize(64);
            assertThat(volume.group(2)).isEqualTo(mount.getDestination().getPath());
            walk.enter(8);
            walk.enter(9);
            int dangling = DaemonState.danglingVolumes().size();
            assertThat(walk.note(9)).contains(volume.group(1));
            assertThat(walk.find(9, "Aantal in de lijst: (\\d+)\\.").group(1)).isEqualTo(Integer.toString(dangling));
            walk.skip(10); // the volume stays: the counts after it say so
            walk.enter(11);
            walk.enter(12);
            dangling = DaemonState.danglingVolumes().size();
            assertThat(DaemonState.danglingVolumes()).contains(mount.getName());
            walk.enterLast(13);
            assertThat(walk.find(13, "(\\d+)\\. Volumes met een naam").group(1)).isEqualTo(Integer.toString(dangling));
        }
        DaemonState.assertNothingLeft("volumes");
        assertThat(DaemonState.danglingVolumes()).as("dangling volumes after the walk").isSubsetOf(danglingBefore);
    }

    /** A presenter's walk through one section: keys at prompts, with the moments they were pressed and seen. */
    private static final class Walk {
        private final PresenterWindow window;
        private final int steps;
        private Instant pressed;
        private Instant seen;

        Walk(PresenterWindow window, int steps) {
            this.window = window;
            this.steps = steps;
        }

        String prompt(int step) {
            return "⏎ stap " + step + "/" + steps + " ";
        }

        void awaitPrompt(int step) throws Exception {
            window.awaitScreen(prompt(step), STEP);
        }

        /** Enter at prompt {@code step}; waits for the step and the next prompt; the moment of the key. */
        Instant enter(int step) throws Exception {
            awaitPrompt(step);
            int heads = PresenterWindow.count(window.flat(), head(step));
            pressed = window.pressAt("Enter");
            awaitRun(step, heads);
            return pressed;
        }

        /**
         * Waits for the heading of {@code step} once more than {@code heads}, then for the next prompt after it
         * (the prompt a key answered is erased, so a prompt is counted after the step's last heading).
         */
        private void awaitRun(int step, int heads) throws Exception {
            window.awaitScreen(head(step), heads + 1, STEP);
            long deadline = System.nanoTime() + STEP.toNanos();
            while (true) {
                String flat = window.flat();
                if (flat.lastIndexOf(prompt(step + 1)) > flat.lastIndexOf(head(step))) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + prompt(step + 1) + "after step " + step + ":\n" + window.screen());
                }
                TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
            }
            seen = Instant.now();
        }

        /** Enter at the last prompt; waits for the end of the run (exit 0, the terminal as it was). */
        Instant enterLast(int step) throws Exception {
            awaitPrompt(step);
            pressed = window.pressAt("Enter");
            window.awaitExit(STEP);
            seen = Instant.now();
            window.assertEndedCleanly();
            return pressed;
        }

        /** r at the prompt after {@code step}: the step again, then the same prompt once more. */
        void repeat(int step) throws Exception {
            awaitPrompt(step + 1);
            int heads = PresenterWindow.count(window.flat(), head(step));
            pressed = window.pressAt("r");
            awaitRun(step, heads);
            assertThat(note(step)).doesNotContain("al in gebruik").doesNotContain("lukte niet");
        }

        void skip(int step) throws Exception {
            awaitPrompt(step);
            window.press("s");
            window.awaitScreen("Stap " + step + "/" + steps + " overgeslagen", STEP);
            window.awaitScreen(prompt(step + 1), STEP);
            awaitPrompt(step + 1);
        }

        void quit(int step) throws Exception {
            awaitPrompt(step);
            window.press("q");
            window.awaitExit(STEP);
            window.assertEndedCleanly();
        }

        void pause(int seconds) throws Exception {
            TimeUnit.SECONDS.sleep(seconds); // the presenter talks (the pace under test)
        }

        Instant pressed() {
            return pressed;
        }

        Instant seen() {
            return seen;
        }

        private String head(int step) {
            return "Stap " + step + "/" + steps + " ·";
        }

        /** What the last run of {@code step} printed, up to the next prompt (white space as one space). */
        String note(int step) throws Exception {
            String flat = window.flat();
            int from = flat.lastIndexOf(head(step));
            assertThat(from).as("step " + step + " on screen").isNotNegative();
            String rest = flat.substring(from);
            int end = rest.indexOf("⏎ stap ");
            return end < 0 ? rest : rest.substring(0, end);
        }

        /** The first match of {@code regex} in what {@code step} printed. */
        Matcher find(int step, String regex) throws Exception {
            String note = note(step);
            Matcher m = Pattern.compile(regex).matcher(note);
            assertThat(m.find()).as("/" + regex + "/ in step " + step + ":\n" + note).isTrue();
            return m;
        }
    }

    private static InspectContainerResponse prefixed(String prefix, String name) {
        Container container = DaemonState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("nl.dockerles.prefix", prefix + "-")).exec().stream()
                .filter(c -> List.of(c.getNames()).contains("/" + prefix + "-" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + prefix + "-" + name));
        return DaemonState.client().inspectContainerCmd(container.getId()).exec();
    }

    /** The host port of the container's 80/tcp, as the daemon published it. */
    private static String hostPort(InspectContainerResponse container) {
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(80));
        assertThat(bindings).as("80/tcp published").isNotEmpty();
        return bindings[0].getHostPortSpec();
    }

    private static String exitCode(InspectContainerResponse container) {
        return Long.toString(container.getState().getExitCodeLong());
    }

    private static Instant finished(InspectContainerResponse container) {
        return instant(container.getState().getFinishedAt());
    }

    private static Instant created(InspectContainerResponse container) {
        return instant(container.getCreated());
    }

    private static Instant started(InspectContainerResponse container) {
        return instant(container.getState().getStartedAt());
    }

    private static Instant instant(String daemonTime) {
        return OffsetDateTime.parse(daemonTime).toInstant();
    }

    private static double seconds(String dutch) {
        return Double.parseDouble(dutch.replace(',', '.'));
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** A duration a note says (Dutch notation) against the one measured here from the key to the daemon's moment. */
    private static void assertSeconds(String said, Instant pressed, Instant daemonMoment) {
        double real = between(pressed, daemonMoment);
        assertThat(seconds(said)).as("said " + said + " s, the daemon's moment " + real + " s after the key")
                .isBetween(real - SLACK, real + SLACK);
    }

    private static String action(Event event) {
        return event.getAction() != null ? event.getAction() : event.getStatus();
    }

    private static long nanos(Event event) {
        return event.getTimeNano() != null && event.getTimeNano() > 0 ? event.getTimeNano()
                : event.getTime() * 1_000_000_000L;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The moments (nanoseconds) the daemon started the container, oldest first. */
    private static List<Long> starts(String id, Instant since) throws InterruptedException {
        return DaemonState.events("restart", since.minusSeconds(1), Instant.now()).stream()
                .filter(e -> id.equals(e.getActor().getId()) && "start".equals(action(e)))
                .map(NotesTmuxIT::nanos).sorted().toList();
    }

    private static int before(List<Long> starts, Instant moment) {
        return (int) starts.stream().filter(at -> at <= nanos(moment)).count();
    }

    private static List<Double> gaps(List<Long> starts) {
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            gaps.add((starts.get(i) - starts.get(i - 1)) / 1e9);
        }
        return gaps;
    }

    /** {@code part} appears in {@code whole} as a run of neighbours, each within {@code slack}. */
    private static boolean containsInOrder(List<Double> whole, List<Double> part, double slack) {
        for (int at = 0; at + part.size() <= whole.size(); at++) {
            boolean all = true;
            for (int i = 0; i < part.size() && all; i++) {
                all = Math.abs(whole.get(at + i) - part.get(i)) <= slack;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** When PostgreSQL last said it accepts connections (after initdb it restarts once), from its own log. */
    private static Instant readySince(String id) throws Exception {
        var collector = new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
            final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void onNext(com.github.dockerjava.api.model.Frame frame) {
                lines.add(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        DaemonState.client().logContainerCmd(id).withStdOut(true).withStdErr(true).withTimestamps(true)
                .exec(collector).awaitCompletion(15, TimeUnit.SECONDS);
        Instant ready = null;
        for (String line : String.join("", collector.lines).split("\n")) {
            if (line.contains("database system is ready to accept connections")) {
                ready = instant(line.substring(0, line.indexOf(' ')));
            }
        }
        assertThat(ready).as("PostgreSQL said it was ready").isNotNull();
        return ready;
    }

    private static String uid(Path file) throws Exception {
        return Files.exists(file) ? String.valueOf(Files.getAttribute(file, "unix:uid")) : null;
    }

    /** The port, held by this test; when someone else holds it already, it is just as taken. */
    private static ServerSocket take(int port) throws Exception {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (BindException alreadyTaken) {
            return new ServerSocket(0);
        }
    }

    /** A plain HTTP GET of 127.0.0.1:port, made here: what nginx really answers there. */
    private static final class LoopbackGet {
        static String get(int port) throws Exception {
            var client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }
}
