package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker.VolumeRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker volume ls} (as JSON, see {@link ContainerApi} why) and {@code docker volume rm}. */
final class Volumes {
    private final DockerClient client;
    private final RawApi raw;

    Volumes(DockerClient client, RawApi raw) {
        this.client = client;
        this.raw = raw;
    }

    List<VolumeRow> list(boolean danglingOnly, Map<String, String> labels) {
        String filters = RawApi.filters(Map.of("label", Labels.filters(labels),
                "dangling", danglingOnly ? List.of("true") : List.of()));
        List<VolumeRow> rows = new ArrayList<>();
        for (JsonNode volume : raw.getJson("/volumes" + RawApi.query("filters", filters)).path("Volumes")) {
            rows.add(new VolumeRow(volume.path("Name").asText(), volume.path("Driver").asText(),
                    Labels.of(volume.path("Labels"))));
        }
        return List.copyOf(rows);
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
