package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Docker.VolumeRow;

import java.util.List;
import java.util.Map;

/** {@code docker volume ls} and {@code docker volume rm}. */
final class Volumes {
    private final DockerClient client;

    Volumes(DockerClient client) {
        this.client = client;
    }

    List<VolumeRow> list(boolean danglingOnly, Map<String, String> labels) {
        var cmd = client.listVolumesCmd();
        if (danglingOnly) {
            cmd.withDanglingFilter(true);
        }
        List<String> filters = Labels.filters(labels);
        if (!filters.isEmpty()) {
            cmd.withFilter("label", filters);
        }
        List<InspectVolumeResponse> volumes = cmd.exec().getVolumes();
        return volumes == null ? List.of() : volumes.stream()
                .map(v -> new VolumeRow(v.getName(), v.getDriver(), Labels.copy(v.getLabels())))
                .toList();
    }

    /** A volume that is not there is fine (cleanup); one a container still uses stays, and says so. */
    void remove(String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException e) {
            // Gone already.
        } catch (ConflictException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.volume.inuse", name,
                    DockerFailures.daemonMessage(e));
        }
    }
}
