package nl.dockerles.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.ContainerSpec;
import nl.dockerles.engine.PortMapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Puts a {@link ContainerSpec} into docker-java's create command, as {@code docker run} would. */
final class ContainerSpecs {
    private ContainerSpecs() {
    }

    static CreateContainerCmd apply(ContainerSpec spec, CreateContainerCmd cmd) {
        if (spec.command() != null && !spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        if (notBlank(spec.name())) {
            cmd.withName(spec.name());
        }
        boolean interactive = spec.tty() && spec.stdinOpen();
        cmd.withTty(spec.tty())
                .withStdinOpen(spec.stdinOpen())
                // As `docker run -it`: stdin closes when the (one) attached client goes away.
                .withStdInOnce(interactive)
                .withAttachStdin(interactive)
                .withAttachStdout(interactive)
                .withAttachStderr(interactive);
        if (spec.env() != null && !spec.env().isEmpty()) {
            cmd.withEnv(spec.env());
        }
        if (notBlank(spec.user())) {
            cmd.withUser(spec.user());
        }
        if (spec.labels() != null && !spec.labels().isEmpty()) {
            cmd.withLabels(spec.labels());
        }
        HostConfig host = HostConfig.newHostConfig().withAutoRemove(spec.autoRemove());
        List<PortMapping> ports = spec.ports() == null ? List.of() : spec.ports();
        if (!ports.isEmpty()) {
            Ports bindings = new Ports();
            Set<ExposedPort> exposed = new LinkedHashSet<>();
            boolean published = false;
            for (PortMapping port : ports) {
                ExposedPort containerPort = exposedPort(port);
                exposed.add(containerPort);
                if (port.hostPort() != null) {
                    bindings.bind(containerPort, binding(port));
                    published = true;
                }
            }
            cmd.withExposedPorts(new ArrayList<>(exposed));
            if (published) {
                host.withPortBindings(bindings);
            }
        }
        if (spec.binds() != null && !spec.binds().isEmpty()) {
            host.withBinds(spec.binds().stream().map(ContainerSpecs::bind).toList());
        }
        if (notBlank(spec.restartPolicy())) {
            host.withRestartPolicy(restartPolicy(spec.restartPolicy().trim()));
        }
        return cmd.withHostConfig(host);
    }

    private static ExposedPort exposedPort(PortMapping port) {
        String protocol = notBlank(port.protocol()) ? port.protocol() : "tcp";
        try {
            return new ExposedPort(port.containerPort(), InternetProtocol.parse(protocol));
        } catch (IllegalArgumentException e) {
            throw invalid("poort", port.containerPort() + "/" + protocol, e);
        }
    }

    // No host address (null or "") means all interfaces; host port 0 means Docker picks a free one (-p 80).
    private static Ports.Binding binding(PortMapping port) {
        String ip = notBlank(port.hostIp()) ? port.hostIp() : null;
        return new Ports.Binding(ip, port.hostPort() == 0 ? null : String.valueOf(port.hostPort()));
    }

    private static Bind bind(String spec) {
        try {
            return Bind.parse(spec);
        } catch (IllegalArgumentException e) {
            throw invalid("volume", spec, e);
        }
    }

    private static RestartPolicy restartPolicy(String spec) {
        try {
            return RestartPolicy.parse(spec);
        } catch (IllegalArgumentException e) {
            throw invalid("restart", spec, e);
        }
    }

    private static DockerlesException invalid(String what, String value, Exception cause) {
        return new DockerlesException(ExitCode.CONTENT, cause, "error.container.spec.invalid", what, value);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
