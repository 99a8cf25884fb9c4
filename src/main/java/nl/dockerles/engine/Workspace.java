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
    /** The folder as it was before the step shown last (r puts it back); empty when it did not exist yet. */
    private Path copy;
    /** The folder as it is at the prompt, before the next step: it becomes {@link #copy} when that step runs. */
    private Path next;
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
     * At the prompt: keeps a copy of the folder as it is now. It is what r puts back ({@link #putBack()}) once the
     * next step runs ({@link #adopt()}); until then r still puts back the folder of the step before.
     */
    public synchronized void remember() {
        try {
            if (next == null) {
                next = Files.createTempDirectory("dockerles-");
            } else {
                deleteTree(next, false);
            }
            if (folder != null) {
                sync(folder, next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next step runs: the copy made at its prompt is the one r puts back from now on. */
    public synchronized void adopt() {
        Path previous = copy;
        copy = next;
        next = previous;
    }

    /**
     * r: makes the folder again as it was before the step ({@link #remember()}); files that did not change stay
     * as they are. True when something had changed.
     */
    public synchronized boolean putBack() {
        if (copy == null || folder == null) {
            return false;
        }
        try {
            return sync(copy, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code to} hold what {@code from} holds; true when something had to change. A file that cannot be
     * removed is an IOException naming it, after the rest was done.
     */
    private static boolean sync(Path from, Path to) throws IOException {
        boolean changed = false;
        List<String> stayed = new java.util.ArrayList<>();
        List<Path> there;
        try (Stream<Path> paths = Files.walk(to)) {
            there = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : there) {
            Path source = from.resolve(to.relativize(path).toString());
            if (!path.equals(to) && (!Files.exists(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.isDirectory(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    != Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                deleteTree(path, true);
                changed = true;
                if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    stayed.add(to.relativize(path).toString()); // made as root by a container, say
                }
            }
        }
        List<Path> wanted;
        try (Stream<Path> paths = Files.walk(from)) {
            wanted = paths.filter(path -> !path.equals(from)).toList();
        }
        for (Path source : wanted) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(target)) {
                    Files.createDirectories(target);
                    changed = true;
                }
                if (!Files.getPosixFilePermissions(source).equals(Files.getPosixFilePermissions(target))) {
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
                    changed = true;
                }
            } else if (!same(source, target)) {
                Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                changed = true;
            }
        }
        if (!stayed.isEmpty()) {
            throw new IOException(String.join(", ", stayed));
        }
        return changed;
    }

    private static boolean same(Path a, Path b) throws IOException {
        java.nio.file.LinkOption noFollow = java.nio.file.LinkOption.NOFOLLOW_LINKS;
        if (!Files.exists(b, noFollow) || Files.isSymbolicLink(a) != Files.isSymbolicLink(b)) {
            return false;
        }
        if (Files.isSymbolicLink(a)) {
            return Files.readSymbolicLink(a).equals(Files.readSymbolicLink(b));
        }
        return Files.getPosixFilePermissions(a).equals(Files.getPosixFilePermissions(b)) && Files.mismatch(a, b) == -1;
    }

    /**
     * Removes the folder. Files that a container made as root resist a user who is not root: then a
     * container of this run, as root, empties the folder first.
     */
    public synchronized void close(Docker docker, RunIdentity run) {
        forgetCopy();
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
        forgetCopy();
        if (folder != null) {
            deleteTree();
            folder = null;
        }
    }

    private boolean deleteTree() {
        try {
            deleteTree(folder, true);
        } catch (IOException ignored) {
            // What could not be walked is reported by the check below.
        }
        return !Files.exists(folder);
    }

    /** The copies are dockerles's own, made by this user: they always go. */
    private void forgetCopy() {
        for (Path path : new Path[] {copy, next}) {
            if (path != null) {
                try {
                    deleteTree(path, true);
                } catch (IOException ignored) {
                    // a file in /tmp; nothing of the demo depends on it
                }
            }
        }
        copy = null;
        next = null;
    }

    /** Deletes what is in {@code top}, and {@code top} itself when asked; a file that resists stays. */
    private static void deleteTree(Path top, boolean itself) throws IOException {
        if (!Files.exists(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            paths.sorted(Comparator.reverseOrder()).filter(path -> itself || !path.equals(top))
                    .forEach(path -> path.toFile().delete());
        }
    }
}
