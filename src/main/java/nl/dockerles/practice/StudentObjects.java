package nl.dockerles.practice;

import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the student made while dockerles watched: containers it saw being created (an event), and images and
 * volumes with an exercise's name that were not there when watching began. Only these are ever offered for
 * removal, and only when the student says yes; what was there before is never touched.
 */
final class StudentObjects {
    private final Docker docker;
    private final Set<String> names;
    private final String prefix;
    private final Set<String> imagesBefore;
    private final Set<String> volumesBefore;
    private final Map<String, String> containers = new LinkedHashMap<>();

    /**
     * @param names  the exercises' names as the student types them (with the prefix): images and volumes
     * @param prefix --prefix: many students share the daemon, so only containers whose name has it are theirs
     */
    StudentObjects(Docker docker, Set<String> names, String prefix) {
        this.docker = docker;
        this.names = Set.copyOf(names);
        this.prefix = prefix == null ? "" : prefix;
        this.imagesBefore = docker.listImages(Map.of()).stream().map(Docker.ImageRow::id).collect(Collectors.toSet());
        this.volumesBefore = docker.listVolumes(false, Map.of()).stream().map(Docker.VolumeRow::name)
                .collect(Collectors.toSet());
    }

    /** A container event: a create by someone other than dockerles is the student's. */
    synchronized void saw(Docker.ContainerEvent event) {
        if ("create".equals(event.action()) && event.id() != null && !RunIdentity.isManaged(event.attributes())
                && (prefix.isEmpty() || (event.name() != null && event.name().startsWith(prefix)))) {
            containers.put(event.id(), event.name() == null ? event.id().substring(0, 12) : event.name());
        }
    }

    record Thing(String kind, String name, String ref) {
    }

    /** What is still there: containers first (they hold images and volumes), then images newest first. */
    synchronized List<Thing> leftovers() {
        List<Thing> things = new ArrayList<>();
        containers.forEach((id, name) -> {
            Optional<ContainerInfo> info = docker.inspectContainer(id);
            info.ifPresent(i -> things.add(new Thing("container", i.name(), i.id())));
        });
        List<Docker.ImageRow> images = new ArrayList<>(docker.listImages(Map.of()));
        java.util.Collections.reverse(images);
        for (Docker.ImageRow image : images) {
            if (imagesBefore.contains(image.id()) || RunIdentity.isManaged(image.labels())) {
                continue;
            }
            for (String tag : image.tags()) {
                String repository = tag.contains(":") ? tag.substring(0, tag.lastIndexOf(':')) : tag;
                if (names.contains(repository) || names.contains(tag)) {
                    things.add(new Thing("image", tag, tag));
                }
            }
        }
        for (Docker.VolumeRow volume : docker.listVolumes(false, Map.of())) {
            if (!volumesBefore.contains(volume.name()) && names.contains(volume.name())) {
                things.add(new Thing("volume", volume.name(), volume.name()));
            }
        }
        return things;
    }

    /** Removes them (containers with their anonymous volumes); what fails is said, the rest goes on. */
    static List<String> remove(Docker docker, List<Thing> things, java.util.function.BiConsumer<Thing, DockerlesException> failed) {
        List<String> removed = new ArrayList<>();
        for (Thing thing : things) {
            try {
                switch (thing.kind()) {
                    case "container" -> docker.removeContainer(thing.ref(), true, true);
                    case "image" -> docker.removeImage(thing.ref());
                    default -> docker.removeVolume(thing.ref());
                }
                removed.add(thing.name());
            } catch (DockerlesException e) {
                failed.accept(thing, e);
            }
        }
        return removed;
    }

    /** The docker commands that remove them, for a student who wants to do it later. */
    static String commands(List<Thing> things) {
        List<String> commands = new ArrayList<>();
        List<String> containers = things.stream().filter(t -> t.kind().equals("container")).map(Thing::name).toList();
        List<String> images = things.stream().filter(t -> t.kind().equals("image")).map(Thing::name).toList();
        List<String> volumes = things.stream().filter(t -> t.kind().equals("volume")).map(Thing::name).toList();
        if (!containers.isEmpty()) {
            commands.add("docker rm -f -v " + String.join(" ", containers));
        }
        if (!images.isEmpty()) {
            commands.add("docker rmi " + String.join(" ", images));
        }
        if (!volumes.isEmpty()) {
            commands.add("docker volume rm " + String.join(" ", volumes));
        }
        return String.join("; ", commands);
    }
}
