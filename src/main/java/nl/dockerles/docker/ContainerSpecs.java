package nl.dockerles.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Bind;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.PortMapping;

import java.util.List;
import java.util.Set;

/** A {@link ContainerSpec} as the body of POST /containers/create, the way {@code docker run} fills it in. */
final class ContainerSpecs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> RESTART_POLICIES = Set.of("no", "always", "unless-stopped", "on-failure");

    private ContainerSpecs() {
    }

    static ObjectNode body(ContainerSpec spec) {
        ObjectNode body = JSON.objectNode().put("Image", spec.image());
        if (spec.command() != null && !spec.command().isEmpty()) {
            spec.command().forEach(body.putArray("Cmd")::add);
        }
        boolean interactive = spec.tty() && spec.stdinOpen();
        body.put("Tty", spec.tty())
                .put("OpenStdin", spec.stdinOpen())
                // As `docker run -it`: stdin closes when the (one) attached client goes away.
                .put("StdinOnce", interactive)
                .put("AttachStdin", interactive)
                .put("AttachStdout", interactive)
                .put("AttachStderr", interactive);
        if (spec.env() != null && !spec.env().isEmpty()) {
            spec.env().forEach(body.putArray("Env")::add);
        }
        if (notBlank(spec.user())) {
            body.put("User", spec.user());
        }
        if (notBlank(spec.workingDir())) {
            body.put("WorkingDir", spec.workingDir());
        }
        if (spec.labels() != null && !spec.labels().isEmpty()) {
            ObjectNode labels = body.putObject("Labels");
            spec.labels().forEach(labels::put);
        }
        ObjectNode host = body.putObject("HostConfig").put("AutoRemove", spec.autoRemove());
        if (spec.init()) {
            host.put("Init", true);
        }
        List<PortMapping> ports = spec.ports() == null ? List.of() : spec.ports();
        if (!ports.isEmpty()) {
            ObjectNode exposed = body.putObject("ExposedPorts");
            ObjectNode bindings = JSON.objectNode();
            for (PortMapping port : ports) {
                String key = portKey(port);
                exposed.putObject(key);
                if (port.hostPort() != null) {
                    // No host address means all interfaces; host port 0 means Docker picks one (-p 80).
                    ArrayNode hostPorts = bindings.has(key) ? (ArrayNode) bindings.get(key) : bindings.putArray(key);
                    ObjectNode binding = hostPorts.addObject();
                    binding.put("HostIp", notBlank(port.hostIp()) ? port.hostIp() : "");
                    binding.put("HostPort", port.hostPort() == 0 ? "" : String.valueOf(port.hostPort()));
                }
            }
            if (!bindings.isEmpty()) {
                host.set("PortBindings", bindings);
            }
        }
        if (spec.binds() != null && !spec.binds().isEmpty()) {
            spec.binds().forEach(ContainerSpecs::checkBind);
            spec.binds().forEach(host.putArray("Binds")::add);
        }
        if (notBlank(spec.restartPolicy())) {
            host.set("RestartPolicy", restartPolicy(spec.restartPolicy().trim()));
        }
        return body;
    }

    private static String portKey(PortMapping port) {
        String protocol = notBlank(port.protocol()) ? port.protocol().toLowerCase(java.util.Locale.ROOT) : "tcp";
        if (!Set.of("tcp", "udp", "sctp").contains(protocol) || port.containerPort() < 1
                || port.containerPort() > 65535) {
            throw invalid(new Message("error.container.spec.port"), port.containerPort() + "/" + protocol, null);
        }
        return port.containerPort() + "/" + protocol;
    }

    /** As the docker CLI reads -v: a mistake is the content's, found before the daemon is asked. */
    private static void checkBind(String spec) {
        try {
            Bind.parse(spec);
        } catch (IllegalArgumentException e) {
            throw invalid("volume", spec, e);
        }
    }

    /** {@code always}, {@code on-failure:3}: {"Name": "on-failure", "MaximumRetryCount": 3}. */
    private static ObjectNode restartPolicy(String spec) {
        String[] parts = spec.split(":", 2);
        if (!RESTART_POLICIES.contains(parts[0]) || (parts.length > 1 && !parts[0].equals("on-failure"))) {
            throw invalid("restart", spec, null);
        }
        ObjectNode policy = JSON.objectNode().put("Name", parts[0]);
        if (parts.length > 1) {
            try {
                policy.put("MaximumRetryCount", Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw invalid("restart", spec, e);
            }
        }
        return policy;
    }

    private static DockerlesException invalid(Object what, String value, Exception cause) {
        return new DockerlesException(ExitCode.CONTENT, cause, "error.container.spec.invalid", what, value);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
