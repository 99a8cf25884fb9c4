package nl.dockerles.testing;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;

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
public final class FakeDocker implements Docker {
    private final FakeTime time;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final Set<String> images = new java.util.HashSet<>(Set.of("busybox:latest", "nginx:latest"));
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private int counter;
    /** What an image's own program does when a container runs it without -it ({@link Program}). */
    private java.util.function.Function<Container, Program> programs = FakeDocker::busybox;
    /** What {@code docker exec} answers, per command. */
    private java.util.function.BiFunction<Container, List<String>, ExecResult> execs = FakeDocker::busyboxExec;
    /** The layers of images the fake made (commit, build), newest first, for history. */
    private final Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();
    /** The classic builder's cache: parent layer, instruction and copied files to the layer made. */
    private final Map<String, String> buildCache = new java.util.HashMap<>();
    /** Folders of an image that are volumes (VOLUME in its Dockerfile): commit leaves what is in them out. */
    private final Map<String, Set<String>> imageVolumes = new java.util.HashMap<>();
    /** An image's environment (ENV, or the container's that commit kept). */
    private final Map<String, List<String>> imageEnv = new java.util.HashMap<>();
    /** The HTTP calls a real daemon would have had, as the presenter's --api shows them. */
    private final List<ApiCall> apiCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The volumes on this daemon, by name. */
    private final Set<String> volumeStore = new java.util.LinkedHashSet<>();
    /** Image ids by name, and what the registry of distributie keeps: tags and manifests (digest to image id). */
    private final Map<String, String> imageIds = new java.util.HashMap<>();
    private final Map<String, String> registryTags = new java.util.HashMap<>();
    private final Map<String, String> registryBlobs = new LinkedHashMap<>();
    private final Map<String, Set<String>> repoDigests = new java.util.HashMap<>();
    /** An image's CMD when it is not sh ("sh groet.sh" from a Dockerfile). */
    private final Map<String, List<String>> imageCommands = new java.util.HashMap<>();
    /** Files that images made here have besides busybox's (commit keeps a container's new files). */
    private final Map<String, Set<String>> imageFiles = new LinkedHashMap<>();
    private static final List<String> ROOT = List.of("bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr",
            "var");
    private static final List<String> NAMES = List.of("festive_hopper", "quirky_lovelace", "sharp_turing",
            "eager_curie", "brave_noether", "calm_hamilton");

    public FakeDocker(FakeTime time) {
        this.time = time;
    }

    // --- Per call, what a test wants instead of the built-in behaviour (docker/cli's fakeClient): null is the
    // built-in daemon below. E.g. {@code fake.onInspectContainer = name -> Optional.of(...)}.

    public java.util.function.Supplier<DaemonInfo> onDaemon;
    public java.util.function.Supplier<ServerVersion> onServerVersion;
    public java.util.function.Supplier<DaemonDetails> onDaemonDetails;
    public java.util.function.BiFunction<Boolean, Map<String, String>, List<ContainerRow>> onListContainers;
    public java.util.function.Function<String, Optional<ContainerInfo>> onInspectContainer;
    public java.util.function.Function<String, Optional<String>> onInspectJson;
    public java.util.function.Function<String, List<String>> onImageLayers;
    public java.util.function.Function<ContainerSpec, String> onCreateContainer;
    public Consumer<String> onStartContainer;
    /** The container's id; force and volumes are the built-in's concern. */
    public Consumer<String> onRemoveContainer;
    public java.util.function.BiFunction<String, Duration, Optional<Integer>> onWaitForExit;
    /** The container's id; the tail is the built-in's concern. */
    public java.util.function.Function<String, String> onLogs;
    /** The container's id and where its new output goes; the handle that ends it (unset: nothing is followed). */
    public java.util.function.BiFunction<String, Consumer<byte[]>, AutoCloseable> onFollowLogs;
    /** The container's id and the command. */
    public java.util.function.BiFunction<String, List<String>, ExecResult> onExec;
    public java.util.function.Function<String, List<Change>> onDiff;
    public java.util.function.BiConsumer<String, Consumer<PullProgress>> onPullImage;
    public java.util.function.Function<Map<String, String>, List<ImageRow>> onListImages;
    public Consumer<String> onRemoveImage;
    public java.util.function.BiFunction<Boolean, Map<String, String>, List<VolumeRow>> onListVolumes;
    public Consumer<String> onRemoveVolume;
    public java.util.function.BiFunction<Map<String, String>, Consumer<ContainerEvent>, AutoCloseable> onFollowEvents;
    public java.util.function.Supplier<List<ApiCall>> onTakeApiCalls;
    public java.util.function.BiConsumer<List<String>, java.nio.file.Path> onSaveImages;

    /**
     * What a program does in a container that runs without -it: its output, exit code and how long it runs
     * ({@code null}: until it is stopped). The default knows busybox's sleep, ls, touch, echo and cat.
     */
    public record Program(String output, int exitCode, Duration runsFor, boolean handlesSigterm) {
        public Program(String output, int exitCode, Duration runsFor) {
            this(output, exitCode, runsFor, false);
        }

        public static Program forever() {
            return new Program("", 0, null);
        }

        /** A server that runs until stopped and ends at once, with exit code 0, on SIGTERM (as PostgreSQL). */
        public static Program server(String output) {
            return new Program(output, 0, null, true);
        }

        public static Program done(String output) {
            return new Program(output, 0, Duration.ofMillis(200));
        }
    }

    /** Other programs than busybox's: {@code fake.programs(cmd -> ...)}; the default is {@link #busybox}. */
    public FakeDocker programs(java.util.function.Function<Container, Program> programs) {
        this.programs = programs;
        return this;
    }

    /** Other answers to docker exec than busybox's. */
    public FakeDocker execs(java.util.function.BiFunction<Container, List<String>, ExecResult> execs) {
        this.execs = execs;
        return this;
    }

    /** busybox's programs, as far as the sections use them. */
    public static Program busybox(Container container) {
        List<String> command = container.command;
        if (command.isEmpty()) {
            return Program.forever();
        }
        return switch (command.get(0)) {
            case "sleep" -> command.size() > 1 && command.get(1).matches("\\d+")
                    ? new Program("", 0, Duration.ofSeconds(Long.parseLong(command.get(1)))) : Program.forever();
            case "echo" -> Program.done(String.join(" ", command.subList(1, command.size())) + "\n");
            case "ls" -> {
                boolean host = container.binds.stream().anyMatch(b -> b.startsWith("/:")
                        && command.contains(b.split(":")[1]));
                if (host) {
                    yield Program.done(String.join("\n", HOST_ROOT) + "\n");
                }
                String listing = ls(container.files, command.subList(1, command.size()), "\n");
                yield new Program(listing, listing.contains("No such file") ? 1 : 0, Duration.ofMillis(200));
            }
            case "touch" -> {
                command.subList(1, command.size()).forEach(file -> write(container, file));
                yield Program.done("");
            }
            case "true", "mkdir", "rm", "cp" -> Program.done("");
            case "cat" -> Program.done("");
            case "sh" -> command.size() > 2 && command.get(1).equals("-c") ? script(container, command.get(2))
                    : Program.forever();
            default -> Program.forever();
        };
    }

