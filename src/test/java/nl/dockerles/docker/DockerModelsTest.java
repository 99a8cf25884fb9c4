package nl.dockerles.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import nl.dockerles.engine.Docker.ContainerEvent;
import nl.dockerles.engine.PortMapping;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small translations: published ports, events, label filters, raw paths and queries. */
class DockerModelsTest {

    @Test
    void onlyPublishedPortsCountWithTheirHostAddressAndPort() {
        Ports ports = new Ports();
        ports.bind(ExposedPort.tcp(80), new Ports.Binding("0.0.0.0", "49153"));
        ports.bind(ExposedPort.tcp(80), new Ports.Binding("::", "49153"));
        ports.bind(ExposedPort.udp(53), new Ports.Binding("127.0.0.1", "5353"));
        ports.bind(ExposedPort.tcp(9000), null); // exposed only

        // Sorted by container port, then protocol and host address.
        assertThat(ContainerModels.published(ports)).containsExactly(
                new PortMapping("127.0.0.1", 5353, 53, "udp"),
                new PortMapping("0.0.0.0", 49153, 80, "tcp"),
                new PortMapping("::", 49153, 80, "tcp"));
        assertThat(ContainerModels.published(null)).isEmpty();
    }

    @Test
    void anEventBecomesAContainerEvent() {
        Event die = new Event("die", "abc123", "busybox:latest", 1700000000L)
                .withAction("die")
                .withTimenano(1700000000123456789L)
                .withEventActor(new EventActor().withId("abc123")
                        .withAttributes(Map.of("name", "web", "exitCode", "3", "nl.dockerles.run", "r1")));
        assertThat(EventFollower.event(die)).isEqualTo(new ContainerEvent("die", "abc123", "web", 1700000000123456789L,
                Map.of("name", "web", "exitCode", "3", "nl.dockerles.run", "r1")));

        Event old = new Event("start", "def456", "busybox", 1700000001L);
        assertThat(EventFollower.event(old)).isEqualTo(new ContainerEvent("start", "def456", null,
                1700000001000000000L, Map.of()));
    }

    @Test
    void sinceIsSecondsAndNanoseconds() {
        assertThat(EventFollower.since(Instant.ofEpochSecond(1700000000L, 42))).isEqualTo("1700000000.000000042");
    }

    @Test
    void labelFiltersAsTheDockerCliWritesThem() {
        assertThat(Labels.filters(Map.of("b", "2", "a", "1"))).containsExactly("a=1", "b=2");
        assertThat(Labels.filters(null)).isEmpty();
        java.util.Map<String, String> anyValue = new java.util.HashMap<>();
        anyValue.put("nl.dockerles.test", null);
        assertThat(Labels.filters(anyValue)).containsExactly("nl.dockerles.test");
    }

    @Test
    void rawPathsAndQueries() {
        assertThat(RawApi.segment("registry:5000/team/app:1.0")).isEqualTo("registry:5000/team/app:1.0");
        assertThat(RawApi.segment("rare naam?")).isEqualTo("rare%20naam%3F");
        assertThat(RawApi.query("container", "web", "repo", null, "changes", java.util.List.of("ENV A=1", "CMD [\"ls\"]")))
                .isEqualTo("?container=web&changes=ENV%20A%3D1&changes=CMD%20%5B%22ls%22%5D");
        assertThat(RawApi.query("repo", null)).isEmpty();
    }

    @Test
    void theDaemonsMessageComesOutOfItsJson() {
        assertThat(new RawApi.Reply(409, "{\"message\":\"conflict: in gebruik\"}\n").message())
                .isEqualTo("conflict: in gebruik");
        assertThat(new RawApi.Reply(500, "geen json").message()).isEqualTo("geen json");
        assertThat(new RawApi.Reply(502, "").message()).isEqualTo("HTTP 502");
    }
}
