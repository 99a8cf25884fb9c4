package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A trainer at a real terminal (tmux): the prompt, the keys, and quitting halfway leaves nothing behind. */
class PresenterTmuxIT {
    private static final String SESSION = "dockerles-it-" + ProcessHandle.current().pid();

    @AfterEach
    void closeTmux() throws Exception {
        tmux("kill-session", "-t", SESSION);
        assertThat(DaemonState.managedContainers("lifecycle")).isEmpty();
    }

    @Test
    void keysDriveTheDemoAndQuittingHalfwayCleansUp() throws Exception {
        String jar = Path.of(System.getProperty("dockerles.jar", "target/dockerles.jar")).toAbsolutePath().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        tmux("new-session", "-d", "-s", SESSION, "-x", "100", "-y", "45",
                "sh -c '" + java + " -jar " + jar + " demo lifecycle; echo EXIT=$?; sleep 60'");

        assertThat(awaitScreen("stap 1/10", Duration.ofSeconds(20))).contains("Enter/spatie: verder")
                .contains("q: stoppen").contains("Het leven van een container");
        TimeUnit.MILLISECONDS.sleep(400); // a presenter's pace: a key right on the prompt is a double press
        tmux("send-keys", "-t", SESSION, "Enter");
        String screen = awaitScreen("stap 2/10", Duration.ofSeconds(20));
        assertThat(screen).contains("$ docker run -it --name demo busybox sh").contains("/ # ps ax");
        assertThat(DaemonState.managedContainers("lifecycle")).hasSize(1);

        TimeUnit.MILLISECONDS.sleep(400);
        tmux("send-keys", "-t", SESSION, "s"); // skip docker ps
        assertThat(awaitScreen("stap 3/10", Duration.ofSeconds(10))).doesNotContain("CONTAINER ID")
                .contains("Stap 2/10 overgeslagen");
        TimeUnit.MILLISECONDS.sleep(400);
        tmux("send-keys", "-t", SESSION, "q");
        screen = awaitScreen("EXIT=", Duration.ofSeconds(20));
        assertThat(screen).contains("Gestopt op verzoek.").contains("Opgeruimd wat deze demo maakte: demo")
                .contains("EXIT=0");
    }

    private static String awaitScreen(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", SESSION, "-S", "-200");
            if (screen.contains(text)) {
                return screen;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(100); // polling the screen, bounded by the deadline
        }
        throw new AssertionError("not on screen within " + timeout + ": " + text + "\n---\n" + screen);
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
