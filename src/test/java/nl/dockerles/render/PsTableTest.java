package nl.dockerles.render;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.PortMapping;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PsTableTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void looksExactlyLikeTheDockerCli() {
        var row = new ContainerRow("1a2b3c4d5e6f7a8b9c0d", "busybox", "sh", NOW.getEpochSecond() - 5, "running",
                "Up 4 seconds", List.of(), List.of("/demo"), Map.of());
        assertThat(PsTable.render(List.of(row), NOW)).isEqualTo("""
                CONTAINER ID   IMAGE     COMMAND   CREATED         STATUS         PORTS     NAMES
                1a2b3c4d5e6f   busybox   "sh"      5 seconds ago   Up 4 seconds             demo
                """);
    }

    @Test
    void headerOnlyWhenNothingRuns() {
        assertThat(PsTable.render(List.of(), NOW))
                .isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    }

    @Test
    void longCommandsAreCutWithAnEllipsisAndPortsAreShown() {
        var row = new ContainerRow("ab", "nginx", "/docker-entrypoint.sh nginx -g 'daemon off;'",
                NOW.getEpochSecond() - 120, "running", "Up 2 minutes",
                List.of(new PortMapping("127.0.0.1", 8080, 80, "tcp")), List.of("/web"), Map.of());
        assertThat(PsTable.render(List.of(row), NOW)).contains("\"/docker-entrypoint.…\"")
                .contains("2 minutes ago").contains("127.0.0.1:8080->80/tcp   web");
    }

    @Test
    void humanDurationsAsGoUnits() {
        assertThat(HumanDuration.of(Duration.ofMillis(500))).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(HumanDuration.of(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(HumanDuration.of(Duration.ofSeconds(90))).isEqualTo("About a minute");
        assertThat(HumanDuration.of(Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(HumanDuration.of(Duration.ofMinutes(70))).isEqualTo("About an hour");
        assertThat(HumanDuration.of(Duration.ofHours(30))).isEqualTo("30 hours");
        assertThat(HumanDuration.of(Duration.ofDays(3))).isEqualTo("3 days");
    }
}
