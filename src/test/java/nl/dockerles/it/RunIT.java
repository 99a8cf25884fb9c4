package nl.dockerles.it;

import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static nl.dockerles.it.IsolationIT.group;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code dockerles demo run}: Ctrl-D ends the container, -d returns at once, attach waits for the process. */
class RunIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("run")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void ctrlDEndsTheShellDetachReturnsAtOnceAndAttachWaitsForTheProcess() throws Exception {
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "run");
        Instant end = Instant.now();
        String out = result.out();
        String text = IsolationIT.flat(out);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(out).doesNotContainPattern(IsolationIT.UNFILLED).doesNotContain("\u001B[");

        // Ctrl-D: the shell (PID 1) ended, and with it the container, without an error.
        assertThat(out).contains("$ docker run -it --name eenmalig busybox sh").containsPattern("/ # echo \\$\\$\\R1\\R")
                .contains("<Ctrl-D>");
        assertThat(text).contains("De shell was PID 1,").contains("Status: exited, exitcode 0.");
        assertThat(out).containsPattern("(?m)^\\w{12}\\s+busybox(:latest)?\\s+\"sh\".*Exited \\(0\\).*eenmalig$"); // Podman: busybox:latest

        // -d: back at once, as bash's time prints it.
        assertThat(out).contains("$ time docker run -d --name duurt_lang busybox sleep 10");
        String real = group(out, "(?m)^real\\t0m(\\d+\\.\\d{3})s$");
        assertThat(Double.parseDouble(real)).as("seconds docker run -d took").isLessThan(2.0);

        // attach: blocked until sleep 10 ended, exit code 0.
        long waited = Long.parseLong(group(text, "attach wachtte (\\d+),\\d seconden"));
        assertThat(waited).isBetween(5L, 15L);
        assertThat(text).contains("en de exitcode is 0.");
        assertThat(text).containsPattern("duurt_lang: \"Exited \\(0\\)");

        List<Event> events = DaemonState.events("run", start, end);
        Event started = only(events, "start", "duurt_lang");
        Event died = only(events, "die", "duurt_lang");
        assertThat(died.getActor().getAttributes()).containsEntry("exitCode", "0");
        assertThat(Duration.ofNanos(died.getTimeNano() - started.getTimeNano())).isGreaterThan(Duration.ofSeconds(9));
        assertThat(events).filteredOn(e -> "attach".equals(e.getAction())).extracting(e -> name(e))
                .contains("eenmalig", "duurt_lang");
        assertThat(only(events, "die", "eenmalig").getActor().getAttributes()).containsEntry("exitCode", "0");
    }

    private static Event only(List<Event> events, String action, String name) {
        List<Event> found = events.stream().filter(e -> action.equals(e.getAction()) && name.equals(name(e))).toList();
        assertThat(found).as(action + " " + name).hasSize(1);
        return found.get(0);
    }

    private static String name(Event e) {
        return e.getActor() == null ? null : e.getActor().getAttributes().get("name");
    }
}
