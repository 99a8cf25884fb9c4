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

    /** Removes the containers, then the images, then the volumes carrying all of {@code labels}; their names. */
    public List<String> removeAll(Map<String, String> labels) {
        List<String> removed = new ArrayList<>(removeContainers(labels));
        for (Docker.ImageRow image : docker.listImages(labels)) {
            if (RunIdentity.isManaged(image.labels())) {
                docker.removeImage(image.id());
                removed.add(image.tags().isEmpty() ? image.id() : String.join(", ", image.tags()));
            }
        }
        for (Docker.VolumeRow volume : docker.listVolumes(false, labels)) {
            if (RunIdentity.isManaged(volume.labels())) {
                docker.removeVolume(volume.name());
                removed.add(volume.name());
            }
        }
        return removed;
    }

    /** Removes the containers carrying all of {@code labels} (with their anonymous volumes); their names. */
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