    /**
     * A file the program makes: in its own layer, or, under a bind mount, on this machine, owned by the container's
     * user as the kernel would make it (root, or --user's uid; changing the owner needs root here too).
     */
    static void write(Container container, String file) {
        for (String bind : container.binds) {
            String[] parts = bind.split(":");
            if (file.startsWith(parts[1] + "/")) {
                java.nio.file.Path host = java.nio.file.Path.of(parts[0], file.substring(parts[1].length() + 1));
                try {
                    java.nio.file.Files.createDirectories(host.getParent());
                    if (!java.nio.file.Files.exists(host)) {
                        java.nio.file.Files.createFile(host);
                    }
                    String[] ids = container.user == null || container.user.isBlank() ? new String[] {"0", "0"}
                            : (container.user + ":" + container.user).split(":");
                    java.nio.file.Files.setAttribute(host, "unix:uid", Integer.parseInt(ids[0]));
                    java.nio.file.Files.setAttribute(host, "unix:gid", Integer.parseInt(ids[1]));
                    // Made now, by the fake's clock.
                    java.nio.file.Files.setLastModifiedTime(host, java.nio.file.attribute.FileTime.from(
                            container.created));
                } catch (java.io.IOException | RuntimeException e) {
                    // Not root here: the file stays this user's, as with rootless Docker.
                }
                return;
            }
        }
        container.files.add(file.startsWith("/") ? file : "/" + file);
    }

    /** {@code sh -c 'echo foo && sleep 2'}: echo and sleep in a row; anything else (a loop) runs on. */
    private static Program script(Container container, String script) {
        StringBuilder output = new StringBuilder();
        Duration runs = Duration.ofMillis(100);
        for (String part : script.split("&&|;")) {
            String[] redirect = part.split(">", 2);
            if (redirect.length == 2) {
                // echo hallo > /data/groet: the file is there (what the program writes is not kept).
                write(container, redirect[1].strip());
                part = redirect[0];
                if (part.strip().startsWith("echo") || part.strip().startsWith("date")) {
                    continue;
                }
            }
            List<String> words = List.of(part.strip().split("\\s+"));
            if (words.get(0).equals("echo")) {
                output.append(String.join(" ", words.subList(1, words.size())).replace("'", "").replace("\"", ""))
                        .append('\n');
            } else if (words.get(0).equals("sleep") && words.size() == 2 && words.get(1).matches("\\d+")) {
                runs = runs.plusSeconds(Long.parseLong(words.get(1)));
            } else if (!words.get(0).equals("true") && !words.get(0).equals("touch") && !words.get(0).equals("date")) {
                return Program.forever();
            }
        }
        return new Program(output.toString(), 0, runs);
    }

    /** busybox answering docker exec: the namespaces of PID 1, else nothing. */
    public static ExecResult busyboxExec(Container container, List<String> command) {
        String line = String.join(" ", command);
        if (line.equals("ls -l /proc/1/ns")) {
            StringBuilder out = new StringBuilder("total 0\n");
            long inode = 4026532190L;
            for (String ns : List.of("cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time",
                    "time_for_children", "user", "uts")) {
                long number = ns.equals("user") || ns.startsWith("time") ? 4026531837L : inode++;
                String kind = ns.replace("_for_children", "");
                out.append("lrwxrwxrwx    1 root     root             0 Nov 27 10:00 ").append(ns).append(" -> ")
                        .append(kind).append(":[").append(number).append("]\n");
            }
            return new ExecResult(0, out.toString());
        }
        return new ExecResult(0, "");
    }

    /** What a container answers over HTTP on its published ports ({@link HttpAnswer}); empty: it does not listen. */
    private java.util.function.Function<Container, Optional<HttpAnswer>> http = FakeDocker::nginx;

    /** An HTTP answer: the status, the Server and Content-Type headers and the body. */
    public record HttpAnswer(int status, String server, String contentType, String body) {
    }

    /** Other HTTP servers than nginx's welcome page (an image's own program, say). */
    public FakeDocker http(java.util.function.Function<Container, Optional<HttpAnswer>> http) {
        this.http = http;
        return this;
    }

    /** nginx's welcome page, for the nginx image. */
    public static Optional<HttpAnswer> nginx(Container c) {
        if (!c.image.equals("nginx") && !c.image.startsWith("nginx:")) {
            return Optional.empty();
        }
        return Optional.of(new HttpAnswer(200, "nginx/1.27.3", "text/html", """
                <!DOCTYPE html>
                <html>
                <head>
                <title>Welcome to nginx!</title>
                <style>
                html { color-scheme: light dark; }
                body { width: 35em; margin: 0 auto;
                font-family: Tahoma, Verdana, Arial, sans-serif; }
                </style>
                </head>
                <body>
                <h1>Welcome to nginx!</h1>
                <p>If you see this page, the nginx web server is successfully installed and
                working. Further configuration is required.</p>

                <p>For online documentation and support please refer to
                <a href="http://nginx.org/">nginx.org</a>.<br/>
                Commercial support is available at
                <a href="http://nginx.com/">nginx.com</a>.</p>

                <p><em>Thank you for using nginx.</em></p>
                </body>
                </html>
                """));
    }

