package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import static nl.dockerles.it.DatabaseIT.group;
import static nl.dockerles.it.DatabaseIT.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo tooltje}: a web tool answers on its published port; then exactly the same docker run goes
 * to "another daemon" (this one, over a TCP port of 127.0.0.1) because only DOCKER_HOST changed, and answers there.
 */
class TooltjeIT {
    private static final String SECTION = "tooltje";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
    }

    @Test
    void theSameCommandStartsTheToolOnAnotherDaemonWhenOnlyTheEnvironmentChanges() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);
        Outputs.assertCleanRun(result);
        String out = result.out();

        String run = group(step(out, 1), "(\\$ docker run -d --name tooltje --restart=unless-stopped -p 127\\.0\\.0\\.1:\\d+:8080 adminer)\\R");
        int port = Integer.parseInt(group(run, ":(\\d+):8080"));
        assertAnswered(step(out, 2), port);
        assertThat(DatabaseIT.flat(step(out, 2))).containsPattern("Status 200, de pagina \"[^\"]+\"");

        int tcp = Integer.parseInt(group(step(out, 4), "tcp://127\\.0\\.0\\.1:(\\d+) → unix://"));
        assertThat(step(out, 5)).contains("$ export DOCKER_HOST=tcp://127.0.0.1:" + tcp + "\n");
        // The same command, character for character; it went to the daemon over TCP.
        assertThat(group(step(out, 6), "(\\$ docker run [^\\n]*)\\R")).isEqualTo(run);
        assertThat(DatabaseIT.flat(step(out, 6))).contains("tooltje draait nu op tcp://127.0.0.1:" + tcp);
        assertAnswered(step(out, 7), port);
        assertThat(step(out, 8)).contains("$ unset DOCKER_HOST");
        assertThat(step(out, 9)).contains("127.0.0.1:" + tcp + ": Connection refused");

        // Two containers tooltje, one after the other: the first was removed before the second was made.
        String first = group(step(out, 1), "(?m)^([0-9a-f]{12})[0-9a-f]{52}$");
        String second = group(step(out, 6), "(?m)^([0-9a-f]{12})[0-9a-f]{52}$");
        assertThat(second).isNotEqualTo(first);
        assertThat(step(out, 3)).contains("$ docker rm -f tooltje\ntooltje\n");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", tcp), 1000);
            }
        }).isInstanceOf(IOException.class);
    }

    private static void assertAnswered(String step, int port) {
        assertThat(step).contains("$ curl -si --retry 20 --retry-all-errors http://127.0.0.1:" + port + "/")
                .containsPattern("\\RHTTP/1\\.[01] 200\\R").containsPattern("<title>[^<]+</title>");
    }
}
