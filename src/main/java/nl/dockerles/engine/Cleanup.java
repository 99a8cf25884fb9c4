package nl.dockerles.engine;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

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
        removed.addAll(removeImages(labels));
        for (Docker.VolumeRow volume : docker.listVolumes(false, labels)) {
            if (RunIdentity.isManaged(volume.labels())) {
                docker.removeVolume(volume.name());
                removed.add(volume.name());
            }
        }
        return removed;
    }

    /**
     * Removes the images carrying all of {@code labels}. An image built FROM another one of the same run has to
     * go first: the daemon refuses to remove a parent by id while a child exists, and it lists images created in
     * the same second in any order. So what is refused is tried again after the others, until nothing moves.
     */
    private List<String> removeImages(Map<String, String> labels) {
        List<String> removed = new ArrayList<>();
        List<Docker.ImageRow> left = new ArrayList<>(docker.listImages(labels).stream()
                .filter(image -> RunIdentity.isManaged(image.labels())).toList());
        while (!left.isEmpty()) {
            List<Docker.ImageRow> refused = new ArrayList<>();
            nl.dockerles.DockerlesException lastRefusal = null;
            for (Docker.ImageRow image : left) {
                try {
                    removeImage(image);
                    removed.add(image.tags().isEmpty() ? image.id() : String.join(", ", image.tags()));
                } catch (nl.dockerles.DockerlesException e) {
                    refused.add(image);
                    lastRefusal = e;
                }
            }
            if (refused.size() == left.size()) {
                throw lastRefusal;
            }
            left = refused;
        }
        // The containerd image store keeps the classic builder's intermediate images, with our labels: also ours.
        List<Docker.ImageRow> dangling = docker.listDanglingImages(labels).stream()
                .filter(image -> RunIdentity.isManaged(image.labels())).toList();
        for (int round = 0; round < dangling.size() && !dangling.isEmpty(); round++) {
            List<Docker.ImageRow> refused = new ArrayList<>();
            for (Docker.ImageRow image : dangling) {
                try {
                    docker.removeImage(image.id());
                } catch (nl.dockerles.DockerlesException e) {
                    refused.add(image); // a parent of another one: after it
                }
            }
            dangling = refused;
        }
        // In the order of their names, not of the daemon's list (which differs between daemons).
        removed.sort(null);
        return removed;
    }

    /**
     * By id; an image of ours with names in several repositories (docker tag, a push to a registry) is refused
     * that way without -f: then its tags go one by one, and what is left (a digest of one registry) goes with it.
     */
    private void removeImage(Docker.ImageRow image) {
        try {
            docker.removeImage(image.id());
        } catch (nl.dockerles.DockerlesException refused) {
            if (image.tags().isEmpty()) {
                throw refused;
            }
            for (String tag : image.tags()) {
                docker.removeImage(tag);
            }
            docker.removeImage(image.id());
        }
    }

    /** Removes the containers carrying all of {@code labels} (with their anonymous volumes); their names. */
    public List<String> removeContainers(Map<String, String> labels) {
        return removeContainers(docker.listContainers(true, labels));
    }

    /** Removes the containers of {@code rows} that carry our label (with their anonymous volumes); their names. */
    public List<String> removeContainers(List<ContainerRow> rows) {
        // Belt and braces: the filter already asked for our label.
        List<ContainerRow> ours = rows.stream().filter(row -> RunIdentity.isManaged(row.labels())).toList();
        Parallel.forEach(ours, row -> docker.removeContainer(row.id(), true, true));
        return ours.stream().map(ContainerRow::name).toList();
    }
}
