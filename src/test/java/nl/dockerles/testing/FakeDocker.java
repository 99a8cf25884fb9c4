package nl.dockerles.testing;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.ContainerRow;
import nl.dockerles.engine.ContainerSpec;
import nl.dockerles.engine.DaemonInfo;
import nl.dockerles.engine.Docker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory daemon for unit tests. It behaves like Docker where the narration depends on it:
 * a shell as PID 1 ignores SIGTERM (stop waits for the timeout, exit 137), a busybox shell answers
 * {@code ps ax}, Ctrl-P Ctrl-Q detaches and Ctrl-D ends the shell.
 */
public class FakeDocker implements Docker {
    private final FakeTime time;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Set<String> images = new java.util.HashSet<>(Set.of("busybox:latest", "nginx:latest"));
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private int counter;

    public FakeDocker(FakeTime time) {
        this.time = time;
    }

    /** A container made by someone else, e.g. the user's own "demo". */
    public String addForeignContainer(String name, Map<String, String> labels) {
        String id = newId();
        containers.put(id, new Container(id, name, "busybox", List.of("sh"), labels, time.now()));
        return id;
    }

    public List<String> calls() {
        return calls;
    }

    public List<Container> containers() {
        return List.copyOf(containers.values());
    }

    public void forgetImage(String image) {
        images.remove(image);
    }

    @Override
    public DaemonInfo daemon() {
        return new DaemonInfo("unix:///var/run/docker.sock", "20.10.24", "1.41", "1.41", "linux", "amd64",
                "Debian GNU/Linux 12 (bookworm)", "6.1.0");
    }

