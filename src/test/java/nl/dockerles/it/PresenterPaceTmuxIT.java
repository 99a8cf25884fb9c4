package nl.dockerles.it;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import org.junit.jupiter.api.Test;

import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A presenter at a presenter's pace, in a real terminal (tmux): --interactief with Ctrl-D and with Ctrl-C, a long
 * pause before attach, r on docker stop, a taken port with a prefix, r and s. Every note is checked against the
 * daemon; the terminal is as before ({@code stty -g}), and nothing is left.
 */
class PresenterPaceTmuxIT {
    private static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void interactiveCtrlDGivesTrueNotes() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("ctrld", 120, "demo lifecycle --interactief")) {
            window.next("stap 1/10");
            window.awaitScreen("Maak je los met Ctrl-P Ctrl-Q", STEP);
            window.awaitScreen("/ #", STEP);
            window.type("ps ax");
            window.press("Enter");
            window.awaitScreen("ps ax", STEP);
            window.press("C-d");
            String flat = window.awaitScreen("De shell is gestopt (Ctrl-D of exit), en daarmee de container demo", STEP);
            assertThat(flat).doesNotContain("we ons losgemaakt").doesNotContain("de container draait door");
            InspectContainerResponse demo = only("lifecycle");
            assertThat(demo.getState().getRunning()).isFalse();
            assertThat(flat).contains("exitcode " + demo.getState().getExitCodeLong());

            window.next("stap 2/10");
            window.awaitScreen("⏎ stap 3/10", STEP);
            assertThat(window.flat()).doesNotContain("shell draait nog");
            window.press("Enter");
            flat = window.awaitScreen("demo draaide al niet meer (status exited, exitcode "
                    + demo.getState().getExitCodeLong() + ")", STEP);
            assertThat(flat).doesNotContain("Dat duurde").doesNotContain("128 + 9");

            window.awaitScreen("⏎ stap 4/10", STEP);
            window.press("q");
            window.awaitExit(STEP);
            assertThat(window.exitCode()).isZero();
            assertThat(window.terminalRestored()).isTrue();
            assertThat(window.temporaryFilesLeft()).isZero();
        }
        DaemonState.assertNothingLeft("lifecycle");
    }

    @Test
    void interactiveCtrlCStopsTheDemoInTheShell() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("ctrlc", 120, "demo lifecycle --interactief")) {
            window.next("stap 1/10");
            window.awaitScreen("Maak je los met Ctrl-P Ctrl-Q", STEP);
            window.awaitScreen("/ #", STEP);
            window.press("C-c");
            String flat = window.awaitExit(STEP).replaceAll("\\s+", " ");
            assertThat(window.exitCode()).isEqualTo(130);
            assertThat(flat).contains("Onderbroken. Opgeruimd wat deze demo maakte: demo");
            assertThat(window.terminalRestored()).isTrue();
            assertThat(window.temporaryFilesLeft()).isZero();
        }
        DaemonState.assertNothingLeft("lifecycle");
    }

    @Test
    void aPauseUntilTheContainerExitedBeforeAttachSaysItHadStopped() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("pause", 120, "demo run")) {
            window.next("stap 1/5", "stap 2/5", "stap 3/5");
            window.awaitScreen("⏎ stap 4/5", STEP);
            DaemonState.awaitExited("run", "duurt_lang", Duration.ofSeconds(30)); // the presenter talks on, sleep 10 ends
            window.press("Enter");
            String flat = window.awaitScreen("De container duurt_lang draait niet meer", STEP);
            assertThat(flat).doesNotContain("attach wachtte");
            window.awaitScreen("⏎ stap 5/5", STEP);
            window.press("q");
            window.awaitExit(STEP);
            assertThat(window.exitCode()).isZero();
            assertThat(window.terminalRestored()).isTrue();
        }
        DaemonState.assertNothingLeft("run");
    }

    @Test
    void attachWaitedFromTheKeyToTheDaemonsFinishedAt() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("attach", 120, "demo run")) {
            window.next("stap 1/5", "stap 2/5", "stap 3/5");
            window.awaitScreen("⏎ stap 4/5", STEP);
            TimeUnit.SECONDS.sleep(3); // the presenter talks a while (the pace under test, not waiting for state)
            Instant pressed = Instant.now();
            window.press("Enter");
            pressed = pressed.plusMillis(400); // press() waits a presenter's moment first
            String flat = window.awaitScreen("⏎ stap 5/5", STEP);
            Instant finished = Instant.parse(DaemonState.inspect("run", "duurt_lang").getState().getFinishedAt());
            Matcher waited = Pattern.compile("attach wachtte (\\d+),(\\d) seconden").matcher(flat);
            assertThat(waited.find()).as(flat).isTrue();
            double said = Double.parseDouble(waited.group(1) + "." + waited.group(2));
            double real = Duration.between(pressed, finished).toMillis() / 1000.0;
            assertThat(said).isBetween(real - 0.6, real + 0.6).isLessThan(9.0);
            window.press("q");
            window.awaitExit(STEP);
            assertThat(window.exitCode()).isZero();
        }
        DaemonState.assertNothingLeft("run");
    }

    @Test
    void repeatingDockerStopStartsTheContainerAgainAndStopsItAgain() throws Exception {
        try (PresenterWindow window = PresenterWindow.start("stopr", 120, "demo lifecycle")) {
            window.next("stap 1/10", "stap 2/10", "stap 3/10");
            window.awaitScreen("⏎ stap 4/10", Duration.ofSeconds(40));
            window.press("r");
            // r puts back what the step changed: demo runs again, and the stop waits again, as the first time.
            window.awaitScreen("Eerst teruggezet zoals het vóór deze stap was: demo weer gestart.", STEP);
            window.awaitScreen("Stap 3/10 ·", 2, STEP);
            String flat = window.awaitScreen("Dat duurde", 2, STEP);
            window.awaitScreen("⏎ stap 4/10", STEP);
            InspectContainerResponse demo = DaemonState.inspect("lifecycle", "demo");
            assertThat(demo.getState().getRunning()).isFalse();
            assertThat(PresenterWindow.count(window.awaitScreen("⏎ stap 4/10", STEP),
                    "Daarom is de exitcode " + demo.getState().getExitCodeLong())).isEqualTo(2);
            assertThat(flat).doesNotContain("draaide al niet meer");
            window.press("q");
            window.awaitExit(STEP);
            assertThat(window.exitCode()).isZero();
            assertThat(window.terminalRestored()).isTrue();
        }
        DaemonState.assertNothingLeft("lifecycle");
    }

    @Test
    void aTakenPortAndAPrefixReachTheProseAndRAndSWork() throws Exception {
        String prefix = "jan" + ProcessHandle.current().pid();
        try (ServerSocket taken = take(8080);
             PresenterWindow window = PresenterWindow.start("ports", 120, "demo ports --prefix " + prefix)) {
            String flat = window.awaitScreen("⏎ stap 1/5", STEP);
            Matcher warning = Pattern.compile("Poort 8080 is op deze machine al bezet; deze demo gebruikt poort (\\d+)")
                    .matcher(flat);
            assertThat(warning.find()).as(flat).isTrue();
            String port = warning.group(1);
            window.press("Enter");
            flat = window.awaitScreen("⏎ stap 2/5", STEP);
            assertThat(flat).contains("$ docker run -d --name " + prefix + "-web -p 127.0.0.1:" + port + ":80 nginx")
                    .contains("poort " + port + " op deze laptop").contains(prefix + "-web draait (ID");
            assertThat(PresenterWindow.count(flat, "8080")).as("only the warning names the taken port").isEqualTo(1);

            window.press("r");
            flat = window.awaitScreen("Stap 1/5 ·", 2, STEP);
            window.awaitScreen("⏎ stap 2/5", STEP);
            assertThat(window.flat()).doesNotContain("al in gebruik");
            List<Container> web = prefixed(prefix);
            assertThat(web).singleElement().satisfies(c -> {
                assertThat(c.getNames()).containsExactly("/" + prefix + "-web");
                assertThat(c.getState()).isEqualTo("running");
            });
            window.press("Enter");
            flat = window.awaitScreen("⏎ stap 3/5", STEP);
            assertThat(flat).contains("127.0.0.1:" + port);
            window.press("s");
            window.awaitScreen("Stap 3/5 overgeslagen", STEP);
            window.awaitScreen("⏎ stap 4/5", STEP);
            window.press("q");
            window.awaitExit(STEP);
            assertThat(window.exitCode()).isZero();
            assertThat(window.terminalRestored()).isTrue();
        }
        assertThat(prefixed(prefix)).isEmpty();
    }

    /** The port, held by this test; when someone else holds it already, it is just as taken. */
    private static ServerSocket take(int port) throws Exception {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (BindException alreadyTaken) {
            return new ServerSocket(0);
        }
    }

    private static List<Container> prefixed(String prefix) {
        return DaemonState.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("nl.dockerles.prefix", prefix + "-")).exec();
    }

    private static InspectContainerResponse only(String section) {
        List<Container> containers = DaemonState.managedContainers(section);
        assertThat(containers).hasSize(1);
        return DaemonState.client().inspectContainerCmd(containers.get(0).getId()).exec();
    }

}
