package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link Docker} on docker-java: the only place dockerles talks to a daemon. Streams, builds, pulls and events
 * use docker-java's commands; the short JSON calls go as plain JSON over its transport ({@link ContainerApi}
 * says why). Get one from {@link DockerConnector}.
 */
public final class DockerJavaDocker implements Docker {
    private final DockerClient client;
    private final RecordingHttpClient http;
    private final String host;
    private final String endpoint;
    private final AutoCloseable transport;
    private final String negotiatedApi;
    private DaemonInfo daemonInfo;
    private DaemonAnswers answers;
    // Docker finds Ctrl-P Ctrl-Q in the stream however they arrive; Podman only in reads of their own, so it gets a
    // moment between them.
    private final Duration keyGap;
    private final OpenStreams open = new OpenStreams();
    private final ContainerStreams streams;
    private final Images images;
    private final ImageBuilder builder;
    private final Volumes volumes;
    private final EventFollower events;
    private final ContainerApi containers;
    private final RawApi raw;

    /**
     * {@code host} is where the daemon is, {@code endpoint} where its connections go from here (over ssh: the local
     * socket of the {@link SshBridge}); {@code podman}: its /version said Podman; {@code transport}, when not null,
     * is closed last.
     */
    DockerJavaDocker(DockerClient client, RecordingHttpClient http, String host, String endpoint, String negotiatedApi,
                     boolean podman, AutoCloseable transport) {
        this.client = client;
        this.http = http;
        this.host = host;
        this.endpoint = endpoint;
        this.transport = transport;
        this.negotiatedApi = negotiatedApi;
        this.raw = new RawApi(http, negotiatedApi);
        this.containers = new ContainerApi(raw);
        this.streams = new ContainerStreams(client, raw, containers, podman);
        this.keyGap = podman ? AttachedTty.KEY_GAP : Duration.ZERO;
        this.images = new Images(client, raw);
        this.builder = new ImageBuilder(client, raw);
        this.volumes = new Volumes(client, raw);
        this.events = new EventFollower(client);
    }

    /** For tests in this package that need to look deeper than the interface does. */
    DockerClient dockerClient() {
        return client;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    /** The daemon's /version and /info. */
    private record DaemonAnswers(JsonNode version, JsonNode info) {
    }

    @Override
    public void askDaemonAhead() {
        Thread ahead = new Thread(() -> {
            try {
                http.unrecorded(this::answers);
            } catch (RuntimeException e) {
                // asked again, with its error, when the answer is needed
            }
        }, "dockerles-daemon-ahead");
        ahead.setDaemon(true);
        ahead.start();
    }

    /** The daemon does not change during a run: asked once (info is a slow call on the daemon's side). */
    private synchronized DaemonAnswers answers() {
        if (answers == null) {
            answers = call(() -> new DaemonAnswers(raw.getJson("/version"), raw.getJson("/info")));
        }
        return answers;
    }

    @Override
    public synchronized DaemonInfo daemon() {
        if (daemonInfo != null) {
            return daemonInfo;
        }
        DaemonAnswers answers = answers();
        daemonInfo = call(() -> {
            ServerVersion version = serverVersion(answers.version());
            JsonNode info = answers.info();
            String os = info.hasNonNull("OSType") ? info.get("OSType").asText() : version.os();
            return new DaemonInfo(host, version.version(), version.apiVersion(), negotiatedApi, os,
                    version.architecture(), info.path("OperatingSystem").asText(),
                    answers.version().path("KernelVersion").asText(), info.path("Driver").asText(),
                    DaemonKind.containerdStore(info), version.podman());
        });
        return daemonInfo;
    }

    @Override
    public ServerVersion serverVersion() {
        return call(() -> serverVersion(raw.getJson("/version")));
    }

    /** The daemon's /version as a record: for {@link #serverVersion()} and {@link #daemon()} alike. */
    private ServerVersion serverVersion(JsonNode version) {
        return new ServerVersion(version.path("Version").asText(), version.path("ApiVersion").asText(), negotiatedApi,
                version.path("Os").asText(), version.path("Arch").asText(), DaemonKind.podman(version));
    }

    @Override
    public List<ContainerRow> listContainers(boolean all, Map<String, String> labels) {
        return call(() -> containers.list(all, labels));
    }

    @Override
    public Optional<ContainerInfo> inspectContainer(String nameOrId) {
        return call(() -> containers.inspect(nameOrId));
    }

    @Override
    public String createContainer(ContainerSpec spec) {
        return call(() -> containers.create(spec));
    }

    @Override
    public void startContainer(String id) {
        run(() -> containers.start(id));
    }

    @Override
    public void stopContainer(String id, Integer timeoutSeconds) {
        run(() -> {
            try {
                var cmd = client.stopContainerCmd(id);
                if (timeoutSeconds != null) {
                    cmd.withTimeout(timeoutSeconds);
                }
                cmd.exec();
            } catch (NotModifiedException e) {
                // Already stopped.
            } catch (NotFoundException e) {
                throw missing(id, e);
            }
        });
    }

    @Override
    public void removeContainer(String id, boolean force, boolean volumes) {
        run(() -> containers.remove(id, force, volumes));
    }

    @Override
    public TtySession startAttached(String id, Consumer<byte[]> output) {
        return call(() -> {
            // The hijacked attach reports a missing container only as "Expected 101, got 404": ask first.
            if (inspectContainer(id).isEmpty()) {
                throw missing(id, null);
            }
            AttachedTty tty = AttachedTty.attach(client, id, output, host, keyGap);
            try {
                startContainer(id);
            } catch (RuntimeException e) {
                tty.close();
                throw e;
            }
            return open.track(tty);
        });
    }

    @Override
    public boolean imageExists(String reference) {
        return call(() -> containers.imageExists(reference));
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress) {
        ImagePuller.pull(client, reference, progress, host);
    }

    /** Empty when it still runs after {@code timeout}, or when it is gone (auto-removed) without a trace. */
    @Override
    public Optional<Integer> waitForExit(String id, Duration timeout) {
        return call(() -> streams.waitForExit(id, timeout));
    }

    @Override
    public String logs(String id, Integer tail) {
        return call(() -> streams.logs(id, tail));
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<byte[]> output) {
        return open.track(call(() -> streams.followLogs(id, output)));
    }

    @Override
    public ExecResult exec(String id, List<String> command, String user, Duration timeout) {
        return call(() -> streams.exec(id, command, user, timeout));
    }

    @Override
    public Optional<Integer> attachUntilExit(String id, Consumer<byte[]> output, Duration timeout) {
        return call(() -> streams.attachUntilExit(id, output, timeout));
    }

    @Override
    public String commit(String container, String repository, String tag, String message, List<String> changes,
                         Map<String, String> labels) {
        return call(() -> images.commit(container, repository, tag, message, changes, labels));
    }

    @Override
    public List<Change> diff(String id) {
        return call(() -> images.diff(id));
    }

    @Override
    public List<HistoryEntry> history(String image) {
        return call(() -> images.history(image));
    }

    @Override
    public Optional<String> inspectJson(String nameOrId) {
        return call(() -> images.inspectJson(nameOrId));
    }

    @Override
    public List<String> imageLayers(String image) {
        return call(() -> images.layers(image));
    }

    @Override
    public List<ImageRow> listImages(Map<String, String> labels) {
        return call(() -> images.list(labels));
    }

    @Override
    public List<ImageRow> listDanglingImages(Map<String, String> labels) {
        return call(() -> images.listDangling(labels));
    }

    @Override
    public void removeImage(String idOrReference) {
        run(() -> images.remove(idOrReference));
    }

    @Override
    public String buildImage(Path context, String tag, Map<String, String> labels, Consumer<String> output) {
        return call(() -> builder.build(context, tag, labels, output));
    }

    @Override
    public List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels) {
        return call(() -> volumes.list(danglingOnly, labels));
    }

