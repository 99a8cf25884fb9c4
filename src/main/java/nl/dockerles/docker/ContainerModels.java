package nl.dockerles.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.ContainerRow;
import nl.dockerles.engine.PortMapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** docker-java's container models to dockerles' records. */
final class ContainerModels {
    private ContainerModels() {
    }

    static ContainerRow row(Container c) {
        List<PortMapping> ports = c.getPorts() == null ? List.of() : Arrays.stream(c.getPorts())
                .map(ContainerModels::port)
                .toList();
        return new ContainerRow(c.getId(), c.getImage(), c.getCommand(),
                c.getCreated() == null ? 0 : c.getCreated(), c.getState(), c.getStatus(), ports,
                c.getNames() == null ? List.of() : List.of(c.getNames()), labels(c.getLabels()));
    }

    private static PortMapping port(ContainerPort p) {
        return new PortMapping(p.getIp(), p.getPublicPort(), p.getPrivatePort() == null ? 0 : p.getPrivatePort(),
                p.getType() == null ? "tcp" : p.getType());
    }

    static ContainerInfo info(InspectContainerResponse r) {
        InspectContainerResponse.ContainerState state = r.getState();
        ContainerConfig config = r.getConfig();
        String name = r.getName() == null ? "" : r.getName().replaceFirst("^/", "");
        return new ContainerInfo(r.getId(), name,
                config != null && config.getImage() != null ? config.getImage() : r.getImageId(),
                state == null ? "" : String.valueOf(state.getStatus()),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
                state == null || state.getPidLong() == null ? 0 : state.getPidLong().intValue(),
                instant(state == null ? null : state.getStartedAt()),
                instant(state == null ? null : state.getFinishedAt()),
                r.getRestartCount() == null ? 0 : r.getRestartCount(),
                labels(config == null ? null : config.getLabels()),
                config == null || config.getHostName() == null ? "" : config.getHostName(),
                published(r.getNetworkSettings() == null ? null : r.getNetworkSettings().getPorts()));
    }

    /** The published ports (NetworkSettings.Ports) with the host address and port Docker chose; sorted. */
    static List<PortMapping> published(Ports ports) {
        if (ports == null || ports.getBindings() == null) {
            return List.of();
        }
        List<PortMapping> published = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
            if (entry.getValue() == null) {
                continue; // exposed, not published
            }
            ExposedPort port = entry.getKey();
            String protocol = port.getProtocol() == null ? "tcp" : port.getProtocol().toString();
            for (Ports.Binding binding : entry.getValue()) {
                published.add(new PortMapping(binding.getHostIp(), hostPort(binding.getHostPortSpec()),
                        port.getPort(), protocol));
            }
        }
        published.sort(Comparator.comparingInt(PortMapping::containerPort)
                .thenComparing(PortMapping::protocol)
                .thenComparing(p -> String.valueOf(p.hostIp())));
        return List.copyOf(published);
    }

    private static Integer hostPort(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(spec.trim());
        } catch (NumberFormatException e) {
            return null; // a range: not for a running container
        }
    }

    /** Docker's "0001-01-01T00:00:00Z" means "never": null. */
    static Instant instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return Labels.copy(labels);
    }
}
