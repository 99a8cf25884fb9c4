package nl.dockerles.engine;

import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary folder of this run on the host ({@code {workdir}} in a step's command), for bind mounts and
 * Dockerfiles. Made when first asked for, removed at the end; nothing outside it is touched.
 */
public final class Workspace implements AutoCloseable {
    private Path folder;
    private final java.util.Deque<java.util.function.Consumer<Docker>> atEnd = new java.util.ArrayDeque<>();

    /**
     * Something an action opened or left that must not outlive the run (a TCP port, a dangling volume): done at
     * the end of the run, also after the presenter quit, last registered first. A failure is not the run's.
     */
    public synchronized void atEnd(java.util.function.Consumer<Docker> task) {
        atEnd.push(task);
    }

    public synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("dockerles-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    public synchronized boolean exists() {
        return folder != null;
    }

    /**
     * Removes the folder. Files that a container made as root resist a user who is not root: then a
     * container of this run, as root, empties the folder first.
     */
    public synchronized void close(Docker docker, RunIdentity run) {
        while (!atEnd.isEmpty()) {
            try {
                atEnd.pop().accept(docker);
            } catch (RuntimeException ignored) {
                // the run is over; what could not be undone stays, as Cleanup leaves what it cannot remove
            }
        }
        if (folder == null || deleteTree()) {
            folder = null;
            return;
        }
        ContainerSpec spec = new ContainerSpec("busybox:latest", List.of("sh", "-c", "rm -rf /w/* /w/.[!.]*"),
                null, false, false, false, List.of(), List.of(folder + ":/w"), List.of(), null, null, run.labels());
        String id = docker.createContainer(spec);
        try {
            docker.startContainer(id);
            docker.waitForExit(id, Duration.ofSeconds(30));
        } finally {
            docker.removeContainer(id, true, true);
        }
        deleteTree();
        folder = null;
    }

    @Override
    public synchronized void close() {
        if (folder != null) {
            deleteTree();
            folder = null;
        }
    }

    private boolean deleteTree() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // What could not be walked is reported by the check below.
        }
        return !Files.exists(folder);
    }
}
