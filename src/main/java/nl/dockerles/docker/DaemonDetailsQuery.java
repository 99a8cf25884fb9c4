package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import nl.dockerles.daemon.Docker.DaemonDetails;

import java.util.List;
import java.util.Objects;

/** {@code docker info} and {@code docker version} beyond what narration needs: for {@code dockerles check}. */
final class DaemonDetailsQuery {
    private DaemonDetailsQuery() {
    }

    static DaemonDetails query(DockerClient client) {
        Info info = client.infoCmd().exec();
        Version version = client.versionCmd().exec();
        List<String> components = version.getComponents() == null ? List.of() : version.getComponents().stream()
                .map(VersionComponent::getName).filter(Objects::nonNull).toList();
        String driverType = null;
        if (info.getDriverStatuses() != null) {
            for (List<String> status : info.getDriverStatuses()) {
                if (status != null && status.size() == 2 && "driver-type".equals(status.get(0))) {
                    driverType = status.get(1);
                }
            }
        }
        return new DaemonDetails(info.getDockerRootDir(), components, info.getDriver(), driverType);
    }
}
