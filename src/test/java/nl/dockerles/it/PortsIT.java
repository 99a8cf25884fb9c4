package nl.dockerles.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dockerles demo ports} against the real daemon, run as the built jar: two nginx containers on port 80
 * inside, published on 127.0.0.1 only, both answering; a taken host port is replaced by a free one.
 *
 * <p>The host ports are read from the output, never assumed: a port that something else on this machine holds
 * (another test, a connection in TIME_WAIT) is replaced by the demo itself.
 */
class PortsIT {
    private static final String SECTION = "ports";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
    }

    @Test
    void twoNginxContainersAnswerOnTheirOwnLoopbackPorts() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);

        Outputs.assertCleanRun(result);
        String out = result.out();
        int web = hostPort(out, "web");
        int web2 = hostPort(out, "web2");
        assertThat(web).isNotEqualTo(web2);

        assertAnswered(out, "web", web);
        assertAnswered(out, "web2", web2);
        String flat = Outputs.flat(out);
        assertThat(flat).contains("nginx antwoordt met status 200 en de pagina \"Welcome to nginx!\"")
                .containsPattern("Wij vroegen 127\\.0\\.0\\.1:" + web + ";")
                .containsPattern("Ook web2 antwoordt: status 200, \"Welcome to nginx!\"")
                .containsPattern("buiten op " + web + " en " + web2 + "\\.");

        // docker port: the binding is on 127.0.0.1 only, not on every address of the machine.
        Matcher port = Pattern.compile("\\$ docker port web\\R((?:.+\\R)+?)\\R").matcher(out);
        assertThat(port.find()).as(out).isTrue();
        assertThat(port.group(1).strip()).isEqualTo("80/tcp -> 127.0.0.1:" + web);
        assertThat(flat).containsPattern("te bereiken op 127\\.0\\.0\\.1:" + web + ", en alleen daar");
        assertThat(flat).containsPattern("Opgeruimd wat deze demo maakte: .*web");
    }

    @Test
    void aTakenPortIsReplacedAndNginxAnswersOnTheReplacement() throws Exception {
        try (ServerSocket occupied = occupy(8080)) {
            boolean ours = occupied.isBound();
            DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);

            Outputs.assertCleanRun(result);
            String out = result.out();
            Matcher taken = Pattern.compile("Poort 8080 is op deze machine al bezet; deze demo gebruikt poort (\\d+)\\.")
                    .matcher(Outputs.flat(out));
            assertThat(taken.find()).as(out).isTrue();
            int replacement = Integer.parseInt(taken.group(1));
            assertThat(replacement).isNotEqualTo(8080);

            // The command shown is the command that ran, with the replacement port.
            assertThat(hostPort(out, "web")).isEqualTo(replacement);
            assertThat(hostPort(out, "web2")).isNotEqualTo(replacement).isNotEqualTo(8080);
            assertAnswered(out, "web", replacement);
            assertThat(Outputs.flat(out)).contains("web is gepubliceerd op poort " + replacement
                    + ", omdat de gevraagde poort bezet was");
            assertThat(out).containsPattern("\\$ docker port web\\R80/tcp -> 127\\.0\\.0\\.1:" + replacement + "\\R");
            // Our own socket was not disturbed: dockerles only looked.
            if (ours) {
                assertThat(occupied.isClosed()).isFalse();
                assertThat(occupied.getLocalPort()).isEqualTo(8080);
            }
        }
    }

    @Test
    void theEnglishNarrationIsFilledToo() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION, "--lang", "en");

        Outputs.assertCleanRun(result);
        int web = hostPort(result.out(), "web");
        assertThat(Outputs.flat(result.out())).contains("nginx answers with status 200 and the page \"Welcome to nginx!\"")
                .contains("Port 80/tcp of web can be reached on 127.0.0.1:" + web + ", and only there");
    }

    /** The host port in the {@code docker run} command that the demo printed (and ran) for a container. */
    private static int hostPort(String out, String container) {
        Matcher m = Pattern.compile("\\$ docker run -d --name " + container + " -p 127\\.0\\.0\\.1:(\\d+):80 nginx\\R")
                .matcher(out);
        assertThat(m.find()).as("docker run of " + container + " in:\n" + out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The http-get step asked 127.0.0.1:port and nginx answered 200 with its welcome page. */
    private static void assertAnswered(String out, String container, int port) {
        String command = "$ curl -si --retry 20 --retry-all-errors http://127.0.0.1:" + port + "/";
        int at = out.indexOf(command);
        assertThat(at).as(command + " for " + container + " in:\n" + out).isNotNegative();
        String answer = out.substring(at, out.indexOf("→", at));
        assertThat(answer).containsPattern("\\RHTTP/1\\.1 200\\R")
                .containsPattern("\\RServer: nginx")
                .contains("<title>Welcome to nginx!</title>");
    }

    /**
     * Holds 127.0.0.1:port. Should something else hold it already, it is taken all the same: that is the case
     * under test. A connection of an earlier run in TIME_WAIT does not count (SO_REUSEADDR, Java's default here).
     */
    private static ServerSocket occupy(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (java.net.BindException alreadyTaken) {
            // taken by another process: the demo must still replace it
        }
        return socket;
    }
}
