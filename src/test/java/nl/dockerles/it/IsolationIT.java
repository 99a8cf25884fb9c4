package nl.dockerles.it;

import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dockerles demo isolation}: one container process seen from inside and from this (local Linux) host. */
class IsolationIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** A placeholder left unfilled; a Go template such as {{.State.Pid}} is not one. */
    static final Pattern UNFILLED = Pattern.compile("(?<!\\{)\\{[a-zA-Z0-9_.-]+}(?!})");

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("isolation")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void theSameProcessIsPid1InsideAndAnOrdinaryProcessOnTheHost() throws Exception {
        Instant start = Instant.now();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "isolation");
        Instant end = Instant.now();
        String out = result.out();
        String text = flat(out);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        // Ctrl-P Ctrl-Q detached the shell on the daemon itself (Podman too: each key in a write of its own).
        assertThat(out).contains("<Ctrl-P Ctrl-Q>").doesNotContain("reageert niet op Ctrl-P Ctrl-Q");
        // busybox ps shows a forked applet as "{ps} sh": real output, not a placeholder.
        assertThat(out.replace("{ps}", "")).doesNotContainPattern(UNFILLED).doesNotContain("\u001B[");

        // Inside: the shell is PID 1, next to ps only, in the container's own PID namespace.
        assertThat(out).containsPattern("(?m)^\\s+1 root\\s+sh\\s*$");
        assertThat(text).contains("De shell (sh) is PID 1");
        String nsInside = group(out, "/ # readlink /proc/1/ns/pid\\s*\\R(pid:\\[\\d+])");
        String hostname = group(out, "/ # hostname\\s*\\R(\\S+)");

        // The daemon's PID for it, and the same PID running sh in this host's process list.
        String pid = group(out, "\\$ docker inspect -f '\\{\\{\\.State\\.Pid}}' cel\\R(\\d+)\\R");
        assertThat(out).contains("$ ps -p $(docker inspect -f '{{.State.Pid}}' cel) -o pid,user,cmd");
        Matcher ps = Pattern.compile("(?m)^\\s*PID USER\\s+CMD\\R\\s*(\\d+) (\\S+)\\s+(.+)$").matcher(out);
        assertThat(ps.find()).as("a ps line in:\n" + out).isTrue();
        assertThat(ps.group(1)).as("the host PID shown is the one inspect gave").isEqualTo(pid);
        assertThat(ps.group(3).strip()).as("/proc/" + pid + "/cmdline on the host").isEqualTo("sh");
        // Its parent is the runtime's monitor for that container: containerd's shim under Docker, conmon under
        // Podman (which daemon answered is read from the daemon itself).
        assertThat(text).contains("processen: PID " + pid + ", sh, van gebruiker " + ps.group(2))
                .contains("met als ouder " + (DaemonState.podman() ? "conmon" : "containerd-shim"));

        // Namespaces: this machine's are the test's own; the container's pid namespace is the one seen inside.
        String ownPid = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
        Matcher row = Pattern.compile("(?m)^pid\\s+(pid:\\[\\d+])\\s+(pid:\\[\\d+])\\s+eigen$").matcher(out);
        assertThat(row.find()).as("the pid row in:\n" + out).isTrue();
        assertThat(row.group(1)).isEqualTo(ownPid);
        assertThat(row.group(2)).isEqualTo(nsInside).isNotEqualTo(ownPid);
        for (String kind : List.of("uts", "net", "mnt", "ipc")) {
            String own = Files.readSymbolicLink(Path.of("/proc/self/ns/" + kind)).toString();
            assertThat(out).as(kind).containsPattern("(?m)^" + kind + "\\s+" + Pattern.quote(own)
                    + "\\s+" + kind + ":\\[\\d+]\\s+eigen$");
        }
        assertThat(text).contains("Eigen namespaces van cel: pid, uts, net, mnt, ipc.");

        // The daemon saw one container named cel, its hostname its short ID, killed by rm -f.
        List<Event> events = DaemonState.events("isolation", start, end);
        List<Event> created = events.stream().filter(e -> "create".equals(e.getAction())).toList();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getActor().getAttributes()).containsEntry("name", "cel");
        assertThat(created.get(0).getId()).startsWith(hostname);
        // Docker reports rm -f's SIGKILL as a kill event and the removal as destroy; Podman 4.3 reports no kill
        // event, and the removal as remove. Both say the shell died of the SIGKILL: 128 + 9.
        assertThat(events).extracting(Event::getAction).containsSubsequence(DaemonState.podman()
                ? List.of("create", "start", "die", "remove")
                : List.of("create", "start", "kill", "die", "destroy"));
        assertThat(events).filteredOn(e -> "die".equals(e.getAction()))
                .extracting(e -> e.getActor().getAttributes().get("exitCode")).containsExactly("137");
    }

    /** The narration wraps at the console's width: notes are matched with all whitespace as one space. */
    static String flat(String out) {
        return out.replaceAll("\\s+", " ");
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return m.group(1);
    }
}
