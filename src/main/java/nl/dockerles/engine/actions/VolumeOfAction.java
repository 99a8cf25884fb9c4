package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Mount;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

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
        List<Mount> volumes = Containers.existing(context, container).setup().volumes();
        if (volumes.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.volume.none", container);
        }
        String name = volumes.get(0).name();
        context.facts().put("volume", name);
        // Quit before volume-rm: the volume this section made dangling does not stay behind.
        context.workspace().atEnd(docker -> {
            if (docker.listVolumes(true, Map.of()).stream().anyMatch(v -> v.name().equals(name))) {
                docker.removeVolume(name);
            }
        });
        context.facts().put(container + ".volume", name);
        context.facts().put("volume.short", name.length() > 12 ? name.substring(0, 12) : name);
        context.facts().put("volume.destination", volumes.get(0).destination());
        // As the template prints it: the names one after the other.
        StringBuilder out = new StringBuilder();
        volumes.forEach(volume -> out.append(volume.name()));
        String output = out.append('\n').toString();
        context.console().output(output);
        return output;
    }
}
