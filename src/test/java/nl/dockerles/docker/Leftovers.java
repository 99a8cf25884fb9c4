package nl.dockerles.docker;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One test's run id, and what it made: removed afterwards. Containers and images are found by the run's
 * label; images (children before parents) and anonymous volumes (which carry no labels) are also named here.
 */
final class Leftovers {
    private final Docker docker;
    final String runId = ItSupport.newRunId();
    private final Deque<String> images = new ArrayDeque<>();
    private final List<String> volumes = new ArrayList<>();

    Leftovers(Docker docker) {
        this.docker = docker;
    }

    Map<String, String> labels() {
        return ItSupport.labels(runId);
    }

    Map<String, String> runLabel() {
        return Map.of("nl.dockerles.it", runId);
    }

    ContainerSpec busybox(List<String> command) {
        return image("busybox:latest", command);
    }

    ContainerSpec image(String image, List<String> command) {
        return new ContainerSpec(image, command, null, false, false, false,
                List.of(), List.of(), List.of(), null, null, labels());
    }

    /** Starts a container as {@code docker run -d} would. */
    String runDetached(ContainerSpec spec) {
        String id = docker.createContainer(spec);
        docker.startContainer(id);
        return id;
    }

    /** Remembers an image to remove; the last one remembered goes first. */
    String image(String reference) {
        images.push(reference);
        return reference;
    }

    String volume(String name) {
        volumes.add(name);
        return name;
    }

    void removeAll() {
        for (ContainerRow row : docker.listContainers(true, runLabel())) {
            docker.removeContainer(row.id(), true, true);
        }
        while (!images.isEmpty()) {
            docker.removeImage(images.pop());
        }
        // Labelled images nobody named (a failed test half-way): children first, so retry a few rounds.
        for (int round = 0; round < 3; round++) {
            List<Docker.ImageRow> left = docker.listImages(runLabel());
            if (left.isEmpty()) {
                break;
            }
            for (Docker.ImageRow image : left) {
                try {
                    docker.removeImage(image.id());
                } catch (RuntimeException e) {
                    // A parent of another one: the next round.
                }
            }
        }
        for (String volume : volumes) {
            docker.removeVolume(volume);
        }
    }
}
