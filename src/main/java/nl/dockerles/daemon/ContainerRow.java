package nl.dockerles.daemon;

import java.util.List;
import java.util.Map;

/** One line of {@code docker ps}: what the daemon's list call returns. */
public record ContainerRow(String id, String image, String command, long createdEpochSeconds, String state,
                           String status, List<PortMapping> ports, List<String> names, Map<String, String> labels) {

    /** The first name without the leading slash, as the docker CLI shows it. */
    public String name() {
        return names.isEmpty() ? "" : names.get(0).replaceFirst("^/", "");
    }
}
