package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.dockerles.it.DatabaseIT.group;
import static nl.dockerles.it.DatabaseIT.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo remote}: the HTTP calls under docker ps, the same daemon over TCP on 127.0.0.1 (closed
 * again at the end), and what anyone who reaches it can see.
 */
class RemoteIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterEach
    void nothingLeftBehind() {
        assertThat(DaemonState.managedContainers("remote")).as("containers labelled by dockerles").isEmpty();
    }

    @Test
    void theDaemonAnswersHttpOverItsSocketAndOverTcpUntilThePortIsClosed() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", "remote");
        String out = result.out();

        assertThat(result.exitCode()).as(result.err() + out).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(out).doesNotContainPattern(DatabaseIT.UNFILLED).doesNotContain("\u001B[");

        // The API calls, with the version in front of the path.
        assertThat(step(out, 1)).containsPattern("(?m)^GET /v1\\.\\d+/version → 200 \\(\\d+ ms\\)$");
        // What docker version asks and nothing more, and the daemon named as it names itself.
        assertThat(step(out, 1).lines().filter(line -> line.contains(" → "))).as(step(out, 1)).hasSize(1);
        String engine = DaemonState.podman() ? "Podman " : "Docker Engine ";
        assertThat(DatabaseIT.flat(step(out, 1))).contains("Het antwoord: " + engine
                + DaemonState.client().versionCmd().exec().getVersion() + ", API-versie");
        // By hand, curl goes to this daemon's own socket (Podman's is /run/podman/podman.sock), as does socat.
        assertThat(DatabaseIT.flat(step(out, 1))).contains("curl -s --unix-socket " + DaemonState.socket()
                + " http://localhost/version");
        assertThat(DatabaseIT.flat(step(out, 4))).contains("UNIX-CONNECT:" + DaemonState.socket() + " &");
        String prefix = group(step(out, 3), "(?m)^GET (/v1\\.\\d+)/containers/json\\S* → 200 \\(\\d+ ms\\)$");
        assertThat(DatabaseIT.flat(step(out, 3))).contains("docker ps is niet meer dan GET " + prefix
                + "/containers/json.");
        String id = group(step(out, 2), "(?m)^([0-9a-f]{12})[0-9a-f]{52}$");

        // The same daemon over tcp://127.0.0.1:<port>: the same containers as over the socket.
        int port = Integer.parseInt(group(out, "\\$ docker -H tcp://127\\.0\\.0\\.1:(\\d+) ps"));
        assertThat(step(out, 4)).contains("tcp://127.0.0.1:" + port + " → unix://");
        Set<String> overSocket = new TreeSet<>(Arrays.asList(
                group(DatabaseIT.flat(step(out, 3)), "draaiende containers?: ([^.]+)\\.").split(", ")));
        Set<String> overTcp = psNames(step(out, 5));
        assertThat(overSocket).contains("bewoner");
        assertThat(overTcp).isEqualTo(overSocket);
        assertThat(step(out, 5)).containsPattern("(?m)^" + id + " +busybox(:latest)? +\"sleep 300\" .* bewoner$"); // Podman: busybox:latest

        // Root on the host: the container saw the host's own root folder.
        Set<String> seen = step(out, 6).lines().filter(line -> line.matches("[^ ]+") && !line.startsWith("─"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(seen).contains("etc", "usr").isSubsetOf(rootFolder());

        // Closed: in the demo, and still after the run.
        assertThat(step(out, 7)).contains("127.0.0.1:" + port + ": Connection refused");
        assertThatThrownBy(() -> connect(port)).isInstanceOf(IOException.class);
    }

    /** The NAMES column of a docker ps table. */
    private static Set<String> psNames(String step) {
        List<String> lines = step.lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("CONTAINER ID")) {
            header++;
        }
        Set<String> names = new TreeSet<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            String[] words = line.trim().split(" +");
            names.add(words[words.length - 1]);
        }
        return names;
    }

    private static Set<String> rootFolder() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/"))) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1000);
        }
    }
}
