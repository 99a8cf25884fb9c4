package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import nl.dockerles.daemon.Docker.DaemonDetails;

import java.util.ArrayList;
import java.util.List;

/** {@code docker info} and {@code docker version} beyond what narration needs: for {@code dockerles check}. */
final class DaemonDetailsQuery {
    private DaemonDetailsQuery() {
    }

    /** From the daemon's own /info and /version (asked once, as for {@link DockerJavaDocker#daemon()}). */
    static DaemonDetails of(JsonNode info, JsonNode version) {
        List<String> components = new ArrayList<>();
        for (JsonNode component : version.path("Components")) {
            if (component.hasNonNull("Name")) {
                components.add(component.get("Name").asText());
            }
        }
        String driverType = null;
        for (JsonNode status : info.path("DriverStatus")) {
            if (status.size() == 2 && "driver-type".equals(status.get(0).asText())) {
                driverType = status.get(1).asText();
            }
        }
        return new DaemonDetails(text(info, "DockerRootDir"), List.copyOf(components), text(info, "Driver"),
                driverType);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
