package nl.dockerles.engine.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code volume-of}: the name of the volume a container uses (its anonymous volume: a long random name that
 * Docker made up), read from the daemon's inspect, and kept in the shell variable {@code volume} (in the .sh)
 * and the fact {@code volume} (for {@code volume-rm}).
 *
 * <p>Settings: {@code container} (required).
 *
 * <p>Facts: {@code volume}, {@code <container>.volume}, {@code volume.short} (its first 12 characters),
 * {@code volume.destination} (where it is mounted in the container).
 */
public final class VolumeOfAction implements Action {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "volume-of";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "volume=$(docker inspect -f '{{range .Mounts}}{{.Name}}{{end}}' "
                + with.getOrDefault("container", "CONTAINER") + "); echo \"$volume\"";
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String container = Containers.name(with);
        String json = context.docker().inspectJson(container).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", container));
        List<String[]> volumes = volumes(json);
        if (volumes.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.volume.none", container);
        }
        String name = volumes.get(0)[0];
        context.facts().put("volume", name);
        // Quit before volume-rm: the volume this section made dangling does not stay behind.
        context.workspace().atEnd(docker -> {
            if (docker.listVolumes(true, Map.of()).stream().anyMatch(v -> v.name().equals(name))) {
                docker.removeVolume(name);
            }
        });
        context.facts().put(container + ".volume", name);
        context.facts().put("volume.short", name.length() > 12 ? name.substring(0, 12) : name);
        context.facts().put("volume.destination", volumes.get(0)[1]);
        // As the template prints it: the names one after the other.
        StringBuilder out = new StringBuilder();
        volumes.forEach(volume -> out.append(volume[0]));
        String output = out.append('\n').toString();
        context.console().output(output);
        return output;
    }

    /** The volumes among a container's mounts (bind mounts have no name): [name, destination]. */
    static List<String[]> volumes(String inspectJson) {
        List<String[]> volumes = new ArrayList<>();
        try {
            JsonNode mounts = JSON.readTree(inspectJson).path("Mounts");
            for (JsonNode mount : mounts) {
                String name = mount.path("Name").asText("");
                if ("volume".equals(mount.path("Type").asText()) && !name.isEmpty()) {
                    volumes.add(new String[] {name, mount.path("Destination").asText("")});
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON from the daemon: " + e.getMessage(), e);
        }
        return volumes;
    }
}