    @Override
    public List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        calls.add("list");
        List<ContainerRow> rows = new ArrayList<>();
        List<Container> newestFirst = new ArrayList<>(containers.values());
        java.util.Collections.reverse(newestFirst);
        for (Container c : newestFirst) {
            boolean matches = labels.entrySet().stream().allMatch(e -> e.getValue().equals(c.labels.get(e.getKey())));
            if (matches && (all || c.running)) {
                rows.add(new ContainerRow(c.id, c.image, String.join(" ", c.command),
                        c.created.getEpochSecond(), c.running ? "running" : "exited", status(c), List.of(),
                        List.of("/" + c.name), c.labels));
            }
        }
        return rows;
    }

    private String status(Container c) {
        if (c.running) {
            return "Up " + nl.dockerles.render.HumanDuration.of(Duration.between(c.started, time.now()));
        }
        if (c.finished == null) {
            return "Created";
        }
        return "Exited (" + c.exitCode + ") "
                + nl.dockerles.render.HumanDuration.of(Duration.between(c.finished, time.now())) + " ago";
    }

    @Override
    public Optional<ContainerInfo> inspectContainer(String nameOrId) {
        return find(nameOrId).map(c -> new ContainerInfo(c.id, c.name, c.image,
                c.running ? "running" : (c.finished == null ? "created" : "exited"), c.running, c.exitCode,
                c.running ? 4242 : 0, c.started, c.finished, 0, c.labels, c.id.substring(0, 12), List.of()));
    }

    private Optional<Container> find(String nameOrId) {
        return containers.values().stream()
                .filter(c -> c.name.equals(nameOrId) || c.id.startsWith(nameOrId))
                .findFirst();
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        calls.add("create " + spec.name());
        if (!images.contains(spec.image().contains(":") ? spec.image() : spec.image() + ":latest")) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.missing", spec.image());
        }
        if (spec.name() != null && find(spec.name()).isPresent()) {
            throw new DockerlesException(ExitCode.CONFLICT, "error.name.taken", spec.name());
        }
        String id = newId();
        String name = spec.name() != null ? spec.name() : "fake_" + counter;
        time.advance(Duration.ofMillis(300));
        containers.put(id, new Container(id, name, spec.image(), spec.command().isEmpty() ? List.of("sh")
                : spec.command(), spec.labels(), time.now()));
        containers.get(id).init = spec.init();
        return id;
    }

    @Override
    public void startContainer(String id) {
        calls.add("start " + id.substring(0, 12));
        Container c = containers.get(id);
        c.running = true;
        c.started = time.now();
        time.advance(Duration.ofSeconds(1));
    }

    @Override
    public void stopContainer(String id, Integer timeoutSeconds) {
        calls.add("stop " + id.substring(0, 12));
        Container c = containers.get(id);
        if (c.running && c.init && !c.command.isEmpty() && c.command.get(0).equals("sleep")) {
            // --init: docker-init passes SIGTERM on to sleep, which is not PID 1 and ends at once (exit 143).
            time.advance(Duration.ofMillis(70));
            c.running = false;
            c.exitCode = 143;
            c.finished = time.now();
        } else if (c.running) {
            // sh as PID 1 ignores SIGTERM: Docker waits for the timeout, then SIGKILL.
            time.advance(Duration.ofSeconds(timeoutSeconds == null ? 10 : timeoutSeconds).plusMillis(250));
            c.running = false;
            c.exitCode = 137;
            c.finished = time.now();
        }
    }

    @Override
    public synchronized void removeContainer(String id, boolean force, boolean volumes) {
        calls.add("remove " + id.substring(0, 12));
        time.advance(Duration.ofSeconds(1));
        Container c = containers.get(id);
        if (c.running && !force) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.running", c.name);
        }
        containers.remove(id);
    }

    @Override
    public TtySession startAttached(String id, Consumer<byte[]> output) {
        Container c = containers.get(id);
        c.running = true;
        c.started = time.now();
        return new FakeShell(c, output);
    }

    @Override
    public boolean imageExists(String reference) {
        return images.contains(reference);
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress) {
        throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.pull.failed", reference, "offline");
    }

    @Override
    public Optional<Integer> waitForExit(String id, Duration timeout) {
        Container c = containers.get(id);
        return c == null || c.running ? Optional.empty() : Optional.of(c.exitCode);
    }

    @Override
    public String logs(String id, Integer tail) {
        return "";
    }

    @Override
    public ExecResult exec(String id, List<String> command, String user, Duration timeout) {
        calls.add("exec " + String.join(" ", command));
        return new ExecResult(0, "");
    }

    @Override
    public Optional<Integer> attachUntilExit(String id, Consumer<byte[]> output, Duration timeout) {
        Container c = containers.get(id);
        if (c.running && c.command.size() == 2 && c.command.get(0).equals("sleep") && c.started != null) {
            // attach blocks until sleep N is done: N seconds after the start.
            Instant done = c.started.plusSeconds(Long.parseLong(c.command.get(1)));
            if (time.now().isBefore(done)) {
                time.advance(Duration.between(time.now(), done));
            }
        }
        c.running = false;
        c.finished = time.now();
        return Optional.of(c.exitCode);
    }

    @Override
    public String commit(String container, String repository, String tag, String message, List<String> changes,
                         Map<String, String> labels) {
        calls.add("commit " + container + " " + repository);
        return "sha256:" + newId();
    }

    @Override
    public List<Change> diff(String id) {
        return List.of();
    }

    @Override
    public List<HistoryEntry> history(String image) {
        return List.of();
    }

    @Override
    public Optional<String> inspectJson(String nameOrId) {
        return find(nameOrId).map(c -> "{\"Id\":\"" + c.id + "\",\"Name\":\"/" + c.name + "\"}");
    }

    @Override
    public List<ImageRow> listImages(Map<String, String> labels) {
        return List.of();
    }

    @Override
    public void removeImage(String idOrReference) {
        calls.add("rmi " + idOrReference);
    }

    @Override
    public String buildImage(java.nio.file.Path context, String tag, Map<String, String> labels,
                             Consumer<String> output) {
        calls.add("build " + tag);
        return "sha256:" + newId();
    }

    @Override
    public List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels) {
        return List.of();
    }

    @Override
    public void removeVolume(String name) {
        calls.add("volume rm " + name);
    }

    @Override
    public AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
        return () -> { };
    }

    @Override
    public void resizeTty(String id, int width, int height) {
        calls.add("resize " + width + "x" + height);
    }

    @Override
    public List<ApiCall> takeApiCalls() {
        return List.of();
    }

    @Override
    public void close() {
    }

    // --- check, prepare and cleanup ---

    /** An image that is there, e.g. postgres:latest for the database section. */
    public void addImage(String image) {
        images.add(image);
    }

    @Override
    public DaemonDetails daemonDetails() {
        return new DaemonDetails("/var/lib/docker", List.of("Engine", "containerd", "runc", "docker-init"));
    }

    @Override
    public void tagImage(String source, String target) {
        calls.add("tag " + source + " " + target);
        images.add(target.contains(":") && target.lastIndexOf(':') > target.lastIndexOf('/') ? target
                : target + ":latest");
    }

    /** A push as the registry answers it: the same digest for the same name, as a real one would for one image. */
    @Override
    public String pushImage(String reference, Consumer<String> lines) {
        calls.add("push " + reference);
        String digest = "sha256:" + String.format("%064x", reference.hashCode() & 0xffffffffL);
        lines.accept(reference.substring(reference.lastIndexOf(':') + 1) + ": digest: " + digest + " size: 527");
        return digest;
    }

    @Override
    public String pullImageShown(String reference, Consumer<String> lines) {
        calls.add("pull " + reference);
        images.add(reference);
        String digest = "sha256:" + String.format("%064x", reference.hashCode() & 0xffffffffL);
        lines.accept("Digest: " + digest);
        return digest;
    }

    @Override
    public List<String> removeImageReference(String reference) {
        calls.add("rmi " + reference);
        images.remove(reference);
        return List.of("Untagged: " + reference);
    }

    /** A real tar with the manifest.json docker save writes (no layers): enough to verify what is in it. */
    @Override
    public void saveImages(List<String> references, java.nio.file.Path file) {
        calls.add("save " + String.join(" ", references));
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (String reference : references) {
            if (!images.contains(reference)) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.save.failed", file,
                        "reference does not exist");
            }
            manifest.add(Map.of("Config", newId() + ".json", "RepoTags", List.of(reference), "Layers", List.of()));
        }
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                java.nio.file.Files.newOutputStream(file))) {
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(manifest);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("manifest.json");
            entry.setSize(json.length);
            tar.putArchiveEntry(entry);
            tar.write(json);
            tar.closeArchiveEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the manifest.json of the archive: its tagged images are there afterwards. */
    @Override
    public List<String> loadImages(java.nio.file.Path file) {
        calls.add("load " + file.getFileName());
        List<String> loaded = new ArrayList<>();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                java.nio.file.Files.newInputStream(file))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    for (var image : new com.fasterxml.jackson.databind.ObjectMapper().readTree(tar.readAllBytes())) {
                        image.path("RepoTags").forEach(tag -> loaded.add(tag.asText()));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.load.failed", file, e.getMessage());
        }
        images.addAll(loaded);
        return loaded;
    }

    @Override
    public List<NetworkRow> listNetworks(Map<String, String> labels) {
        return List.of();
    }

    @Override
    public void removeNetwork(String idOrName) {
        calls.add("network rm " + idOrName);
    }

    private String newId() {
        counter++;
        String seed = String.format("%02x", counter);
        return (seed + "3f9c1e7a2b4d6c8e0f1a3b5c7d9e").repeat(3).substring(0, 64);
    }

    /** A busybox shell: a prompt, echo of what is typed, {@code ps ax}, Ctrl-D and Ctrl-P Ctrl-Q. */
    private final class FakeShell implements TtySession {
        private final Container container;
        private final Consumer<byte[]> output;
        private boolean ended;

        FakeShell(Container container, Consumer<byte[]> output) {
            this.container = container;
            this.output = output;
            emit("\u001B[6n/ # ");
        }

        @Override
        public void send(byte[] input) {
            String text = new String(input, StandardCharsets.UTF_8);
            if (text.equals("\u0010\u0011")) {
                ended = true;
            } else if (text.equals("\u0004")) {
                container.running = false;
                container.exitCode = 0;
                container.finished = time.now();
                ended = true;
            } else {
                String line = text.strip();
                time.advance(Duration.ofSeconds(1));
                emit(line + "\r\n" + answer(line) + "\u001B[6n/ # ");
            }
        }

        private String answer(String line) {
            if (line.equals("ps ax")) {
                return "PID   USER     TIME  COMMAND\r\n    1 root      0:00 sh\r\n    7 root      0:00 ps ax\r\n";
            }
            return "sh: " + line + ": not found\r\n";
        }

        private void emit(String text) {
            output.accept(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean awaitEnd(Duration timeout) {
            return ended;
        }

        @Override
        public void close() {
        }
    }

    /** A container as the fake keeps it. */
    public static final class Container {
        public final String id;
        public final String name;
        public final String image;
        public final List<String> command;
        public final Map<String, String> labels;
        public final Instant created;
        public boolean running;
        public boolean init;
        public int exitCode;
        public Instant started;
        public Instant finished;

        Container(String id, String name, String image, List<String> command, Map<String, String> labels,
                  Instant created) {
            this.id = id;
            this.name = name;
            this.image = image;
            this.command = command;
            this.labels = labels == null ? Map.of() : labels;
            this.created = created;
        }
    }
}
