package nl.dockerles.engine;

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

    @Override
    void close();

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
