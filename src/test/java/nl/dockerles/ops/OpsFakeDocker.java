package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fake daemon with what check, prepare and cleanup look at: labelled images, volumes and networks, containers
 * that publish ports, a daemon elsewhere, and pulls that can succeed (with progress) or fail as offline.
 */
public class OpsFakeDocker extends FakeDocker {
    public final Map<String, ImageRow> images = new LinkedHashMap<>();
    public final Map<String, VolumeRow> volumes = new LinkedHashMap<>();
    public final Map<String, NetworkRow> networks = new LinkedHashMap<>();
    public final List<ContainerRow> publishing = new ArrayList<>();
    /** Images a pull can fetch (the registry has them); every other pull fails as without internet. */
    public final List<String> registry = new ArrayList<>();
    /** Image ids that the daemon refuses to remove (in use by someone else's container). */
    public final List<String> inUse = new ArrayList<>();
    public DaemonInfo daemon = super.daemon();
    public DaemonDetails details = super.daemonDetails();

    public OpsFakeDocker() {
        super(new FakeTime());
        // distributie, prepush and tooltje (issue 15): here, like busybox and nginx; postgres is the one missing.
        List.of("registry:2", "busybox:1.35.0", "adminer:latest").forEach(this::addImage);
    }

    @Override
    public DaemonInfo daemon() {
        return daemon;
    }

    @Override
    public DaemonDetails daemonDetails() {
        return details;
    }

    public void addLabelledImage(String id, String tag, Map<String, String> labels) {
        images.put(id, new ImageRow(id, tag == null ? List.of() : List.of(tag), 1000, labels));
    }

    public void addVolume(String name, Map<String, String> labels) {
        volumes.put(name, new VolumeRow(name, "local", labels));
    }

    public void addNetwork(String id, String name, Map<String, String> labels) {
        networks.put(id, new NetworkRow(id, name, "bridge", labels));
    }

    /** A running container that publishes {@code port} on the host. */
    public void addPublishing(String name, int port, Map<String, String> labels) {
        publishing.add(new ContainerRow("c0ffee" + port, "nginx", "nginx", 0, "running", "Up 1 minute",
                List.of(new PortMapping("127.0.0.1", port, 80, "tcp")), List.of("/" + name), labels));
    }

    @Override
    public List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        List<ContainerRow> rows = new ArrayList<>(super.listContainers(all, labels));
        publishing.stream().filter(row -> matches(row.labels(), labels)).forEach(rows::add);
        return rows;
    }

    @Override
    public List<ImageRow> listImages(Map<String, String> labels) {
        return images.values().stream().filter(i -> matches(i.labels(), labels)).toList();
    }

    @Override
    public void removeImage(String idOrReference) {
        super.removeImage(idOrReference);
        if (inUse.contains(idOrReference)) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.inuse", idOrReference, "in use");
        }
        images.remove(idOrReference);
    }

    @Override
    public List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels) {
        return volumes.values().stream().filter(v -> matches(v.labels(), labels)).toList();
    }

    @Override
    public void removeVolume(String name) {
        super.removeVolume(name);
        volumes.remove(name);
    }

    @Override
    public List<NetworkRow> listNetworks(Map<String, String> labels) {
        return networks.values().stream().filter(n -> matches(n.labels(), labels)).toList();
    }

    @Override
    public void removeNetwork(String idOrName) {
        super.removeNetwork(idOrName);
        networks.remove(idOrName);
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress) {
        calls().add("pull " + reference);
        if (!registry.contains(reference)) {
            super.pullImage(reference, progress);
        }
        progress.accept(new PullProgress(null, "Pulling from library/" + reference, 0, 0));
        progress.accept(new PullProgress("a1b2c3", "Downloading", 500_000, 2_000_000));
        progress.accept(new PullProgress("a1b2c3", "Downloading", 2_000_000, 2_000_000));
        progress.accept(new PullProgress("a1b2c3", "Pull complete", 0, 0));
        addImage(reference);
    }

    private static boolean matches(Map<String, String> have, Map<String, String> wanted) {
        return wanted == null || wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }
}
