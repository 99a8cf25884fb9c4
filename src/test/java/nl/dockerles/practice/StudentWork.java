package nl.dockerles.practice;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker.Change;
import nl.dockerles.daemon.Docker.ContainerEvent;
import nl.dockerles.daemon.Docker.ExecResult;
import nl.dockerles.daemon.Docker.ImageRow;
import nl.dockerles.daemon.Docker.VolumeRow;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSetup;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Mount;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.testing.FakeDocker;
import nl.dockerles.testing.FakeTime;
import nl.dockerles.testing.Inspected;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the student made on the fake daemon, for the exercises: containers with what the checks read (ports,
 * restart policy, mounts, user, ...), images with layers and files, volumes with files, and the short-lived
 * look-up containers of dockerles ({@code test -e PATH}) answered from those files. Events go to whoever follows
 * them. Not a daemon of its own: {@link #on} sets the calls the checks make on the one {@link FakeDocker}.
 */
final class StudentWork {
    final FakeTime time;
    final Map<String, Box> boxes = new LinkedHashMap<>();
    final Map<String, Img> images = new LinkedHashMap<>();
    final Map<String, Set<String>> volumes = new LinkedHashMap<>();
    final List<String> removed = new ArrayList<>();
    final List<Map<String, String>> probeLabels = new ArrayList<>();
    private final List<Consumer<ContainerEvent>> followers = new ArrayList<>();
    private int ids;

    private StudentWork(FakeTime time) {
        this.time = time;
        image("busybox:latest", "b1");
        image("nginx:latest", "n1", "n2");
        image("postgres:latest", "p1", "p2", "p3");
    }

    /** The student's work on {@code fake}: what the checks ask is answered from here. */
    static StudentWork on(FakeDocker fake, FakeTime time) {
        StudentWork work = new StudentWork(time);
        fake.onListContainers = work::listContainers;
        fake.onInspectContainer = work::inspectContainer;
        fake.onImageLayers = work::imageLayers;
        fake.onListImages = work::listImages;
        fake.onRemoveImage = work::removeImage;
        fake.onListVolumes = work::listVolumes;
        fake.onRemoveVolume = work::removeVolume;
        fake.onDiff = work::diff;
        fake.onExec = work::exec;
        fake.onCreateContainer = work::createContainer;
        fake.onStartContainer = work::startContainer;
        fake.onWaitForExit = (id, timeout) -> work.waitForExit(id);
        fake.onRemoveContainer = work::removeContainer;
        fake.onFollowEvents = work::followEvents;
        return work;
    }

    /** A container as the checks see it; fields are set by the test. */
    static final class Box {
        String id;
        String name;
        String image;
        String imageId;
        String status = "running";
        int exitCode;
        int restarts;
        String hostname;
        Instant created;
        List<PortMapping> ports = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        boolean init;
        boolean attached;
        long memory;
        String pidMode = "";
        String user = "";
        String restartPolicy = "no";
        int maxRetries;
        List<String[]> mounts = new ArrayList<>(); // {type, name, destination}
        List<Change> diff = new ArrayList<>();
        Function<List<String>, ExecResult> exec = command -> new ExecResult(127, "not found");

        boolean running() {
            return status.equals("running") || status.equals("restarting");
        }

        Box exited(int code) {
            status = "exited";
            exitCode = code;
            return this;
        }

        Box publish(String hostIp, int hostPort, int containerPort) {
            ports.add(new PortMapping(hostIp, hostPort, containerPort, "tcp"));
            return this;
        }
    }

    record Img(String id, List<String> tags, List<String> layers, Set<String> files, Map<String, String> labels) {
    }

    Img image(String tag, String... layers) {
        String id = "sha256:" + String.format("%064x", images.size() + 1);
        Img img = new Img(id, new ArrayList<>(List.of(tag)), List.of(layers), new HashSet<>(), new HashMap<>());
        images.put(id, img);
        return img;
    }

    /** A student's container, created now; an event says so. */
    Box container(String name, String image) {
        Box box = new Box();
        box.id = newId();
        box.name = name;
        box.image = image;
        box.imageId = ImageRefs.find(imageRows(), image).map(ImageRow::id).orElse(null);
        box.hostname = box.id.substring(0, 12);
        box.created = time.now();
        boxes.put(box.id, box);
        emit("create", box);
        emit("start", box);
        return box;
    }

    void emit(String action, Box box) {
        Map<String, String> attributes = new HashMap<>(box.labels);
        attributes.put("name", box.name);
        ContainerEvent event = new ContainerEvent(action, box.id, box.name, time.nanoTime(), attributes);
        List.copyOf(followers).forEach(f -> f.accept(event));
    }

    private String newId() {
        ids++;
        return String.format("%02d", ids) + "c0ffee".repeat(11).substring(0, 62);
    }

    private List<ImageRow> imageRows() {
        return images.values().stream().map(i -> new ImageRow(i.id(), List.copyOf(i.tags()), 1000, i.labels()))
                .toList();
    }

    private List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        List<ContainerRow> rows = new ArrayList<>();
        List<Box> newestFirst = new ArrayList<>(boxes.values());
        java.util.Collections.reverse(newestFirst);
        for (Box b : newestFirst) {
            boolean matches = labels.entrySet().stream().allMatch(e -> e.getValue().equals(b.labels.get(e.getKey())));
            if (matches && (all || b.running())) {
                rows.add(new ContainerRow(b.id, b.image, "sh", b.created.getEpochSecond(), b.status, b.status,
                        List.copyOf(b.ports), List.of("/" + b.name), Map.copyOf(b.labels)));
            }
        }
        return rows;
    }

    private Optional<ContainerInfo> inspectContainer(String nameOrId) {
        return find(nameOrId).map(b -> Inspected.container(b.name).id(b.id).image(b.image)
                .status(b.status, b.running()).exitCode(b.exitCode).pid(b.running() ? 4242 : 0).started(b.created)
                .restarts(b.restarts).labels(Map.copyOf(b.labels)).hostname(b.hostname).publishes(b.ports)
                .setup(new ContainerSetup(b.imageId, null, b.user, b.attached, b.init, b.memory, b.pidMode,
                        b.restartPolicy, b.maxRetries, b.mounts.stream().map(m -> new Mount(m[0], m[1], m[2]))
                        .toList()))
                .build());
    }

    private List<String> imageLayers(String image) {
        Img img = images.get(image);
        return img == null ? List.of() : img.layers();
    }

    private Optional<Box> find(String nameOrId) {
        return boxes.values().stream().filter(b -> b.name.equals(nameOrId) || b.id.startsWith(nameOrId)).findFirst();
    }

    private List<ImageRow> listImages(Map<String, String> labels) {
        return imageRows();
    }

    void removeImage(String idOrReference) {
        removed.add("image " + idOrReference);
        images.values().removeIf(i -> i.tags().contains(idOrReference) || i.id().equals(idOrReference));
    }

    private List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels) {
        List<VolumeRow> rows = new ArrayList<>();
        for (String name : volumes.keySet()) {
            boolean used = boxes.values().stream().anyMatch(b -> b.mounts.stream()
                    .anyMatch(m -> m[0].equals("volume") && m[1].equals(name)));
            if (!danglingOnly || !used) {
                rows.add(new VolumeRow(name, "local", Map.of()));
            }
        }
        return rows;
    }

    void removeVolume(String name) {
        removed.add("volume " + name);
        volumes.remove(name);
    }

    List<Change> diff(String id) {
        return find(id).map(b -> List.copyOf(b.diff)).orElseThrow();
    }

    private ExecResult exec(String id, List<String> command) {
        Box b = find(id).orElseThrow();
        if (!b.running()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.notrunning", b.name);
        }
        return b.exec.apply(command);
    }

    // --- dockerles's look-up containers: docker run --rm [-v VOLUME:/dockerles-volume:ro] IMAGE test -e PATH ---

    private final Map<String, ContainerSpec> lookups = new HashMap<>();
    private final Map<String, Integer> probeExits = new HashMap<>();

    String createContainer(ContainerSpec spec) {
        if (!RunIdentity.isManaged(spec.labels())) {
            throw new AssertionError("dockerles creates only containers with its labels: " + spec);
        }
        probeLabels.add(spec.labels());
        String id = newId();
        lookups.put(id, spec);
        return id;
    }

    void startContainer(String id) {
        ContainerSpec spec = lookups.get(id);
        String path = spec.command().get(2);
        boolean found;
        if (spec.binds().isEmpty()) {
            Img img = images.get(spec.image());
            found = img != null && img.files().contains(path);
        } else {
            String volume = spec.binds().get(0).substring(0, spec.binds().get(0).indexOf(':'));
            found = volumes.getOrDefault(volume, Set.of())
                    .contains(path.substring("/dockerles-volume".length()));
        }
        probeExits.put(id, found ? 0 : 1);
    }

    private Optional<Integer> waitForExit(String id) {
        return Optional.ofNullable(probeExits.get(id));
    }

    private void removeContainer(String id) {
        if (lookups.remove(id) != null) {
            return;
        }
        Box b = boxes.remove(id);
        if (b != null) {
            removed.add("container " + b.name);
            emit("destroy", b);
        }
    }

    int probesLeft() {
        return lookups.size();
    }

    AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
        followers.add(sink);
        return () -> followers.remove(sink);
    }
}
