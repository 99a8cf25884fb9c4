package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.PortMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerSpecsTest {

    private static ContainerSpec spec(List<PortMapping> ports, List<String> binds, String restart) {
        return new ContainerSpec("nginx:latest", List.of("nginx", "-g", "daemon off;"), "web", false, false, false,
                ports, binds, List.of("KLEUR=blauw"), restart, "101", Map.of("nl.dockerles.run", "r1"));
    }

    private static JsonNode json(String text) throws Exception {
        return RawApi.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theBasicsGoIntoTheBodyAsDockerRunSendsThem() throws Exception {
        assertThat((JsonNode) ContainerSpecs.body(spec(List.of(), List.of(), null))).isEqualTo(json("""
                {'Image': 'nginx:latest', 'Cmd': ['nginx', '-g', 'daemon off;'], 'Tty': false, 'OpenStdin': false,
                 'StdinOnce': false, 'AttachStdin': false, 'AttachStdout': false, 'AttachStderr': false,
                 'Env': ['KLEUR=blauw'], 'User': '101', 'Labels': {'nl.dockerles.run': 'r1'},
                 'HostConfig': {'AutoRemove': false}}"""));
    }

    @Test
    void anInteractiveTtyAlsoClosesStdinWithTheAttach() {
        JsonNode body = ContainerSpecs.body(new ContainerSpec("busybox", List.of("sh"), null, true, true, true,
                List.of(), List.of(), List.of(), null, null, Map.of()));
        assertThat(body.path("Tty").asBoolean()).isTrue();
        assertThat(body.path("OpenStdin").asBoolean()).isTrue();
        assertThat(body.path("StdinOnce").asBoolean()).isTrue();
        assertThat(body.path("AttachStdin").asBoolean()).isTrue();
        assertThat(body.path("HostConfig").path("AutoRemove").asBoolean()).isTrue();
        assertThat(body.has("Labels")).isFalse();
    }

    @Test
    void portsArePublishedOnAllInterfacesUnlessAnAddressIsGiven() throws Exception {
        JsonNode body = ContainerSpecs.body(spec(List.of(new PortMapping(null, 8080, 80, "tcp"),
                new PortMapping("", 8443, 443, null), new PortMapping("127.0.0.1", 0, 53, "udp"),
                new PortMapping(null, null, 9000, "tcp")), List.of(), null));
        assertThat(body.get("ExposedPorts")).isEqualTo(json("{'80/tcp': {}, '443/tcp': {}, '53/udp': {}, '9000/tcp': {}}"));
        // Host port 0: Docker picks a free one, as with -p 53/udp. No host port: only exposed, as --expose.
        assertThat(body.path("HostConfig").get("PortBindings")).isEqualTo(json("""
                {'80/tcp': [{'HostIp': '', 'HostPort': '8080'}], '443/tcp': [{'HostIp': '', 'HostPort': '8443'}],
                 '53/udp': [{'HostIp': '127.0.0.1', 'HostPort': ''}]}"""));
    }

    @Test
    void onlyExposedPortsPublishNothing() throws Exception {
        JsonNode body = ContainerSpecs.body(spec(List.of(new PortMapping(null, null, 80, "tcp")), List.of(), null));
        assertThat(body.get("ExposedPorts")).isEqualTo(json("{'80/tcp': {}}"));
        assertThat(body.path("HostConfig").has("PortBindings")).isFalse();
    }

    @Test
    void bindsGoAsWrittenAndRestartPoliciesAsTheApiNamesThem() throws Exception {
        JsonNode host = ContainerSpecs.body(spec(List.of(), List.of("/srv/site:/usr/share/nginx/html:ro",
                "data:/data"), "on-failure:3")).path("HostConfig");
        assertThat(host.get("Binds")).isEqualTo(json("['/srv/site:/usr/share/nginx/html:ro', 'data:/data']"));
        assertThat(host.get("RestartPolicy")).isEqualTo(json("{'Name': 'on-failure', 'MaximumRetryCount': 3}"));

        for (String policy : List.of("always", "unless-stopped", "no")) {
            assertThat(ContainerSpecs.body(spec(List.of(), List.of(), policy)).path("HostConfig").get("RestartPolicy"))
                    .isEqualTo(json("{'Name': '" + policy + "'}"));
        }
    }

    @Test
    void anUnknownRestartPolicyOrABrokenVolumeIsAContentError() {
        assertThatThrownBy(() -> ContainerSpecs.body(spec(List.of(), List.of(), "soms")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONTENT);
                    assertThat(e.key()).isEqualTo("error.container.spec.invalid");
                    assertThat(e.args()).containsExactly("restart", "soms");
                });
        assertThatThrownBy(() -> ContainerSpecs.body(spec(List.of(), List.of(), "always:3")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(e.args()).containsExactly("restart",
                        "always:3"));
        assertThatThrownBy(() -> ContainerSpecs.body(spec(List.of(), List.of("::"), null)))
                .isInstanceOfSatisfying(DockerlesException.class, e -> assertThat(e.args()).containsExactly("volume",
                        "::"));
    }
}
