package nl.dockerles.daemon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one seam between dockerles and a Docker daemon. The engine only talks to this interface;
 * {@code nl.dockerles.docker} implements it with docker-java, tests use a fake.
 * Failures are {@link DockerlesException}s with a Dutch message, never library exceptions.
 */
public interface Docker extends AutoCloseable {

    /** Which daemon we talk to and how (for narration, {@code check} and error messages). */
    DaemonInfo daemon();

    /**
     * Asks the daemon now what {@code docker version} asks it: {@code GET /version}, that one call (it shows in
     * {@link #takeApiCalls()}). {@link #daemon()} also needs {@code /info} and answers once per run.
     */
    ServerVersion serverVersion();

    /**
     * Starts asking what {@link #daemon()} and {@link #daemonDetails()} tell, on a thread of its own, so that they
     * answer at once later. Those calls belong to no step: {@link #takeApiCalls()} does not return them.
     */
    default void askDaemonAhead() {
    }

    /** Where the daemon is ("unix:///var/run/docker.sock"), without asking it anything. */
    default String host() {
        return daemon().host();
    }

    /**
     * Where connections to the daemon go from this machine: mostly {@link #host()}; for a daemon over ssh the
     * local socket that carries them there ("unix:///tmp/dockerles-ssh-…/docker.sock").
     */
    default String endpoint() {
        return host();
    }

    List<ContainerRow> listContainers(boolean all, Map<String, String> labels);

    Optional<ContainerInfo> inspectContainer(String nameOrId);

    /** Creates a container; a missing image is a {@link DockerlesException} with {@code ExitCode.IMAGE_MISSING}. */
    String createContainer(ContainerSpec spec);

    void startContainer(String id);

    /** Like {@code docker stop}: SIGTERM, then SIGKILL after the timeout (null: the container's default). */
    void stopContainer(String id, Integer timeoutSeconds);

    void removeContainer(String id, boolean force, boolean volumes);

    /**
     * Attaches to a created container with a TTY, then starts it. Output bytes go to {@code output}
     * (already copied, safe to keep) until the session ends.
     */
    TtySession startAttached(String id, Consumer<byte[]> output);

    boolean imageExists(String reference);

    /** Pulls an image; progress lines go to {@code progress}. No registry: {@code ExitCode.IMAGE_MISSING}. */
    void pullImage(String reference, Consumer<PullProgress> progress);

    /** Waits until the container is no longer running, at most {@code timeout}; the exit code when it ended. */
    Optional<Integer> waitForExit(String id, Duration timeout);

    /** {@code docker logs [--tail N]}: stdout and stderr as the container wrote them (tail null: all). */
    String logs(String id, Integer tail);

    /**
     * {@code docker logs --follow --tail 0}: what the container writes from now on (stdout and stderr, in pieces as
     * they come) goes to {@code output} until the returned handle is closed. A hint only: whoever waits for a line
     * must not depend on it (the default follows nothing).
     */
    default AutoCloseable followLogs(String id, Consumer<byte[]> output) {
        return () -> { };
    }

    /** {@code docker exec}: runs a command in a running container and waits for it, at most {@code timeout}. */
    ExecResult exec(String id, List<String> command, String user, Duration timeout);

    /**
     * {@code docker attach} without stdin: streams output to {@code output} until the process ends;
     * the exit code, or empty when {@code timeout} passed first.
     */
    Optional<Integer> attachUntilExit(String id, Consumer<byte[]> output, Duration timeout);

    /** {@code docker commit}: a new image from the container's file system; returns the image id. */
    String commit(String container, String repository, String tag, String message, List<String> changes,
                  Map<String, String> labels);

    /** {@code docker diff}: what changed in the container's file system. */
    List<Change> diff(String id);

    /** {@code docker history}: the layers of an image, newest first. */
    List<HistoryEntry> history(String image);

    /**
     * The daemon's own JSON for {@code docker inspect} of a container (or, failing that, an image): only to print
     * it as docker inspect does. What dockerles reads from it is in {@link ContainerInfo} and {@link #imageLayers}.
     */
    Optional<String> inspectJson(String nameOrId);

