package nl.dockerles.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.ContainerSpec;
import nl.dockerles.engine.PortMapping;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerSpecsTest {

    private static CreateContainerCmd apply(ContainerSpec spec) {
        return ContainerSpecs.apply(spec, new CreateContainerCmdImpl(command -> {
            throw new AssertionError("not sent");
        }, null, spec.image()));
    }

    private static ContainerSpec spec(List<PortMapping> ports, List<String> binds, String restart) {
        return new ContainerSpec("nginx:latest", List.of("nginx", "-g", "daemon off;"), "web", false, false, false,
                ports, binds, List.of("KLEUR=blauw"), restart, "101", Map.of("nl.dockerles.run", "r1"));
    }

    @Test
    void theBasicsGoIntoTheConfig() {
        CreateContainerCmd cmd = apply(spec(List.of(), List.of(), null));
        assertThat(cmd.getImage()).isEqualTo("nginx:latest");
        assertThat(cmd.getCmd()).containsExactly("nginx", "-g", "daemon off;");
        assertThat(cmd.getName()).isEqualTo("web");
        assertThat(cmd.getEnv()).containsExactly("KLEUR=blauw");
        assertThat(cmd.getUser()).isEqualTo("101");
        assertThat(cmd.getLabels()).containsEntry("nl.dockerles.run", "r1");
        assertThat(cmd.getHostConfig().getAutoRemove()).isFalse();
        assertThat(cmd.getHostConfig().getRestartPolicy()).isNull();
        assertThat(cmd.isTty()).isFalse();
        assertThat(cmd.isStdInOnce()).isFalse();
    }

    @Test
    void anInteractiveTtyAlsoClosesStdinWithTheAttach() {
        ContainerSpec it = new ContainerSpec("busybox", List.of("sh"), null, true, true, true,
                List.of(), List.of(), List.of(), null, null, Map.of());
        CreateContainerCmd cmd = apply(it);
        assertThat(cmd.isTty()).isTrue();
        assertThat(cmd.isStdinOpen()).isTrue();
        assertThat(cmd.isStdInOnce()).isTrue();
        assertThat(cmd.getHostConfig().getAutoRemove()).isTrue();
        assertThat(cmd.getName()).isNull();
    }

    @Test
    void portsArePublishedOnAllInterfacesUnlessAnAddressIsGiven() {
        CreateContainerCmd cmd = apply(spec(List.of(new PortMapping(null, 8080, 80, "tcp"),
                new PortMapping("", 8443, 443, null), new PortMapping("127.0.0.1", 0, 53, "udp"),
                new PortMapping(null, null, 9000, "tcp")), List.of(), null));
        assertThat(cmd.getExposedPorts()).containsExactly(ExposedPort.tcp(80), ExposedPort.tcp(443), ExposedPort.udp(53),
                ExposedPort.tcp(9000));
        Map<ExposedPort, Ports.Binding[]> bindings = cmd.getHostConfig().getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(80))).containsExactly(new Ports.Binding(null, "8080"));
        assertThat(bindings.get(ExposedPort.tcp(443))).containsExactly(new Ports.Binding(null, "8443"));
        // Host port 0: Docker picks a free one, as with -p 53/udp.
        assertThat(bindings.get(ExposedPort.udp(53))).containsExactly(new Ports.Binding("127.0.0.1", null));
        // No host port at all: only exposed, as EXPOSE or --expose.
        assertThat(bindings).doesNotContainKey(ExposedPort.tcp(9000));
    }

    @Test
    void onlyExposedPortsPublishNothing() {
        CreateContainerCmd cmd = apply(spec(List.of(new PortMapping(null, null, 80, "tcp")), List.of(), null));
        assertThat(cmd.getExposedPorts()).containsExactly(ExposedPort.tcp(80));
        assertThat(cmd.getHostConfig().getPortBindings()).isNull();
    }

    @Test
    void bindsAndRestartPoliciesAreParsedLikeTheDockerCli() {
        CreateContainerCmd cmd = apply(spec(List.of(), List.of("/srv/site:/usr/share/nginx/html:ro", "data:/data"),
                "on-failure:3"));
        var binds = cmd.getHostConfig().getBinds();
        assertThat(binds).hasSize(2);
        assertThat(binds[0].getPath()).isEqualTo("/srv/site");
        assertThat(binds[0].getVolume().getPath()).isEqualTo("/usr/share/nginx/html");
        assertThat(binds[0].getAccessMode()).isEqualTo(AccessMode.ro);
        assertThat(binds[1].getPath()).isEqualTo("data");
        assertThat(cmd.getHostConfig().getRestartPolicy()).isEqualTo(RestartPolicy.onFailureRestart(3));

        for (String policy : List.of("always", "unless-stopped", "no")) {
            assertThat(apply(spec(List.of(), List.of(), policy)).getHostConfig().getRestartPolicy())
                    .isEqualTo(RestartPolicy.parse(policy));
        }
    }

    @Test
    void anUnknownRestartPolicyIsAContentError() {
        assertThatThrownBy(() -> apply(spec(List.of(), List.of(), "soms")))
                .isInstanceOfSatisfying(DockerlesException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONTENT);
                    assertThat(e.key()).isEqualTo("error.container.spec.invalid");
                    assertThat(e.args()).containsExactly("restart", "soms");
                });
    }
}
