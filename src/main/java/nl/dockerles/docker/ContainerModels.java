package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSetup;
import nl.dockerles.daemon.Mount;
import nl.dockerles.daemon.PortMapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The daemon's container JSON (a list row, an inspect) to dockerles' records. */
final class ContainerModels {
    private ContainerModels() {
    }

    /** One entry of GET /containers/json. */
    static ContainerRow row(JsonNode c) {
        List<PortMapping> ports = new ArrayList<>();
        for (JsonNode p : c.path("Ports")) {
            ports.add(new PortMapping(text(p, "IP"), p.hasNonNull("PublicPort") ? p.get("PublicPort").asInt() : null,
                    p.path("PrivatePort").asInt(), p.hasNonNull("Type") ? p.get("Type").asText() : "tcp"));
        }
        List<String> names = new ArrayList<>();
        c.path("Names").forEach(name -> names.add(name.asText()));
        return new ContainerRow(text(c, "Id"), imageName(text(c, "Image")), text(c, "Command"), c.path("Created").asLong(),
                text(c, "State"), text(c, "Status"), List.copyOf(ports), List.copyOf(names),
                Labels.of(c.path("Labels")));
    }

    /** The image as the docker CLI names it: Podman says "docker.io/library/busybox:latest" for "busybox:latest". */
    private static String imageName(String image) {
        return image == null ? null : Images.shortName(image);
    }

    /** GET /containers/{id}/json. */
    static ContainerInfo info(JsonNode r) {
        JsonNode state = r.path("State");
        JsonNode config = r.path("Config");
        String name = r.path("Name").asText("").replaceFirst("^/", "");
        String image = imageName(config.hasNonNull("Image") ? config.get("Image").asText() : text(r, "Image"));
        return new ContainerInfo(text(r, "Id"), name, image, state.path("Status").asText(""),
                state.path("Running").asBoolean(false), state.path("ExitCode").asInt(0), state.path("Pid").asInt(0),
                instant(text(state, "StartedAt")), instant(text(state, "FinishedAt")),
                r.path("RestartCount").asInt(0), Labels.of(config.path("Labels")), config.path("Hostname").asText(""),
                published(r.path("NetworkSettings").path("Ports")), setup(r));
    }

    /** How the container was made: Path, Config, HostConfig, Mounts. */
    static ContainerSetup setup(JsonNode r) {
        JsonNode config = r.path("Config");
        JsonNode host = r.path("HostConfig");
        String pidMode = host.path("PidMode").asText("");
        if (pidMode.equals("private")) {
            pidMode = ""; // Podman's word for the container's own PID namespace, which Docker leaves empty
        }
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode m : r.path("Mounts")) {
            mounts.add(new Mount(m.path("Type").asText(""), text(m, "Name"), m.path("Destination").asText("")));
        }
        JsonNode policy = host.path("RestartPolicy");
        return new ContainerSetup(text(r, "Image"), text(r, "Path"), config.path("User").asText(""),
                config.path("AttachStdout").asBoolean(false) || config.path("AttachStderr").asBoolean(false),
                host.path("Init").asBoolean(false), host.path("Memory").asLong(0), pidMode,
                policy.path("Name").asText(""), policy.path("MaximumRetryCount").asInt(0), mounts);
    }

    /**
     * The published ports ({@code NetworkSettings.Ports}: {@code {"80/tcp": [{"HostIp": …, "HostPort": "8080"}]}})
     * with the host address and port Docker chose, sorted. A port that is only exposed is not in it.
     */
    static List<PortMapping> published(JsonNode ports) {
        List<PortMapping> published = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ports.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] port = entry.getKey().split("/", 2);
            String protocol = port.length > 1 ? port[1] : "tcp";
            Integer containerPort = number(port[0]);
            if (containerPort == null) {
                continue; // not "80/tcp": nothing a section publishes
            }
            for (JsonNode binding : entry.getValue()) {
                if (number(text(binding, "HostPort")) == null) {
                    continue; // Podman lists a port that is only exposed with an empty binding; Docker with null
                }
                published.add(new PortMapping(text(binding, "HostIp"), number(text(binding, "HostPort")),
                        containerPort, protocol));
            }
        }
        published.sort(Comparator.comparingInt(PortMapping::containerPort)
                .thenComparing(PortMapping::protocol)
                .thenComparing(p -> String.valueOf(p.hostIp())));
        return List.copyOf(published);
    }

    /** "8080" as a number; blank or a range ("8000-8010") is null. */
    private static Integer number(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(spec.trim());
        } catch (NumberFormatException e) {
            return null;
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

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