    /**
     * The layers of an image ({@code RootFS.Layers} of docker inspect), the base image's first; empty when the
     * image is not there (or a fake knows no layers).
     */
    default List<String> imageLayers(String image) {
        return List.of();
    }

    /** Images carrying all of {@code labels}. */
    List<ImageRow> listImages(Map<String, String> labels);

    void removeImage(String idOrReference);

    /**
     * Untagged images carrying all of {@code labels}, the hidden ones ({@code docker images -a}) included: the
     * classic builder's intermediate images, which the containerd image store keeps after their image is gone.
     */
    default List<ImageRow> listDanglingImages(Map<String, String> labels) {
        return List.of();
    }

    /**
     * Builds an image from a folder with a Dockerfile, the classic builder's way; each line of its output goes
     * to {@code output} ("Step 1/3 : FROM busybox", " ---> Using cache"). Returns the image id.
     */
    String buildImage(java.nio.file.Path context, String tag, Map<String, String> labels, Consumer<String> output);

    /** {@code docker volume ls}: all, or only the dangling ones (no container uses them). */
    List<VolumeRow> listVolumes(boolean danglingOnly, Map<String, String> labels);

    void removeVolume(String name);

    /**
     * Follows the daemon's container events of containers carrying all of {@code labels}; close the result
     * to stop. Each event goes to {@code sink} from another thread.
     */
    AutoCloseable followEvents(Map<String, String> labels, Consumer<ContainerEvent> sink);

    /**
     * As {@link #followEvents(Map, Consumer)}, and first the events since {@code since} (the daemon keeps them):
     * to read when something that already happened really happened, by the daemon's own clock.
     */
    default AutoCloseable followEvents(Map<String, String> labels, java.time.Instant since,
                                       Consumer<ContainerEvent> sink) {
        return followEvents(labels, sink);
    }

    /** The size of a container's TTY, in characters (docker resizes it with the presenter's window). */
    void resizeTty(String id, int width, int height);

    /** The HTTP calls made to the daemon since the last call of this method (for the remote section, --api). */
    List<ApiCall> takeApiCalls();

    // --- for check, prepare and cleanup (nl.dockerles.ops) ---

    /** What {@code check} needs besides {@link #daemon()}: the daemon's data folder and its version components. */
    DaemonDetails daemonDetails();

    /** {@code docker save}: the images, with their tags, into one tar archive at {@code file} (replaced). */
    void saveImages(List<String> references, java.nio.file.Path file);

    /** {@code docker load}: loads a tar archive made by save; what the daemon says it loaded ("busybox:latest"). */
    List<String> loadImages(java.nio.file.Path file);

    // --- for distributie (registries) ---

    /** {@code docker tag SOURCE TARGET}. */
    void tagImage(String source, String target);

    /** {@code docker push}: each line as the docker CLI leaves it on the screen goes to {@code lines}; the digest. */
    String pushImage(String reference, Consumer<String> lines);

    /** {@code docker pull} from a registry, printed as the docker CLI does; the digest the registry named. */
    String pullImageShown(String reference, Consumer<String> lines);

    /** {@code docker rmi REFERENCE}: what the daemon untagged and deleted ("Untagged: …", "Deleted: …"). */
    List<String> removeImageReference(String reference);

    /** {@code docker network ls}: the networks carrying all of {@code labels}. */
    List<NetworkRow> listNetworks(Map<String, String> labels);

    /** {@code docker network rm}; a network that is already gone is fine (this is cleanup). */
    void removeNetwork(String idOrName);

    @Override
    void close();

    record ExecResult(int exitCode, String output) {
    }

    /** kind as docker diff prints it: C (changed), A (added), D (deleted). */
    record Change(char kind, String path) {
    }

    record HistoryEntry(String id, long createdEpochSeconds, String createdBy, long size, String comment) {
    }

    record ImageRow(String id, List<String> tags, long size, Map<String, String> labels) {
    }

    record VolumeRow(String name, String driver, Map<String, String> labels) {
    }

