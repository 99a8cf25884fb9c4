package nl.dockerles.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Removes what dockerles made, found by its labels; nothing without them is ever touched. */
public final class Cleanup {
    private final Docker docker;

    public Cleanup(Docker docker) {
        this.docker = docker;
    }

    /** Removes the containers carrying all of {@code labels}; returns their names. */
    public List<String> removeContainers(Map<String, String> labels) {
        List<String> removed = new ArrayList<>();
        for (ContainerRow row : docker.listContainers(true, labels)) {
            if (!RunIdentity.isManaged(row.labels())) {
                continue; // belt and braces: the filter already asked for our label
            }
            docker.removeContainer(row.id(), true, true);
            removed.add(row.name());
        }
        return removed;
    }
}