    /**
     * A container's published ports really listen on this machine while it runs (on the host port that was asked
     * for, as Docker's proxy does), so that a step can request the page as a browser would.
     */
    private void listen(Container c) {
        Optional<HttpAnswer> answer = http.apply(c);
        if (answer.isEmpty()) {
            return;
        }
        for (nl.dockerles.daemon.PortMapping port : c.ports) {
            try {
                var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                        port.hostIp() == null || port.hostIp().isBlank() ? "127.0.0.1" : port.hostIp(),
                        port.hostPort()), 0);
                server.createContext("/", exchange -> {
                    byte[] body = answer.get().body().getBytes(StandardCharsets.UTF_8);
                    if (!answer.get().server().isEmpty()) {
                        exchange.getResponseHeaders().add("Server", answer.get().server());
                    }
                    exchange.getResponseHeaders().add("Content-Type", answer.get().contentType());
                    exchange.sendResponseHeaders(answer.get().status(), body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                c.servers.add(server);
            } catch (java.io.IOException e) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.docker.failed",
                        "driver failed programming external connectivity on endpoint " + c.name + ": Bind for "
                                + port.hostIp() + ":" + port.hostPort() + " failed: port is already allocated");
            }
        }
    }

    private static void silence(Container c) {
        c.servers.forEach(server -> server.stop(0));
        c.servers.clear();
    }

    /** How many restarts {@link #followEvents} lets pass before it returns (the restart section's watch). */
    private int restartsPerFollow;
    /**
     * Inspections answered so far (guarded by itself). Counted once the answer is taken, so that the daemon thread
     * of {@link #followEvents} moves the clock only after the follower has looked, never while it looks.
     */
    private final Object inspectionsLock = new Object();
    private int inspections;
    /** How long the daemon thread of {@link #followEvents} waits for the follower's look before it gives up. */
    private static final Duration FOLLOWER_LOOKS_WITHIN = Duration.ofSeconds(60);

    /**
     * Following events, the fake lets time pass until this many restarts of --restart=always containers happened,
     * hands over their die and start events and returns: a watch of the restart section, without waiting.
     */
    public FakeDocker restartsPerFollow(int restarts) {
        this.restartsPerFollow = restarts;
        return this;
    }

    /**
     * A container whose program has ended by now is exited, as on a real daemon; with --restart=always Docker
     * starts it again after its back-off (100 ms, doubled each time) and half a second of its own work.
     */
    private synchronized void settle() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Container c : containers.values()) {
                if (c.running && c.endsAt != null && !time.now().isBefore(c.endsAt)) {
                    c.running = false;
                    c.finished = c.endsAt;
                    c.exitCode = c.program.exitCode();
                    c.events.add(new ContainerEvent("die", c.id, c.name, nanos(c.finished),
                            Map.of("exitCode", String.valueOf(c.exitCode))));
                    if ("always".equals(c.restartPolicy) || "unless-stopped".equals(c.restartPolicy)) {
                        c.restartAt = c.finished.plus(c.backoff).plusMillis(500);
                        c.backoff = c.backoff.multipliedBy(2);
                    }
                }
                if (!c.running && c.restartAt != null && !time.now().isBefore(c.restartAt)) {
                    c.running = true;
                    c.started = c.restartAt;
                    c.restartAt = null;
                    c.restartCount++;
                    c.output.append(c.program.output());
                    c.endsAt = c.program.runsFor() == null ? null : c.started.plus(c.program.runsFor());
                    c.events.add(new ContainerEvent("start", c.id, c.name, nanos(c.started), Map.of()));
                    changed = true;
                }
            }
        }
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
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

    /** Where this fake daemon is said to be: a second fake plays "the server" at tcp://127.0.0.1:2375. */
    private String host = "unix:///var/run/docker.sock";

    public FakeDocker host(String host) {
        this.host = host;
        return this;
    }

    /** No socket: whatever would connect to the daemon's own socket (a TCP forward) must not reach a real one. */
    @Override
    public String endpoint() {
        return !host().startsWith("unix://") ? host()
                : "unix:///tmp/dockerles-fake-daemon-" + Integer.toHexString(System.identityHashCode(this)) + ".sock";
    }

    @Override
    public DaemonInfo daemon() {
        if (onDaemon != null) {
            return onDaemon.get();
        }
        apiCalls.add(new ApiCall("GET", "/v1.41/version", 200, Duration.ofMillis(2)));
        return new DaemonInfo(host, "20.10.24", "1.41", "1.41", "linux", "amd64",
                "Debian GNU/Linux 12 (bookworm)", "6.1.0");
    }

    /** Built in: the {@link #daemon()}'s version, which records its one GET /version. */
    @Override
    public ServerVersion serverVersion() {
        if (onServerVersion != null) {
            return onServerVersion.get();
        }
        DaemonInfo daemon = daemon();
        return new ServerVersion(daemon.serverVersion(), daemon.apiVersion(), daemon.negotiatedApiVersion(),
                daemon.os(), daemon.architecture(), daemon.podman());
    }

    @Override
    public List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        if (onListContainers != null) {
            return onListContainers.apply(all, labels);
        }
        calls.add("list");
        apiCalls.add(new ApiCall("GET", "/v1.41/containers/json" + (all ? "?all=1" : ""), 200, Duration.ofMillis(3)));
        settle();
        List<ContainerRow> rows = new ArrayList<>();
        List<Container> newestFirst = new ArrayList<>(containers.values());
        java.util.Collections.reverse(newestFirst);
        for (Container c : newestFirst) {
            boolean matches = labels.entrySet().stream().allMatch(e -> e.getValue().equals(c.labels.get(e.getKey())));
            if (matches && (all || c.running)) {
                rows.add(new ContainerRow(c.id, c.image, String.join(" ", c.command),
                        c.created.getEpochSecond(), c.running ? "running" : "exited", status(c),
                        c.running ? List.copyOf(c.ports) : List.of(),
                        List.of("/" + c.name), c.labels));
            }
        }
        listedOnly.stream().filter(row -> matches(row.labels(), labels)).forEach(rows::add);
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
        if (onInspectContainer != null) {
            return onInspectContainer.apply(nameOrId);
        }
        Optional<ContainerInfo> answer;
        synchronized (this) {
            // One moment of the daemon: settled and read together, as a restart thread may move the clock.
            settle();
            answer = find(nameOrId).map(c -> new ContainerInfo(c.id, c.name, c.image,
                    c.running ? "running" : (c.finished == null ? "created" : "exited"), c.running, c.exitCode,
                    c.running ? 4242 : 0, c.started, c.finished, c.restartCount, c.labels, c.id.substring(0, 12),
                    c.running ? List.copyOf(c.ports) : List.of(), setup(c)));
        }
        synchronized (inspectionsLock) {
            inspections++;
            inspectionsLock.notifyAll();
        }
        return answer;
    }

    /** As {@link #inspectJson} tells it: the image, --init, the mounts (binds first, then the volumes). */
    private static nl.dockerles.daemon.ContainerSetup setup(Container c) {
        List<nl.dockerles.daemon.Mount> mounts = new ArrayList<>();
        for (String bind : c.binds) {
            mounts.add(new nl.dockerles.daemon.Mount("bind", null, bind.split(":")[1]));
        }
        c.anonymousVolumes.forEach((folder, volume) -> mounts.add(new nl.dockerles.daemon.Mount("volume", volume,
                folder)));
        return new nl.dockerles.daemon.ContainerSetup(c.image, c.path, "", false, c.init, 0, "", "", 0, mounts);
    }

    private Optional<Container> find(String nameOrId) {
        return containers.values().stream()
                .filter(c -> c.name.equals(nameOrId) || c.id.startsWith(nameOrId))
                .findFirst();
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        if (onCreateContainer != null) {
            return onCreateContainer.apply(spec);
        }
        calls.add("create " + spec.name());
        if (!images.contains(spec.image().contains(":") ? spec.image() : spec.image() + ":latest")) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.missing", spec.image());
        }
        if (spec.name() != null && find(spec.name()).isPresent()) {
            throw new DockerlesException(ExitCode.CONFLICT, "error.name.taken", spec.name());
        }
        String id = newId();
        String name = spec.name() != null ? spec.name() : NAMES.get(counter % NAMES.size());
        apiCalls.add(new ApiCall("POST", "/v1.41/containers/create" + (spec.name() != null ? "?name=" + spec.name()
                : ""), 201, Duration.ofMillis(12)));
        time.advance(Duration.ofMillis(300));
        containers.put(id, new Container(id, name, spec.image(), spec.command().isEmpty()
                ? imageCommands.getOrDefault(reference(spec.image()), List.of("sh")) : spec.command(), spec.labels(),
                time.now()));
        containers.get(id).init = spec.init();
        containers.get(id).ports.addAll(spec.ports() == null ? List.of() : spec.ports());
        containers.get(id).restartPolicy = spec.restartPolicy() == null || spec.restartPolicy().isBlank()
                || spec.restartPolicy().equals("no") ? null : spec.restartPolicy();
        List<String> env = new ArrayList<>(imageEnv.getOrDefault(reference(spec.image()), List.of()));
        for (String setting : spec.env() == null ? List.<String>of() : spec.env()) {
            env.removeIf(e -> e.startsWith(setting.split("=", 2)[0] + "="));
            env.add(setting);
        }
        containers.get(id).env.addAll(env);
        containers.get(id).volumes.addAll(imageVolumes.getOrDefault(reference(spec.image()), Set.of()));
        containers.get(id).binds.addAll(spec.binds() == null ? List.of() : spec.binds());
        containers.get(id).user = spec.user();
        for (String folder : containers.get(id).volumes) {
            String volume = sha256(id + folder);
            containers.get(id).anonymousVolumes.put(folder, volume);
            volumeStore.add(volume);
        }
        containers.get(id).autoRemove = spec.autoRemove();
        containers.get(id).files.addAll(imageFiles.getOrDefault(reference(spec.image()), Set.of()));
        Container made = containers.get(id);
        made.program = spec.tty() ? Program.forever() : programs.apply(made);
        return id;
    }

    @Override
    public void startContainer(String id) {
        if (onStartContainer != null) {
            onStartContainer.accept(id);
            return;
        }
        calls.add("start " + id.substring(0, 12));
        apiCalls.add(new ApiCall("POST", "/v1.41/containers/" + id + "/start", 204, Duration.ofMillis(41)));
        Container c = containers.get(id);
        c.running = true;
        c.started = time.now();
        c.endsAt = c.program == null || c.program.runsFor() == null ? null : c.started.plus(c.program.runsFor());
        if (c.program != null) {
            c.output.append(c.program.output());
        }
        c.events.add(new ContainerEvent("start", c.id, c.name, nanos(c.started), Map.of()));
        listen(c);
        time.advance(Duration.ofSeconds(1));
    }

    @Override
    public void stopContainer(String id, Integer timeoutSeconds) {
        calls.add("stop " + id.substring(0, 12));
        settle();
        Container c = containers.get(id);
        c.restartAt = null;
        c.restartPolicy = c.restartPolicy == null || c.restartPolicy.equals("always") ? null : c.restartPolicy;
        silence(c);
        if (c.running && c.program != null && c.program.handlesSigterm()) {
            time.advance(Duration.ofMillis(300));
            c.running = false;
            c.exitCode = 0;
            c.finished = time.now();
        } else if (c.running && c.init && !c.command.isEmpty() && c.command.get(0).equals("sleep")) {
            // --init: docker-init passes SIGTERM on to sleep, which is not PID 1 and ends at once (exit 143).
            time.advance(Duration.ofMillis(70));
            c.running = false;
            c.exitCode = 143;
            c.finished = time.now();
        } else if (c.running && c.endsAt != null && Duration.between(time.now(), c.endsAt)
                .compareTo(Duration.ofSeconds(timeoutSeconds == null ? 10 : timeoutSeconds)) < 0) {
            // SIGTERM is ignored, but the program ends by itself before the timeout (sh -c '... && sleep 2').
            time.advance(Duration.between(time.now(), c.endsAt));
            c.running = false;
            c.exitCode = c.program.exitCode();
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
        if (onRemoveContainer != null) {
            onRemoveContainer.accept(id);
            return;
        }
        calls.add("remove " + id.substring(0, 12));
        time.advance(Duration.ofSeconds(1));
        Container c = containers.get(id);
        if (c.running && !force) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.running", c.name);
        }
        silence(c);
        containers.remove(id);
        if (volumes) {
            volumeStore.removeAll(c.anonymousVolumes.values());
        }
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
        if (onPullImage != null) {
            onPullImage.accept(reference, progress);
            return;
        }
        calls.add("pull " + reference);
        if (!registry.contains(reference)) {
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.pull.failed", reference, "offline");
        }
        progress.accept(new PullProgress(null, "Pulling from library/" + reference, 0, 0));
        progress.accept(new PullProgress("a1b2c3", "Downloading", 500_000, 2_000_000));
        progress.accept(new PullProgress("a1b2c3", "Downloading", 2_000_000, 2_000_000));
        progress.accept(new PullProgress("a1b2c3", "Pull complete", 0, 0));
        addImage(reference);
    }

    @Override
    public Optional<Integer> waitForExit(String id, Duration timeout) {
        if (onWaitForExit != null) {
            return onWaitForExit.apply(id, timeout);
        }
        Container c = containers.get(id);
        untilItEnds(c, timeout);
        return c == null || c.running ? Optional.empty() : Optional.of(c.exitCode);
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<byte[]> output) {
        return onFollowLogs == null ? () -> { } : onFollowLogs.apply(id, output);
    }

    @Override
    public String logs(String id, Integer tail) {
        if (onLogs != null) {
            return onLogs.apply(id);
        }
        settle();
        Container c = containers.get(id);
        if (c == null) {
            c = find(id).orElse(null);
        }
        if (c == null) {
            return "";
        }
        if (tail == null) {
            return c.output.toString();
        }
        List<String> lines = c.output.toString().lines().toList();
        return lines.subList(Math.max(0, lines.size() - tail), lines.size()).stream()
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    /** Waiting for a program that ends: the clock moves to its end, if that comes within the timeout. */
    private void untilItEnds(Container c, Duration timeout) {
        if (c != null && c.running && c.endsAt != null) {
            Duration left = Duration.between(time.now(), c.endsAt);
            if (left.compareTo(timeout) <= 0) {
                if (!left.isNegative()) {
                    time.advance(left);
                }
                settle();
            }
        }
    }

    @Override
    public ExecResult exec(String id, List<String> command, String user, Duration timeout) {
        if (onExec != null) {
            return onExec.apply(id, command);
        }
        calls.add("exec " + String.join(" ", command));
        return find(id).map(c -> execs.apply(c, command)).orElse(new ExecResult(0, ""));
    }

    @Override
    public Optional<Integer> attachUntilExit(String id, Consumer<byte[]> output, Duration timeout) {
        Container c = containers.get(id);
        if (c.endsAt != null) {
            untilItEnds(c, timeout);
            if (!c.program.output().isEmpty()) {
                output.accept(c.program.output().getBytes(StandardCharsets.UTF_8));
            }
            return c.running ? Optional.empty() : Optional.of(c.exitCode);
        }
        c.running = false;
        c.finished = time.now();
        return Optional.of(c.exitCode);
    }

    @Override
    public String commit(String container, String repository, String tag, String message, List<String> changes,
                         Map<String, String> labels) {
        calls.add("commit " + container + " " + repository);
        String id = "sha256:" + newId();
        String reference = repository + ":" + (tag == null || tag.isBlank() ? "latest" : tag);
        images.add(reference);
        imageIds.put(reference, id);
        find(container).ifPresent(c -> {
            imageFiles.put(reference, c.files.stream().filter(f -> c.volumes.stream()
                    .noneMatch(v -> f.startsWith(v + "/"))).collect(java.util.stream.Collectors.toSet()));
            imageEnv.put(reference, List.copyOf(c.env));
            imageVolumes.put(reference, Set.copyOf(c.volumes));
            imageCommands.put(reference, c.command);
        });
        List<HistoryEntry> layers = new ArrayList<>(history("busybox:latest"));
        String command = find(container).map(c -> String.join(" ", c.command)).orElse("sh");
        layers.add(0, new HistoryEntry(id, time.now().getEpochSecond(), command, 35,
                message == null ? "" : message));
        histories.put(reference, layers);
        return id;
    }

    @Override
    public List<Change> diff(String id) {
        if (onDiff != null) {
            return onDiff.apply(id);
        }
        return find(id).map(c -> c.files.stream().filter(f -> !imageFiles.getOrDefault(reference(c.image), Set.of())
                .contains(f)).map(f -> new Change('A', f)).toList()).orElse(List.of());
    }

    private static String reference(String image) {
        return image.contains(":") && image.lastIndexOf(':') > image.lastIndexOf('/') ? image : image + ":latest";
    }

    /** busybox's ls in a container with these files: a name, a long line, or no such file. */
    /** The root of a Debian machine, as a container sees it through -v /:/host. */
    private static final List<String> HOST_ROOT = List.of("bin", "boot", "dev", "etc", "home", "lib", "lib64",
            "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var");

    static String ls(Set<String> files, List<String> args, String newline) {
        boolean longFormat = args.contains("-l");
        List<String> paths = args.stream().filter(a -> !a.startsWith("-")).toList();
        StringBuilder out = new StringBuilder();
        if (paths.isEmpty() || paths.equals(List.of("/"))) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>(ROOT);
            files.forEach(f -> names.add(f.substring(1)));
            names.forEach(n -> out.append(n).append(newline));
            return out.toString();
        }
        for (String path : paths) {
            String absolute = path.startsWith("/") ? path : "/" + path;
            if (!files.contains(absolute)) {
                out.append("ls: ").append(path).append(": No such file or directory").append(newline);
            } else if (longFormat) {
                out.append("-rw-r--r--    1 root     root             0 Nov 27 10:00 ").append(path).append(newline);
            } else {
                out.append(path).append(newline);
            }
        }
        return out.toString();
    }

    @Override
    public List<HistoryEntry> history(String image) {
        String reference = image.contains(":") ? image : image + ":latest";
        if (histories.containsKey(reference)) {
            return histories.get(reference);
        }
        if (reference.startsWith("busybox:")) {
            long created = java.time.Instant.parse("2024-09-26T21:31:42Z").getEpochSecond();
            return List.of(
                    new HistoryEntry("sha256:27a71e19c95622dce4d60d4a3cf1f7f9d59b8e3a9f0ac4e4e4c5e1e9d0a8c1b2", created,
                            "/bin/sh -c #(nop)  CMD [\"sh\"]", 0, ""),
                    new HistoryEntry("<missing>", created,
                            "/bin/sh -c #(nop) ADD file:7e9002edaafd4e4579b65c8f0aaabde1aeb7fd3f8d95579f7fdd2b4b1a0c5d5f in / ",
                            4_261_550, ""));
        }
        return List.of();
    }

    /** The fake knows no layers unless a test says. */
    @Override
    public List<String> imageLayers(String image) {
        return onImageLayers != null ? onImageLayers.apply(image) : List.of();
    }

    @Override
    public Optional<String> inspectJson(String nameOrId) {
        if (onInspectJson != null) {
            return onInspectJson.apply(nameOrId);
        }
        settle();
        if (find(nameOrId).isEmpty() && images.contains(reference(nameOrId))) {
            String reference = reference(nameOrId);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            json.put("Id", imageId(reference));
            json.putArray("RepoTags").add(reference);
            var digests = json.putArray("RepoDigests");
            repoDigests.getOrDefault(imageId(reference), Set.of()).forEach(digests::add);
            var config = json.putObject("Config");
            imageEnv.getOrDefault(reference, List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
                    .forEach(config.withArray("Env")::add);
            imageCommands.getOrDefault(reference, List.of("sh")).forEach(config.withArray("Cmd")::add);
            Set<String> volumes = imageVolumes.getOrDefault(reference, Set.of());
            if (volumes.isEmpty()) {
                config.putNull("Volumes");
            } else {
                volumes.forEach(v -> config.with("Volumes").putObject(v));
            }
            return Optional.of(json.toString());
        }
        return find(nameOrId).map(c -> {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            json.put("Id", c.id).put("Name", "/" + c.name).put("Image", c.image);
            json.putObject("State").put("Status", c.running ? "running" : c.finished == null ? "created" : "exited")
                    .put("Running", c.running).put("Pid", c.running ? 4242 : 0).put("ExitCode", c.exitCode);
            var config = json.putObject("Config").put("Image", c.image).put("Hostname", c.id.substring(0, 12));
            c.command.forEach(config.putArray("Cmd")::add);
            var labels = config.putObject("Labels");
            c.labels.forEach(labels::put);
            json.putObject("HostConfig").put("Init", c.init);
            var mounts = json.putArray("Mounts");
            for (String bind : c.binds) {
                String[] parts = bind.split(":");
                mounts.addObject().put("Type", "bind").put("Source", parts[0]).put("Destination", parts[1])
                        .put("RW", parts.length < 3 || !parts[2].equals("ro"));
            }
            c.anonymousVolumes.forEach((folder, volume) -> mounts.addObject().put("Type", "volume")
                    .put("Name", volume).put("Source", "/var/lib/docker/volumes/" + volume + "/_data")
                    .put("Destination", folder).put("Driver", "local").put("RW", true));
            json.put("Driver", "overlay2");
            json.putObject("GraphDriver").put("Name", "overlay2");
            return json.toString();
        });
    }

    @Override
    public List<ImageRow> listImages(Map<String, String> labels) {
        if (onListImages != null) {
            return onListImages.apply(labels);
        }
        return labelledImages.values().stream().filter(i -> matches(i.labels(), labels)).toList();
    }

    @Override
    public void removeImage(String idOrReference) {
        if (onRemoveImage != null) {
            onRemoveImage.accept(idOrReference);
            return;
        }
        calls.add("rmi " + idOrReference);
        if (inUse.contains(idOrReference)) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.inuse", idOrReference, "in use");
        }
        labelledImages.remove(idOrReference);
    }

    @Override
    public String buildImage(java.nio.file.Path context, String tag, Map<String, String> labels,
                             Consumer<String> output) {
        calls.add("build " + tag);
        List<String> steps = new ArrayList<>();
        try {
            for (String line : java.nio.file.Files.readAllLines(context.resolve("Dockerfile"))) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    steps.add(line.strip());
                }
            }
        } catch (java.io.IOException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.image.build.failed", tag, e.getMessage());
        }
        steps.add(new java.util.TreeMap<>(labels).entrySet().stream().map(l -> l.getKey() + "=" + (l.getValue().matches("[A-Za-z0-9._/-]+") ? l.getValue()
                        : "\"" + l.getValue() + "\""))
                .collect(java.util.stream.Collectors.joining(" ", "LABEL ", "")));
        String parent = null;
        String from = "busybox:latest";
        List<String> command = null;
        Set<String> copied = new java.util.TreeSet<>();
        Set<String> builtVolumes = new java.util.TreeSet<>(imageVolumes.getOrDefault("busybox:latest", Set.of()));
        List<HistoryEntry> layers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            output.accept("Step " + (i + 1) + "/" + steps.size() + " : " + step);
            String instruction = step.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
            if (instruction.equals("FROM")) {
                from = reference(step.split("\\s+")[1]);
                layers.addAll(history(from));
                parent = layers.isEmpty() ? "sha256:" + newId() : layers.get(0).id();
                output.accept(" ---> " + parent.substring(7, 19));
                continue;
            }
            if (instruction.equals("VOLUME")) {
                builtVolumes.add(step.substring(7).strip());
            }
            if (instruction.equals("CMD")) {
                command = List.of(step.substring(4).replaceAll("[\\[\\]\"]", "").split("\\s*,\\s*"));
            }
            String files = "";
            if (instruction.equals("COPY") || instruction.equals("ADD")) {
                String[] words = step.split("\\s+");
                String to = words[words.length - 1];
                copied.add(to.endsWith("/") || to.equals(".") ? "/" + words[1] : to);
                try {
                    files = java.nio.file.Files.readString(context.resolve(step.split("\\s+")[1]));
                } catch (java.io.IOException e) {
                    files = "";
                }
            }
            String key = parent + "\n" + step + "\n" + files;
            String layer = buildCache.get(key);
            if (layer != null) {
                output.accept(" ---> Using cache");
            } else {
                String container = newId().substring(0, 12);
                time.advance(Duration.ofMillis(400));
                if (instruction.equals("RUN")) {
                    output.accept(" ---> Running in " + container);
                    output.accept("Removing intermediate container " + container);
                } else {
                    output.accept(" ---> Running in " + container);
                    output.accept("Removing intermediate container " + container);
                }
                layer = "sha256:" + newId();
                buildCache.put(key, layer);
            }
            output.accept(" ---> " + layer.substring(7, 19));
            long size = instruction.equals("RUN") ? 32 : files.getBytes(StandardCharsets.UTF_8).length;
            layers.add(0, new HistoryEntry(layer, time.now().getEpochSecond(),
                    instruction.equals("RUN") ? "/bin/sh -c " + step.substring(4) : "/bin/sh -c #(nop)  " + step,
                    size, ""));
            parent = layer;
        }
        output.accept("Successfully built " + parent.substring(7, 19));
        if (tag != null) {
            String reference = reference(tag);
            images.add(reference);
            imageIds.put(reference, parent);
            histories.put(reference, layers);
            Set<String> files = new java.util.TreeSet<>(imageFiles.getOrDefault(from, Set.of()));
            files.addAll(copied);
            imageFiles.put(reference, files);
            Set<String> volumes = new java.util.TreeSet<>(imageVolumes.getOrDefault(from, Set.of()));
            volumes.addAll(builtVolumes);
            imageVolumes.put(reference, volumes);
            List<String> inherited = imageCommands.get(from);
            if (command != null || inherited != null) {
                imageCommands.put(reference, command != null ? command : inherited);
            }
            output.accept("Successfully tagged " + reference);
        }
        return parent;
    }

    @Override
    public List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels) {
        if (onListVolumes != null) {
            return onListVolumes.apply(danglingOnly, labels);
        }
        List<VolumeRow> rows = new ArrayList<>();
        if (labels.isEmpty()) {
            Set<String> used = new java.util.HashSet<>();
            containers.values().forEach(c -> used.addAll(c.anonymousVolumes.values()));
            volumeStore.stream().filter(v -> !danglingOnly || !used.contains(v))
                    .map(v -> new VolumeRow(v, "local", Map.of())).forEach(rows::add);
        }
        labelledVolumes.values().stream().filter(v -> matches(v.labels(), labels)).forEach(rows::add);
        return rows;
    }

    @Override
    public void removeVolume(String name) {
        if (onRemoveVolume != null) {
            onRemoveVolume.accept(name);
            return;
        }
        calls.add("volume rm " + name);
        volumeStore.remove(name);
        labelledVolumes.remove(name);
    }

    @Override
    public AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
        if (onFollowEvents != null) {
            return onFollowEvents.apply(labels, sink);
        }
        settle();
        List<Container> restarting = containers.values().stream().filter(c -> c.restartPolicy != null
                && labels.entrySet().stream().allMatch(e -> e.getValue().equals(c.labels.get(e.getKey())))).toList();
        if (restartsPerFollow == 0 || restarting.isEmpty()) {
            return () -> { };
        }
        // As the daemon: what happens after the follower looked (inspect) arrives as events, one by one. The clock
        // moves only once that look is answered: what the follower saw and the events after it are the same on
        // every run, however the threads are scheduled. A follower that never looks gets no events.
        Container c = restarting.get(0);
        int inspectedBefore;
        synchronized (inspectionsLock) {
            inspectedBefore = inspections;
        }
        Thread daemon = new Thread(() -> {
            if (!awaitInspectionAfter(inspectedBefore)) {
                return;
            }
            int target;
            int seen;
            synchronized (this) {
                target = c.restartCount + restartsPerFollow;
                seen = c.events.size();
            }
            while (true) {
                List<ContainerEvent> happened;
                synchronized (this) {
                    Instant next = c.running ? c.endsAt : c.restartAt;
                    if (c.restartCount >= target || next == null) {
                        break;
                    }
                    time.advance(Duration.between(time.now(), next));
                    settle();
                    happened = List.copyOf(c.events.subList(seen, c.events.size()));
                    seen = c.events.size();
                }
                happened.forEach(sink);
            }
        }, "fake-daemon-events");
        daemon.setDaemon(true);
        daemon.start();
        return () -> { };
    }

    /** Waits until an inspection after the {@code before}th has been answered; false when none came in time. */
    private boolean awaitInspectionAfter(int before) {
        long deadline = System.nanoTime() + FOLLOWER_LOOKS_WITHIN.toNanos();
        synchronized (inspectionsLock) {
            while (inspections == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(inspectionsLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public void resizeTty(String id, int width, int height) {
        calls.add("resize " + width + "x" + height);
    }

    @Override
    public List<ApiCall> takeApiCalls() {
        if (onTakeApiCalls != null) {
            return onTakeApiCalls.get();
        }
        synchronized (apiCalls) {
            List<ApiCall> taken = List.copyOf(apiCalls);
            apiCalls.clear();
            return taken;
        }
    }

    @Override
    public void close() {
    }

    // --- check, prepare and cleanup: what they look at besides the sections' containers ---

    /** Images with labels, as {@code docker images} lists them, by id (cleanup removes them). */
    private final Map<String, ImageRow> labelledImages = new LinkedHashMap<>();
    private final Map<String, VolumeRow> labelledVolumes = new LinkedHashMap<>();
    private final Map<String, NetworkRow> networks = new LinkedHashMap<>();
    /** Containers that are only listed (someone else's, publishing a port): never inspected or removed. */
    private final List<ContainerRow> listedOnly = new ArrayList<>();
    /** Images a pull can fetch (the registry has them); every other pull fails as without internet. */
    private final Set<String> registry = new java.util.HashSet<>();
    /** Image ids the daemon refuses to remove (in use by someone else's container). */
    private final Set<String> inUse = new java.util.HashSet<>();

    /** busybox, nginx and what distributie, prepush and tooltje use (issue 15); postgres is the one missing. */
    public static FakeDocker withWorkshopImages(FakeTime time) {
        FakeDocker fake = new FakeDocker(time);
        List.of("registry:2", "busybox:1.35.0", "adminer:latest").forEach(fake::addImage);
        return fake;
    }

    public FakeDocker addLabelledImage(String id, String tag, Map<String, String> labels) {
        labelledImages.put(id, new ImageRow(id, tag == null ? List.of() : List.of(tag), 1000, labels));
        return this;
    }

    public FakeDocker addVolume(String name, Map<String, String> labels) {
        labelledVolumes.put(name, new VolumeRow(name, "local", labels));
        return this;
    }

    public FakeDocker addNetwork(String id, String name, Map<String, String> labels) {
        networks.put(id, new NetworkRow(id, name, "bridge", labels));
        return this;
    }

    /** A running container of someone else that publishes {@code port} on the host (only listed). */
    public FakeDocker addPublishing(String name, int port, Map<String, String> labels) {
        listedOnly.add(new ContainerRow("c0ffee" + port, "nginx", "nginx", 0, "running", "Up 1 minute",
                List.of(new nl.dockerles.daemon.PortMapping("127.0.0.1", port, 80, "tcp")), List.of("/" + name),
                labels));
        return this;
    }

    /** The registry has this image: a pull fetches it (with progress) instead of failing offline. */
    public FakeDocker inRegistry(String reference) {
        registry.add(reference);
        return this;
    }

    /** The daemon refuses to remove this image: someone else's container uses it. */
    public FakeDocker inUse(String imageId) {
        inUse.add(imageId);
        return this;
    }

    /** The ids of the labelled images that are still there. */
    public Set<String> labelledImageIds() {
        return Set.copyOf(labelledImages.keySet());
    }

    /** The names of the labelled volumes that are still there. */
    public Set<String> labelledVolumeNames() {
        return Set.copyOf(labelledVolumes.keySet());
    }

    /** The ids of the networks that are still there. */
    public Set<String> networkIds() {
        return Set.copyOf(networks.keySet());
    }

    private static boolean matches(Map<String, String> have, Map<String, String> wanted) {
        return wanted == null || wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }


    /** An image that is there, e.g. postgres:latest for the database section. */
    public void addImage(String image) {
        images.add(image);
    }

    /**
     * An image with its own program, environment and volumes, as postgres: {@code VOLUME /var/lib/postgresql/data},
     * {@code ENV PGDATA=...}, {@code CMD ["postgres"]}.
     */
    public FakeDocker addImage(String image, List<String> command, List<String> env, Set<String> volumes) {
        String reference = reference(image);
        images.add(reference);
        imageCommands.put(reference, command);
        imageEnv.put(reference, env);
        imageVolumes.put(reference, volumes);
        return this;
    }

    @Override
    public DaemonDetails daemonDetails() {
        if (onDaemonDetails != null) {
            return onDaemonDetails.get();
        }
        return new DaemonDetails("/var/lib/docker", List.of("Engine", "containerd", "runc", "docker-init"), "overlay2",
                null);
    }

    @Override
    public void tagImage(String source, String target) {
        calls.add("tag " + source + " " + target);
        String from = reference(source);
        String to = reference(target);
        images.add(to);
        copyImage(from, to);
        // As a daemon: the image that had the source name now has the target name too, with its labels.
        labelledImages.replaceAll((id, row) -> row.tags().contains(from) || row.tags().contains(source)
                ? new ImageRow(row.id(), java.util.stream.Stream.concat(row.tags().stream(), java.util.stream.Stream.of(to))
                .distinct().toList(), row.size(), row.labels()) : row);
    }

    /** A second name for the same image: its id, layers, files and command go with it. */
    private void copyImage(String from, String to) {
        imageIds.put(to, imageId(from));
        Optional.ofNullable(histories.get(from)).ifPresent(h -> histories.put(to, h));
        Optional.ofNullable(imageFiles.get(from)).ifPresent(f -> imageFiles.put(to, f));
        Optional.ofNullable(imageCommands.get(from)).ifPresent(c -> imageCommands.put(to, c));
    }

    /** The id of an image by name: what build or commit made, else one of its own for an image that was there. */
    private String imageId(String reference) {
        return imageIds.computeIfAbsent(reference(reference), r -> "sha256:" + sha256(r));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A push as a registry answers it: the digest follows from the image's content (its id), so the same image
     * pushed twice has the same digest, and a changed image another one.
     */
    @Override
    public String pushImage(String reference, Consumer<String> lines) {
        calls.add("push " + reference);
        String name = reference(reference);
        String id = imageId(name);
        String digest = "sha256:" + sha256("manifest " + id);
        lines.accept("The push refers to repository [" + name.substring(0, name.lastIndexOf(':')) + "]");
        String top = id.substring(7, 19);
        lines.accept(top + ": " + (registryBlobs.containsValue(id) ? "Layer already exists" : "Pushed"));
        lines.accept("01fd6df81c8e: " + (registryBlobs.isEmpty() ? "Pushed" : "Layer already exists"));
        registryTags.put(name, digest);
        registryBlobs.put(digest, id);
        repoDigests.computeIfAbsent(id, n -> new java.util.TreeSet<>())
                .add(name.substring(0, name.lastIndexOf(':')) + "@" + digest);
        lines.accept(name.substring(name.lastIndexOf(':') + 1) + ": digest: " + digest + " size: 735");
        return digest;
    }

    @Override
    public String pullImageShown(String reference, Consumer<String> lines) {
        calls.add("pull " + reference);
        int at = reference.indexOf('@');
        String name = at > 0 ? reference : reference(reference);
        String digest = at > 0 ? reference.substring(at + 1) : registryTags.get(name);
        String id = digest == null ? null : registryBlobs.get(digest);
        if (id == null) {
            if (registryTags.isEmpty() && registryBlobs.isEmpty()) {
                // No registry in this test: as before, any image comes, named by its reference.
                images.add(reference);
                digest = "sha256:" + String.format("%064x", reference.hashCode() & 0xffffffffL);
                lines.accept("Digest: " + digest);
                return digest;
            }
            throw new DockerlesException(ExitCode.IMAGE_MISSING, "error.image.pull.failed", reference,
                    "manifest unknown");
        }
        String repository = at > 0 ? reference.substring(0, at) : name.substring(0, name.lastIndexOf(':'));
        lines.accept((at > 0 ? digest : name.substring(name.lastIndexOf(':') + 1)) + ": Pulling from "
                + repository.substring(repository.indexOf('/') + 1));
        boolean there = imageIds.containsValue(id);
        lines.accept("01fd6df81c8e: Already exists");
        if (!there) {
            lines.accept(id.substring(7, 19) + ": Pull complete");
        }
        lines.accept("Digest: " + digest);
        lines.accept(there ? "Status: Image is up to date for " + reference
                : "Status: Downloaded newer image for " + reference);
        images.add(name);
        String source = imageIds.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (source != null) {
            copyImage(source, name);
        } else {
            imageIds.put(name, id);
        }
        repoDigests.computeIfAbsent(id, n -> new java.util.TreeSet<>()).add(repository + "@" + digest);
        return digest;
    }

    @Override
    public List<String> removeImageReference(String reference) {
        calls.add("rmi " + reference);
        String name = reference(reference);
        images.remove(name);
        images.remove(reference);
        List<String> out = new ArrayList<>(List.of("Untagged: " + reference));
        String id = imageIds.remove(name);
        if (id != null && !imageIds.containsValue(id)) {
            Set<String> digests = repoDigests.remove(id);
            if (digests != null) {
                digests.forEach(d -> out.add("Untagged: " + d));
            }
            out.add("Deleted: " + id);
        }
        return out;
    }

    /** A real tar with the manifest.json docker save writes (no layers): enough to verify what is in it. */
    @Override
    public void saveImages(List<String> references, java.nio.file.Path file) {
        if (onSaveImages != null) {
            onSaveImages.accept(references, file);
            return;
        }
        calls.add("save " + String.join(" ", references));
        List<Map<String, Object>> manifest = new ArrayList<>();
        for (String reference : references) {
            if (!images.contains(reference) && !images.contains(reference(reference))) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.archive.save.failed", file,
                        "reference does not exist");
            }
            manifest.add(Map.of("Config", newId() + ".json", "RepoTags", List.of(reference(reference)), "Layers",
                    List.of()));
        }
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                java.nio.file.Files.newOutputStream(file))) {
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(manifest);
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("manifest.json");
            entry.setSize(json.length);
            tar.putArchiveEntry(entry);
            tar.write(json);
            tar.closeArchiveEntry();
            // The layers weigh what docker history says they do (zeros here), so the archive has a real size.
            long size = references.stream().flatMap(r -> history(r).stream()).mapToLong(HistoryEntry::size).sum();
            if (size > 0) {
                var layer = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("layers.tar");
                layer.setSize(size);
                tar.putArchiveEntry(layer);
                byte[] zeros = new byte[8192];
                for (long left = size; left > 0; left -= zeros.length) {
                    tar.write(zeros, 0, (int) Math.min(zeros.length, left));
                }
                tar.closeArchiveEntry();
            }
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
        return networks.values().stream().filter(n -> matches(n.labels(), labels)).toList();
    }

    @Override
    public void removeNetwork(String idOrName) {
        calls.add("network rm " + idOrName);
        networks.remove(idOrName);
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
                if (container.autoRemove) {
                    containers.remove(container.id);
                }
            } else {
                String line = text.strip();
                time.advance(Duration.ofSeconds(1));
                emit(line + "\r\n" + answer(line) + "\u001B[6n/ # ");
            }
        }

        private String answer(String line) {
            if (line.equals("ps ax") || line.equals("ps")) {
                return "PID   USER     TIME  COMMAND\r\n    1 root      0:00 sh\r\n    7 root      0:00 " + line + "\r\n";
            }
            if (line.equals("echo $$")) {
                return "1\r\n";
            }
            if (line.equals("hostname")) {
                return container.id.substring(0, 12) + "\r\n";
            }
            if (line.equals("readlink /proc/1/ns/pid")) {
                return "pid:[4026532194]\r\n";
            }
            if (line.startsWith("echo ")) {
                return line.substring(5) + "\r\n";
            }
            if (line.startsWith("touch ")) {
                for (String file : line.substring(6).trim().split("\\s+")) {
                    container.files.add(file.startsWith("/") ? file : "/" + file);
                }
                return "";
            }
            if (line.equals("ls") || line.startsWith("ls ")) {
                List<String> words = List.of(line.split("\\s+"));
                return ls(container.files, words.subList(1, words.size()), "\r\n");
            }
            if (line.startsWith("cd ") || line.startsWith("mkdir ")) {
                return "";
            }
            return "sh: " + line.split(" ")[0] + ": not found\r\n";
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
        /** The program it runs as docker inspect's {@code Path} says; null: the fake does not say. */
        public String path;
        public int exitCode;
        public Instant started;
        public Instant finished;
        Program program;
        Instant endsAt;
        /** -v host:container, --user uid:gid, and the anonymous volumes (folder to volume name). */
        public final List<String> binds = new ArrayList<>();
        public String user;
        public final Map<String, String> anonymousVolumes = new LinkedHashMap<>();
        /** -p: what is published, and the HTTP servers that listen there while it runs. */
        public final List<nl.dockerles.daemon.PortMapping> ports = new ArrayList<>();
        final List<com.sun.net.httpserver.HttpServer> servers = new ArrayList<>();
        String restartPolicy;
        Instant restartAt;
        Duration backoff = Duration.ofMillis(100);
        public int restartCount;
        final List<ContainerEvent> events = new ArrayList<>();
        /** KEY=value, the image's and -e's. */
        public final List<String> env = new ArrayList<>();
        /** Folders that are volumes, not part of the container's layer. */
        public final Set<String> volumes = new java.util.TreeSet<>();
        boolean autoRemove;
        /** Files the container made in its own layer ("/foo"). */
        public final Set<String> files = new java.util.TreeSet<>();
        final StringBuilder output = new StringBuilder();

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
