package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker.NetworkRow;

import java.util.List;
import java.util.Map;

/** {@code docker network ls} and {@code docker network rm}. */
final class Networks {
    private final DockerClient client;

    Networks(DockerClient client) {
        this.client = client;
    }

    List<NetworkRow> list(Map<String, String> labels) {
        var cmd = client.listNetworksCmd();
        List<String> filters = Labels.filters(labels);
        if (!filters.isEmpty()) {
            cmd.withFilter("label", filters);
        }
        List<Network> networks = cmd.exec();
        return networks == null ? List.of() : networks.stream()
                .map(n -> new NetworkRow(n.getId(), n.getName(), n.getDriver(), Labels.copy(n.getLabels())))
                .toList();
    }

    /** A network that is not there is fine (cleanup); one a container still uses stays, and says so. */
    void remove(String idOrName) {
        try {
            client.removeNetworkCmd(idOrName).exec();
        } catch (NotFoundException e) {
            // Gone already.
        } catch (ConflictException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.network.inuse", idOrName,
                    DockerFailures.daemonMessage(e));
        }
    }
}
