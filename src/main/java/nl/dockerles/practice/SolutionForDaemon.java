package nl.dockerles.practice;

import nl.dockerles.daemon.DaemonAddress;
import nl.dockerles.daemon.DaemonInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exercise's solution as the student types it on the daemon dockerles is connected to. The solutions are
 * written for Docker Engine on /var/run/docker.sock; two things differ elsewhere:
 * <ul>
 *   <li>Podman: the docker CLI cannot commit through Podman's API (20.10 and 28.5 against Podman 4.3 both answer
 *       "Decode(): EOF", measured), and push and pull to the registry on 127.0.0.1 want HTTPS there, because
 *       Podman does not count 127.0.0.1 as insecure. The student types {@code podman}, aimed at the same service
 *       ({@code --remote --url}), with {@code --tls-verify=false} for that registry.</li>
 *   <li>a daemon on another socket (Podman, rootless Docker): {@code curl --unix-socket} names that socket.</li>
 * </ul>
 */
public final class SolutionForDaemon {
    private static final Pattern COMMIT = Pattern.compile("^docker commit ");
    private static final Pattern LOCAL_REGISTRY =
            Pattern.compile("^docker (push|pull) ((?:127\\.0\\.0\\.1|localhost)[:/])");

    private SolutionForDaemon() {
    }

    /** The solution's lines for this daemon, each stripped. */
    public static List<String> lines(String solution, DaemonInfo daemon) {
        return Arrays.stream(solution.strip().split("\\R")).map(line -> line(line.strip(), daemon)).toList();
    }

    /** A note about this daemon (a message key) and the command it shows. */
    public record PodmanNote(String key, String command) {
    }

    /**
     * What the student must type with podman here instead of the docker CLI: a commit, push or pull of the
     * registry on 127.0.0.1 ({@code oefen.podman.commit}, {@code oefen.podman.registry}).
     */
    public static List<PodmanNote> podmanNotes(String solution, DaemonInfo daemon) {
        if (!daemon.podman()) {
            return List.of();
        }
        List<String> lines = Arrays.stream(solution.strip().split("\\R")).map(String::strip).toList();
        String podman = podman(daemon);
        List<PodmanNote> notes = new ArrayList<>();
        if (lines.stream().anyMatch(line -> COMMIT.matcher(line).find())) {
            notes.add(new PodmanNote("oefen.podman.commit", podman + " commit \u2026"));
        }
        if (lines.stream().anyMatch(line -> LOCAL_REGISTRY.matcher(line).find())) {
            notes.add(new PodmanNote("oefen.podman.registry", podman + " push --tls-verify=false \u2026"));
        }
        return notes;
    }

    private static String podman(DaemonInfo daemon) {
        return "podman --remote --url " + daemon.host();
    }

    static String line(String line, DaemonInfo daemon) {
        String socket = DaemonAddress.socketPath(daemon.host());
        if (!socket.equals(DaemonAddress.DOCKER_SOCKET)) {
            line = line.replace("--unix-socket " + DaemonAddress.DOCKER_SOCKET, "--unix-socket " + socket);
        }
        if (!daemon.podman()) {
            return line;
        }
        Matcher registry = LOCAL_REGISTRY.matcher(line);
        if (registry.find()) {
            return registry.replaceFirst(Matcher.quoteReplacement(podman(daemon)) + " $1 --tls-verify=false $2");
        }
        return COMMIT.matcher(line).replaceFirst(Matcher.quoteReplacement(podman(daemon)) + " commit ");
    }
}
