package nl.dockerles.it;

import nl.dockerles.content.Catalog;
import nl.dockerles.ops.WorkshopNeeds;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dockerles check} on this machine, as the built jar. */
class CheckIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String OK = "(✓|OK) ";

    /**
     * Other tests on this machine (PortsIT) occupy the sections' ports for a few seconds on purpose: a check that
     * fails on ports alone is tried again, for at most half a minute.
     */
    private static DockerlesJar.Result checkWhenThePortsAreFree() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "check");
        while (result.exitCode() == 8 && onlyPortsFailed(result.out()) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            result = DockerlesJar.run(LIMIT, Map.of(), "check");
        }
        return result;
    }

    private static boolean onlyPortsFailed(String out) {
        return out.lines().filter(line -> line.startsWith("✗ ") || line.startsWith("XX "))
                .allMatch(line -> line.contains(" Poort "));
    }

    /** Binds the port; while another test holds it, waits for it (at most half a minute). */
    private static ServerSocket occupy(WorkshopNeeds.PortNeed port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true); // a connection of an earlier test in TIME_WAIT is no owner
                socket.bind(new InetSocketAddress(InetAddress.getByName(port.hostIp()), port.port()));
                return socket;
            } catch (java.net.BindException taken) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    void everythingIsHereSoTheWorkshopCanRun() throws Exception {
        DockerlesJar.Result result = checkWhenThePortsAreFree();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        // Facts that hold on every daemon of the CI matrix (Docker 20.10, 28.5 with containerd, Podman: issue 12).
        assertThat(result.out()).containsPattern(OK + "Docker daemon bereikbaar op unix:///\\S+\\.sock")
                .containsPattern("(Docker Engine|Podman) [0-9.]+\\S*, API 1\\.\\d+ \\(dockerles spreekt 1\\.\\d+\\), linux/")
                .contains("De daemon draait direct op deze machine, niet in een VM.")
                .containsPattern(OK + "Image busybox:latest is er")
                .containsPattern(OK + "Image nginx:latest is er \\(voor ports\\)")
                .containsPattern(OK + "Image postgres:15 is er \\(voor database\\)")
                .containsPattern(OK + "Poort 127\\.0\\.0\\.1:8080 ")
                .containsPattern(OK + "Schijfruimte: [0-9,]+ [kMGT]?B vrij in /\\S+, de map van Docker")
                .contains("Alles in orde: de workshop kan hier draaien.")
                .doesNotContain("\u001B[");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aTakenPortIsNamedWithWhatToDoAndFails() throws Exception {
        WorkshopNeeds.PortNeed port = WorkshopNeeds.of(new Catalog()).ports().get(
                WorkshopNeeds.of(new Catalog()).ports().size() - 1);
        try (ServerSocket occupied = occupy(port)) {
            DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "check");

            assertThat(result.exitCode()).as(result.out()).isEqualTo(8);
            assertThat(result.out())
                    .containsPattern("(✗|XX) Poort " + port.address().replace(".", "\\.")
                            + " is bezet door een ander programma \\(nodig voor ports\\)")
                    .contains("Wat nu: kijk welk programma hem gebruikt")
                    .contains("ss -ltnp | grep :" + port.port())
                    .containsPattern(OK + "Image busybox:latest is er")
                    .contains("Nog niet klaar: ");
            assertThat(occupied.isBound()).isTrue();
        }
    }

    @Test
    void withoutADaemonItSaysWhatToDoAndExitsThree() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of("DOCKER_HOST", "unix:///tmp/geen-docker-hier.sock"),
                "check");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).containsPattern("(✗|XX) Docker daemon: niet bereikbaar")
                .contains("unix:///tmp/geen-docker-hier.sock").contains("Wat nu:")
                .contains("Zonder daemon valt de rest niet te controleren");
    }
}