    /** A container event: action is "create", "start", "die", ...; exitCode for "die". */
    record ContainerEvent(String action, String id, String name, long timeNanos, Map<String, String> attributes) {
    }

    /**
     * One HTTP call to the daemon. {@code took}: until the answer's headers came; {@code open}: until its body was
     * read to the end or closed (a stream: attach, logs, a build; null while it is still open); {@code sentAt}: when
     * it was sent ({@link System#nanoTime()}).
     */
    record ApiCall(String method, String path, int status, Duration took, Duration open, long sentAt) {
        /** A call whose answer was read at once. */
        public ApiCall(String method, String path, int status, Duration took) {
            this(method, path, status, took, took, 0);
        }

        /** How long the client waited for the daemon in these calls: from sending to the end of the answer. */
        public Duration waited() {
            return open == null || open.compareTo(took) < 0 ? took : open;
        }

        /**
         * How long at least one of {@code calls} had the daemon at work (or a stream of it open): their times
         * together, where they overlap once. What else a step took is the client's own time.
         */
        public static Duration busy(List<ApiCall> calls) {
            List<ApiCall> sorted = calls.stream().sorted(java.util.Comparator.comparingLong(ApiCall::sentAt)).toList();
            long total = 0;
            long from = Long.MIN_VALUE;
            long to = Long.MIN_VALUE;
            for (ApiCall call : sorted) {
                long end = call.sentAt() + call.waited().toNanos();
                if (from == Long.MIN_VALUE || call.sentAt() > to) {
                    total += to - from;
                    from = call.sentAt();
                    to = end;
                } else {
                    to = Math.max(to, end);
                }
            }
            return Duration.ofNanos(total + (to - from));
        }
    }

    /**
     * The daemon's answer to {@code GET /version}.
     *
     * @param version              "20.10.24" (Podman: its own version, "4.3.1")
     * @param apiVersion           the newest API version the daemon speaks
     * @param negotiatedApiVersion the one dockerles speaks with it
     * @param os                   "linux"
     * @param architecture         "amd64"
     * @param podman               Podman's Docker-compatible API (its components say so)
     */
    record ServerVersion(String version, String apiVersion, String negotiatedApiVersion, String os,
                         String architecture, boolean podman) {
        /** "Docker Engine" or "Podman", as the daemon names itself. */
        public String engine() {
            return DaemonInfo.engine(podman);
        }
    }

    /**
     * @param dockerRootDir where the daemon keeps images and containers ({@code docker info}: DockerRootDir)
     * @param components    the names in the version's components ("Engine", "containerd"; Podman: "Podman Engine")
     * @param storageDriver {@code docker info}: Driver ("overlay2"; "overlayfs" with the containerd image store)
     * @param driverType    {@code docker info}: DriverStatus "driver-type", when there is one
     */
    record DaemonDetails(String dockerRootDir, List<String> components, String storageDriver, String driverType) {
        /** Without the storage driver. */
        public DaemonDetails(String dockerRootDir, List<String> components) {
            this(dockerRootDir, components, null, null);
        }

        /** Podman answers the Docker API too; its components say so. */
        public boolean podman() {
            return components != null && components.stream().anyMatch(c -> c.toLowerCase(java.util.Locale.ROOT)
                    .contains("podman"));
        }

        /**
         * The containerd image store (Docker 29's default, new Docker Desktop installs): {@code docker info} says
         * "Storage Driver: overlayfs" with driver-type io.containerd.snapshotter.v1.
         */
        public boolean containerdStore() {
            return driverType != null && driverType.contains("containerd.snapshotter");
        }
    }

    record NetworkRow(String id, String name, String driver, Map<String, String> labels) {
    }

    /** An attached TTY: what the presenter types goes in, the container's terminal comes out. */
    interface TtySession extends AutoCloseable {
        void send(byte[] input);

        /** Waits for the attach stream to end (the process ended, or we detached). */
        boolean awaitEnd(Duration timeout);

        @Override
        void close();
    }

    record PullProgress(String layer, String status, long current, long total) {
    }
}
