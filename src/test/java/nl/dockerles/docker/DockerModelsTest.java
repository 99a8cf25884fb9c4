package nl.dockerles.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import nl.dockerles.daemon.Docker.ContainerEvent;
import nl.dockerles.daemon.PortMapping;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The small translations: published ports, events, label filters, raw paths and queries. */
class DockerModelsTest {

    @Test
    void onlyPublishedPortsCountWithTheirHostAddressAndPort() throws Exception {
        var ports = RawApi.JSON.readTree("""
                {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "49153"}, {"HostIp": "::", "HostPort": "49153"}],
                 "53/udp": [{"HostIp": "127.0.0.1", "HostPort": "5353"}],
                 "9000/tcp": null}""");

        // Sorted by container port, then protocol and host address; 9000 is exposed only.
        assertThat(ContainerModels.published(ports)).containsExactly(
                new PortMapping("127.0.0.1", 5353, 53, "udp"),
                new PortMapping("0.0.0.0", 49153, 80, "tcp"),
                new PortMapping("::", 49153, 80, "tcp"));
        assertThat(ContainerModels.published(RawApi.JSON.missingNode())).isEmpty();
    }

    @Test
    void aListRowAndAnInspectBecomeOurRecords() throws Exception {
        var row = ContainerModels.row(RawApi.JSON.readTree("""
                {"Id": "abc", "Names": ["/web"], "Image": "nginx", "Command": "nginx -g 'daemon off;'",
                 "Created": 1700000000, "State": "running", "Status": "Up 2 seconds",
                 "Ports": [{"IP": "127.0.0.1", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
                           {"PrivatePort": 443, "Type": "tcp"}],
                 "Labels": {"nl.dockerles.run": "r1"}}"""));
        assertThat(row).isEqualTo(new nl.dockerles.daemon.ContainerRow("abc", "nginx", "nginx -g 'daemon off;'",
                1700000000L, "running", "Up 2 seconds", java.util.List.of(new PortMapping("127.0.0.1", 8080, 80, "tcp"),
                new PortMapping(null, null, 443, "tcp")), java.util.List.of("/web"), Map.of("nl.dockerles.run", "r1")));

        var info = ContainerModels.info(RawApi.JSON.readTree("""
                {"Id": "abc", "Name": "/web", "Image": "sha256:1", "RestartCount": 2,
                 "State": {"Status": "exited", "Running": false, "ExitCode": 137, "Pid": 0,
                           "StartedAt": "2026-11-27T10:00:00.5Z", "FinishedAt": "0001-01-01T00:00:00Z"},
                 "Config": {"Image": "nginx", "Hostname": "abc", "Labels": null},
                 "NetworkSettings": {"Ports": {}}}"""));
        assertThat(info).isEqualTo(new nl.dockerles.daemon.ContainerInfo("abc", "web", "nginx", "exited", false, 137, 0,
                Instant.parse("2026-11-27T10:00:00.5Z"), null, 2, Map.of(), "abc", java.util.List.of(),
                new nl.dockerles.daemon.ContainerSetup("sha256:1", null, "", false, false, 0, "", "", 0,
                        java.util.List.of())));
    }

    @Test
    void checksDetailsComeFromTheSameInfoAndVersion() throws Exception {
        var details = DaemonDetailsQuery.of(RawApi.JSON.readTree("""
                {"DockerRootDir": "/var/lib/docker", "Driver": "overlayfs",
                 "DriverStatus": [["driver-type", "io.containerd.snapshotter.v1"]]}"""),
                RawApi.JSON.readTree("""
                {"Components": [{"Name": "Engine"}, {"Name": "containerd"}]}"""));
        assertThat(details).isEqualTo(new nl.dockerles.daemon.Docker.DaemonDetails("/var/lib/docker",
                java.util.List.of("Engine", "containerd"), "overlayfs", "io.containerd.snapshotter.v1"));
        assertThat(details.containerdStore()).isTrue();
        assertThat(DaemonDetailsQuery.of(RawApi.JSON.readTree("{}"), RawApi.JSON.readTree("{}")))
                .isEqualTo(new nl.dockerles.daemon.Docker.DaemonDetails(null, java.util.List.of(), null, null));
    }

    @Test
    void howAContainerWasMadeComesFromItsInspect() throws Exception {
        var setup = ContainerModels.info(RawApi.JSON.readTree("""
                {"Id": "abc", "Name": "/web", "Image": "sha256:1", "Path": "nginx",
                 "Config": {"User": "1000:1000", "AttachStdout": false, "AttachStderr": true},
                 "HostConfig": {"Init": true, "Memory": 67108864, "PidMode": "private",
                                "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3}},
                 "Mounts": [{"Type": "bind", "Source": "/tmp/x", "Destination": "/host"},
                            {"Type": "volume", "Name": "data", "Source": "/var/lib/docker/volumes/data/_data",
                             "Destination": "/data"}]}""")).setup();
        assertThat(setup).isEqualTo(new nl.dockerles.daemon.ContainerSetup("sha256:1", "nginx", "1000:1000", true,
                true, 67108864, "", "on-failure", 3, java.util.List.of(
                new nl.dockerles.daemon.Mount("bind", null, "/host"),
                new nl.dockerles.daemon.Mount("volume", "data", "/data"))));
        assertThat(setup.volumes()).extracting(nl.dockerles.daemon.Mount::name).containsExactly("data");
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
