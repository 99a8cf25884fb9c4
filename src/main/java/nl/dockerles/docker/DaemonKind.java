package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;

/** What kind of daemon answers, from its own /version and /info. */
final class DaemonKind {
    private DaemonKind() {
    }

    /** Podman names itself in /version's Components ("Podman Engine"); Docker says "Engine". */
    static boolean podman(JsonNode version) {
        for (JsonNode component : version.path("Components")) {
            if (component.path("Name").asText("").toLowerCase(java.util.Locale.ROOT).contains("podman")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The containerd image store: /info's DriverStatus holds ["driver-type", "io.containerd.snapshotter.v1"]
     * (Docker 24 and later with the feature on, the default from Docker 29 on).
     */
    static boolean containerdStore(JsonNode info) {
        for (JsonNode pair : info.path("DriverStatus")) {
            for (JsonNode value : pair) {
                if (value.asText("").startsWith("io.containerd.snapshotter")) {
                    return true;
                }
            }
        }
        return false;
    }
}