    @Override
    public void removeVolume(String name) {
        run(() -> volumes.remove(name));
    }

    /** Stops by itself when this Docker closes. */
    @Override
    public AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink) {
        return open.track(call(() -> events.follow(labels, Instant.now(), sink)));
    }

    @Override
    public AutoCloseable followEvents(Map<String, String> labels, Instant since, Consumer<ContainerEvent> sink) {
        return open.track(call(() -> events.follow(labels, since, sink)));
    }

    @Override
    public void resizeTty(String id, int width, int height) {
        run(() -> client.resizeContainerCmd(id).withSize(height, width).exec());
    }

    @Override
    public List<ApiCall> takeApiCalls() {
        return http.take();
    }

    @Override
    public DaemonDetails daemonDetails() {
        DaemonAnswers answers = answers();
        return DaemonDetailsQuery.of(answers.info(), answers.version());
    }

    @Override
    public void saveImages(List<String> references, Path file) {
        run(() -> new ImageArchives(raw).save(references, file));
    }

    @Override
    public List<String> loadImages(Path file) {
        return call(() -> new ImageArchives(raw).load(file));
    }

    @Override
    public void tagImage(String source, String target) {
        run(() -> new Registries(raw).tag(source, target));
    }

    @Override
    public String pushImage(String reference, Consumer<String> lines) {
        return call(() -> new Registries(raw).push(reference, lines));
    }

    @Override
    public String pullImageShown(String reference, Consumer<String> lines) {
        return call(() -> new Registries(raw).pull(reference, lines));
    }

    @Override
    public List<String> removeImageReference(String reference) {
        return call(() -> new Registries(raw).remove(reference));
    }

    @Override
    public List<NetworkRow> listNetworks(Map<String, String> labels) {
        return call(() -> new Networks(client).list(labels));
    }

    @Override
    public void removeNetwork(String idOrName) {
        run(() -> new Networks(client).remove(idOrName));
    }

    @Override
    public void close() {
        open.closeAll();
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing on the way out: nothing left to tell the user.
        }
        if (transport != null) {
            try {
                transport.close();
            } catch (Exception ignored) {
                // The same.
            }
        }
    }

    private DockerlesException missing(String id, Exception cause) {
        return ContainerStreams.missing(id, cause);
    }

    /** Runs a daemon call; whatever docker-java throws leaves as a DockerlesException. */
    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw DockerFailures.translate(e, host);
        }
    }

    private void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
