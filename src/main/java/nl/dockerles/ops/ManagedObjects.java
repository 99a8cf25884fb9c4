package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import nl.dockerles.engine.Cleanup;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code dockerles cleanup}: the containers, images, volumes and networks that carry dockerles's labels, found by
 * those labels only. Removing goes run by run through the engine's {@link Cleanup} (containers, then images, then
 * volumes), then the networks; a run whose process still lives is left alone ({@link LiveRun}). What is left
 * afterwards is looked up again, so the report says what really went.
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

    /**
     * What {@link #removeAll} did: what went, what stayed (of what it tried), why, and the live runs it left alone.
     */
    public record Removal(List<Item> removed, List<Item> left, List<LiveRun> live, List<DockerlesException> problems) {
    }

    private final Docker docker;
    private final Map<String, String> filter;
    private final String prefix;
    private final Predicate<Map<String, String>> alive;

    /** @param prefix a normalized --prefix ("jan-"), or "" for everything of dockerles's */
    public ManagedObjects(Docker docker, String prefix) {
        this(docker, prefix, LiveRun::ownerAlive);
    }

    /** @param alive whether the run that made a thing (by its labels) still lives */
    ManagedObjects(Docker docker, String prefix, Predicate<Map<String, String>> alive) {
        this.docker = docker;
        this.alive = alive;
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

    /** What {@link #list()} finds, split into what a cleanup may remove and the live runs it leaves. */
    public LiveRun.Split plan() {
        return LiveRun.split(list(), alive);
    }

    private void add(List<Item> items, Kind kind, String id, String name, Map<String, String> labels) {
        Map<String, String> safe = labels == null ? Map.of() : labels;
        if (RunIdentity.isManaged(safe) && (prefix.isEmpty() || prefix.equals(safe.get(RunIdentity.PREFIX)))) {
            items.add(new Item(kind, id, name, safe));
        }
    }

    /**
     * Removes what {@link #plan()} may remove, run by run. A refusal (an image still used by someone else's
     * container) does not stop the rest: it is reported, and what stayed is listed.
     */
    public Removal removeAll() {
        LiveRun.Split plan = plan();
        List<Item> before = plan.gone();
        if (before.isEmpty()) {
            return new Removal(List.of(), List.of(), plan.live(), List.of());
        }
        List<DockerlesException> problems = new ArrayList<>();
        Set<String> runs = new LinkedHashSet<>();
        for (Item item : before) {
            String run = item.labels().getOrDefault(RunIdentity.RUN, "");
            if (run.isEmpty()) {
                attempt(problems, () -> removeOne(item));
            } else {
                runs.add(run);
            }
        }
        for (String run : runs) {
            Map<String, String> ofRun = new HashMap<>(filter);
            ofRun.put(RunIdentity.RUN, run);
            attempt(problems, () -> new Cleanup(docker).removeAll(ofRun));
        }
        // After a refusal Cleanup stopped before the volumes; the networks are not its business at all.
        for (Item item : stillThere(before)) {
            if (item.kind() == Kind.VOLUME || item.kind() == Kind.NETWORK) {
                attempt(problems, () -> removeOne(item));
            }
        }
        List<Item> left = stillThere(before);
        List<Item> removed = before.stream().filter(item -> !left.contains(item)).toList();
        return new Removal(removed, left, plan.live(), problems);
    }

    private List<Item> stillThere(List<Item> items) {
        List<Item> now = list();
        return items.stream().filter(item -> now.stream()
                .anyMatch(a -> a.kind() == item.kind() && a.id().equals(item.id()))).toList();
    }

    private void removeOne(Item item) {
        switch (item.kind()) {
            case CONTAINER -> docker.removeContainer(item.id(), true, true);
            case IMAGE -> docker.removeImage(item.id());
            case VOLUME -> docker.removeVolume(item.id());
            case NETWORK -> docker.removeNetwork(item.id());
        }
    }

    private static void attempt(List<DockerlesException> problems, Runnable removal) {
        try {
            removal.run();
        } catch (DockerlesException e) {
            problems.add(e);
        }
    }

    /** An image id without "sha256:", 12 characters, as docker images shows it. */
    static String shortId(String id) {
        String bare = id == null ? "" : id.replaceFirst("^sha256:", "");
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }
}
