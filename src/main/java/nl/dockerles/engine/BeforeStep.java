package nl.dockerles.engine;

import nl.dockerles.Messages;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a step may change, as it was before the step: this run's containers (and whether they ran), its images,
 * the daemon's volumes, and the run's temporary folder ({@link Workspace#remember()}). r puts back what the step
 * changed, so that the step runs again on the same state and gives the same outcome: what it made goes, what it
 * stopped runs again, a name it gave to another image names the old one again, the folder is as it was.
 * An image name the step made goes too (build, commit, tag, pull): the step makes it again, as the first time. What it removed cannot come back: then it does not run again.
 */
final class BeforeStep {
    private static final Set<String> RUNNING = Set.of("running", "restarting", "paused");

    private final int step;
    private final Map<String, ContainerRow> containers;
    /** The names of this run's images, and the image each names. */
    private final Map<String, String> images;
    private final Set<String> volumes;

    private BeforeStep(int step, Map<String, ContainerRow> containers, Map<String, String> images,
                       Set<String> volumes) {
        this.step = step;
        this.containers = containers;
        this.images = images;
        this.volumes = volumes;
    }

    /** Right before step {@code step} (1-based) runs. */
    static BeforeStep take(int step, Docker docker, RunIdentity run, Workspace workspace) {
        workspace.remember();
        return new BeforeStep(step, containers(docker, run), images(docker, run), volumes(docker));
    }

    int step() {
        return step;
    }

    /** What r has to do before step {@link #step} runs again; nothing is done yet. */
    Plan plan(Docker docker, RunIdentity run) {
        Map<String, ContainerRow> now = containers(docker, run);
        List<String> removed = new ArrayList<>();
        containers.forEach((id, row) -> {
            if (!now.containsKey(id)) {
                removed.add(row.name());
            }
        });
        Map<String, String> imagesNow = images(docker, run);
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        images.forEach((tag, id) -> {
            if (imagesNow.containsValue(id) && !id.equals(imagesNow.get(tag))) {
                moved.put(tag, id); // the step gave the name to another image (commit, build): it goes back
            } else if (!imagesNow.containsValue(id)) {
                removed.add(tag);
            }
        });
        Set<String> volumesNow = volumes(docker);
        volumes.stream().filter(name -> !volumesNow.contains(name)).forEach(removed::add);
        List<ContainerRow> made = now.values().stream().filter(row -> !containers.containsKey(row.id())).toList();
        List<ContainerRow> stopped = now.values().stream().filter(row -> containers.containsKey(row.id())
                && RUNNING.contains(containers.get(row.id()).state()) && !RUNNING.contains(row.state())).toList();
        List<String> named = imagesNow.keySet().stream().filter(tag -> !images.containsKey(tag)).toList();
        return new Plan(removed, made, stopped, moved, named);
    }

    /** r's work: {@code removed} is what the step removed (it cannot run again), the rest is put back by {@link #putBack}. */
    record Plan(List<String> removed, List<ContainerRow> made, List<ContainerRow> stopped,
                Map<String, String> moved, List<String> named) {

        /**
         * Puts back what the step changed; returns what was put back, each in words for the one line that says so
         * (empty: nothing had changed). A folder that cannot be put back whole is said too; the step then runs on
         * what is there.
         */
        List<String> putBack(Docker docker, Workspace workspace, Messages messages) {
            List<String> done = new ArrayList<>();
            for (ContainerRow row : made) {
                docker.removeContainer(row.id(), true, true);
                done.add(messages.get("repeat.undone.removed", row.name()));
            }
            for (String tag : named) {
                try {
                    docker.removeImage(tag); // a name the step made (build, commit, tag, pull): a second name only goes
                    done.add(messages.get("repeat.undone.removed", tag));
                } catch (nl.dockerles.DockerlesException e) {
                    // in use by a container of someone else: the step then finds it there, as a second run would
                }
            }
            for (ContainerRow row : stopped) {
                docker.startContainer(row.id());
                done.add(messages.get("repeat.undone.started", row.name()));
            }
            moved.forEach((tag, id) -> {
                docker.tagImage(id, tag);
                done.add(messages.get("repeat.undone.tagged", tag, nl.dockerles.render.PsTable.shortId(id)));
            });
            try {
                if (workspace.putBack()) {
                    done.add(messages.get("repeat.undone.folder"));
                }
            } catch (UncheckedIOException e) {
                done.add(messages.get("repeat.undone.folder.failed", String.valueOf(e.getCause().getMessage())));
            }
            return done;
        }
    }

    private static Map<String, ContainerRow> containers(Docker docker, RunIdentity run) {
        return docker.listContainers(true, run.runFilter()).stream()
                .collect(Collectors.toMap(ContainerRow::id, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private static Map<String, String> images(Docker docker, RunIdentity run) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        docker.listImages(run.runFilter()).forEach(image -> image.tags().forEach(tag -> names.put(tag, image.id())));
        return names;
    }

    private static Set<String> volumes(Docker docker) {
        return docker.listVolumes(false, Map.of()).stream().map(Docker.VolumeRow::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
