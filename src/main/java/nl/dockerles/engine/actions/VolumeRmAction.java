package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.Docker;

import java.util.Map;

/**
 * {@code volume-rm}: {@code docker volume rm} of the one volume that {@code volume-of} named, nothing else: a
 * user's own volumes are never touched. Afterwards the daemon is asked whether it is really gone.
 *
 * <p>Settings: {@code volume} (required, "{volume}").
 *
 * <p>Facts: {@code volume.removed} (the name), {@code volumes.dangling} (how many dangling volumes are left).
 */
public final class VolumeRmAction implements Action {

    @Override
    public String name() {
        return "volume-rm";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "docker volume rm \"$volume\"";
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String volume = with.get("volume");
        if (volume == null || volume.isBlank() || volume.contains("{")) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name() + " with.volume",
                    String.valueOf(volume));
        }
        volume = volume.strip();
        context.docker().removeVolume(volume);
        String output = volume + "\n";
        context.console().output(output);
        String name = volume;
        var dangling = context.docker().listVolumes(true, Map.of());
        if (dangling.stream().map(Docker.VolumeRow::name).anyMatch(name::equals)) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.volume.stillthere", volume);
        }
        context.facts().put("volume.removed", volume);
        context.facts().put("volumes.dangling", dangling.size());
        return output;
    }
}
