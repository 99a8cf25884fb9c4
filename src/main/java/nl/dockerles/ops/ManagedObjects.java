package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import nl.dockerles.engine.Cleanup;
import nl.dockerles.engine.ContainerRow;
import nl.dockerles.engine.Docker;
import nl.dockerles.engine.RunIdentity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dockerles cleanup}: the containers, images, volumes and networks that carry dockerles's labels, found by
 * those labels only. Removing goes through the engine's {@link Cleanup} (containers, then images, then volumes),
 * then the networks; what is left afterwards is looked up again, so the report says what really went.
 */
public final class ManagedObjects {
    public enum Kind { CONTAINER, IMAGE, VOLUME, NETWORK }

    /** One thing of dockerles's; {@code name} as the docker CLI would show it. */
    public record Item(Kind kind, String id, String name, Map<String, String> labels) {
        public String section() {
            return labels.getOrDefault(RunIdentity.SECTION, "");
        }

        public String prefix() {
            return labels.getOrDefault(RunIdentity.PREFIX, "");
        }
    }

    /** What {@link #removeAll} did: what went, what stayed (of what was there before), and why. */
    public record Removal(List<Item> removed, List<Item> left, List<DockerlesException> problems) {
    }

    private final Docker docker;
    private final Map<String, String> filter;
    private final String prefix;

    /** @param prefix a normalized --prefix ("jan-"), or "" for everything of dockerles's */
    public ManagedObjects(Docker docker, String prefix) {
        this.docker = docker;
        this.prefix = prefix == null ? "" : prefix;
        Map<String, String> labels = new HashMap<>();
        labels.put(RunIdentity.MANAGED, "true");
        if (!this.prefix.isEmpty()) {
            labels.put(RunIdentity.PREFIX, this.prefix);
        }
        this.filter = Map.copyOf(labels);
    }

    public Map<String, String> filter() {
        return filter;
    }

    /** Everything the filter finds; what does not carry the labels is left out again (belt and braces). */
    public List<Item> list() {
        List<Item> items = new ArrayList<>();
        for (ContainerRow row : docker.listContainers(true, filter)) {
            add(items, Kind.CONTAINER, row.id(), row.name(), row.labels());
        }
        for (Docker.ImageRow image : docker.listImages(filter)) {
            add(items, Kind.IMAGE, image.id(), image.tags().isEmpty() ? shortId(image.id())
                    : String.join(", ", image.tags()), image.labels());
        }
        for (Docker.VolumeRow volume : docker.listVolumes(false, filter)) {
            add(items, Kind.VOLUME, volume.name(), volume.name(), volume.labels());
        }
        for (Docker.NetworkRow network : docker.listNetworks(filter)) {
            add(items, Kind.NETWORK, network.id(), network.name(), network.labels());
        }
        return items;
    }

    private void add(List<Item> items, Kind kind, String id, String name, Map<String, String> labels) {
        Map<String, String> safe = labels == null ? Map.of() : labels;
        if (RunIdentity.isManaged(safe) && (prefix.isEmpty() || prefix.equals(safe.get(RunIdentity.PREFIX)))) {
            items.add(new Item(kind, id, name, safe));
        }
    }

    /**
     * Removes everything {@link #list()} finds. A refusal (an image still used by someone else's container) does
     * not stop the rest: it is reported, and what stayed is listed.
     */
    public Removal removeAll() {
        List<Item> before = list();
        if (before.isEmpty()) {
            return new Removal(List.of(), List.of(), List.of());
        }
        List<DockerlesException> problems = new ArrayList<>();
        try {
            new Cleanup(docker).removeAll(filter);
        } catch (DockerlesException e) {
            problems.add(e);
        }
        // After a refusal Cleanup stopped before the volumes; the networks are not its business at all.
        for (Item item : list()) {
            try {
                if (item.kind() == Kind.VOLUME) {
                    docker.removeVolume(item.id());
                } else if (item.kind() == Kind.NETWORK) {
                    docker.removeNetwork(item.id());
                }
            } catch (DockerlesException e) {
                problems.add(e);
            }
        }
        List<Item> after = list();
        List<Item> removed = new ArrayList<>();
        List<Item> left = new ArrayList<>();
        for (Item item : before) {
            boolean stayed = after.stream().anyMatch(a -> a.kind() == item.kind() && a.id().equals(item.id()));
            (stayed ? left : removed).add(item);
        }
        return new Removal(removed, left, problems);
    }

    /** An image id without "sha256:", 12 characters, as docker images shows it. */
    static String shortId(String id) {
        String bare = id == null ? "" : id.replaceFirst("^sha256:", "");
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }
}
