package nl.dockerles.practice;

import nl.dockerles.DockerlesException;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import nl.dockerles.engine.LoopbackHttp;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.engine.TimeSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Lookups} against the daemon. A file in an image or volume is looked for by a short-lived busybox-style
 * container of dockerles ({@code test -e}), labelled as dockerles's own and removed at once. Answers are kept
 * while nothing changed: an image's files never change (by id), a volume's and an exec's until an event or a
 * few seconds pass, so a watcher that asks twice a second does not start containers twice a second.
 */
public final class DaemonLookups implements Lookups {
    static final String LOOPBACK = "127.0.0.1";
    static final String VOLUME_PROBE_IMAGE = "busybox:latest";
    private static final Duration VOLUME_TTL = Duration.ofSeconds(10);
    private static final Duration EXEC_TTL = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);

    private final Docker docker;
    private final RunIdentity run;
    private final TimeSource time;
    private final Map<String, Boolean> imageFiles = new ConcurrentHashMap<>();
    private final Map<String, Kept<Boolean>> volumeFiles = new ConcurrentHashMap<>();
    private final Map<String, Kept<Docker.ExecResult>> execs = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public DaemonLookups(Docker docker, RunIdentity run, TimeSource time) {
        this.docker = docker;
        this.run = run;
        this.time = time;
    }

    @Override
    public OptionalInt http(int hostPort) {
        try {
            return OptionalInt.of(LoopbackHttp.get("http://" + LOOPBACK + ":" + hostPort + "/", "dockerles-oefen",
                    Duration.ofMillis(700), Duration.ofMillis(1500)).status());
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public boolean fileInImage(String imageId, String path) {
        return imageFiles.computeIfAbsent(imageId + "\n" + path,
                key -> test(imageId, List.of(), "/" + path.replaceFirst("^/+", ""), true));
    }

    @Override
    public boolean fileInVolume(String volume, String path) {
        String key = volume + "\n" + path;
        Kept<Boolean> kept = volumeFiles.get(key);
        if (kept != null && kept.fresh(VOLUME_TTL)) {
            return kept.value();
        }
        boolean found = test(VOLUME_PROBE_IMAGE, List.of(volume + ":/dockerles-volume:ro"),
                "/dockerles-volume/" + path.replaceFirst("^/+", ""), false);
        volumeFiles.put(key, new Kept<>(found));
        return found;
    }

    @Override
    public Docker.ExecResult exec(String containerId, List<String> command) {
        String key = containerId + "\n" + String.join("\u0000", command);
        Kept<Docker.ExecResult> kept = execs.get(key);
        if (kept != null && kept.fresh(EXEC_TTL)) {
            return kept.value();
        }
        Docker.ExecResult result;
        try {
            result = docker.exec(containerId, command, null, EXEC_TIMEOUT);
        } catch (DockerlesException e) {
            // Stopped or gone in between, or the command does not exist in the image: not done.
            result = new Docker.ExecResult(-1, "");
        }
        execs.put(key, new Kept<>(result));
        return result;
    }

    @Override
    public void changed() {
        generation.incrementAndGet();
    }

    /** {@code docker run --rm [-v ...] IMAGE test -e PATH}, as dockerles's own container. */
    private boolean test(String image, List<String> binds, String path, boolean removeVolumes) {
        ContainerSpec spec = new ContainerSpec(image, List.of("test", "-e", path), null, false, false, false,
                List.of(), binds, List.of(), null, null, run.labels());
        String id = docker.createContainer(spec);
        try {
            docker.startContainer(id);
            Optional<Integer> exit = docker.waitForExit(id, PROBE_TIMEOUT);
            return exit.isPresent() && exit.get() == 0;
        } finally {
            docker.removeContainer(id, true, removeVolumes);
        }
    }

    private final class Kept<T> {
        private final T value;
        private final long at = time.nanoTime();
        private final long seenGeneration = generation.get();

        Kept(T value) {
            this.value = value;
        }

        T value() {
            return value;
        }

        boolean fresh(Duration ttl) {
            return seenGeneration == generation.get() && time.nanoTime() - at < ttl.toNanos();
        }
    }
}
