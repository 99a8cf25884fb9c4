package nl.dockerles.ops;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.Docker.PullProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code dockerles prepare}: pulls the images, a few at once. A pull that fails (no registry, no internet) is no
 * failure when the image is already there: the workshop runs on what is local.
 */
public final class ImagePulls {
    /** How many pulls run at once: enough to fill a slow line, few enough not to starve each other. */
    public static final int AT_ONCE = 3;
    /** Statuses of a layer that really comes over the network. */
    private static final java.util.Set<String> DOWNLOADING = java.util.Set.of("Downloading", "Download complete",
            "Verifying Checksum", "Extracting", "Pull complete", "Copying blob");

    public enum Outcome {
        /** Pulled from the registry. */
        PULLED,
        /** Already here, and the registry had nothing newer: nothing was downloaded. */
        UP_TO_DATE,
        /** The pull failed, but the image is here: the workshop uses it. */
        PRESENT,
        /** The pull failed and the image is not here. */
        MISSING
    }

    /** @param reason why the pull failed (the daemon's words), null when it did not */
    public record Result(String image, Outcome outcome, String reason) {
    }

    /** Shows the pulls; called from the pulling threads. */
    public interface Display extends AutoCloseable {
        void started(String image);

        void progress(String image, PullProgress progress);

        void finished(Result result);

        @Override
        void close();
    }

    private ImagePulls() {
    }

    /** Pulls every image; results in the order of {@code images}. A lost daemon ends it with that error. */
    public static List<Result> pullAll(Docker docker, List<String> images, Display display) {
        if (images.isEmpty()) {
            return List.of();
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, images.size()), task -> {
            Thread thread = new Thread(task, "dockerles-pull-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (String image : images) {
                futures.add(pool.submit(() -> pull(docker, image, display)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static Result pull(Docker docker, String image, Display display) {
        display.started(image);
        Result result;
        boolean wasHere = docker.imageExists(image);
        java.util.concurrent.atomic.AtomicBoolean downloaded = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            docker.pullImage(image, progress -> {
                if (progress.layer() != null && progress.status() != null
                        && DOWNLOADING.contains(progress.status())) {
                    downloaded.set(true);
                }
                display.progress(image, progress);
            });
            Outcome outcome = !docker.imageExists(image) ? Outcome.MISSING
                    : wasHere && !downloaded.get() ? Outcome.UP_TO_DATE : Outcome.PULLED;
            result = new Result(image, outcome, null);
        } catch (DockerlesException e) {
            if (e.exitCode() != ExitCode.IMAGE_MISSING) {
                throw e;
            }
            Object[] args = e.args();
            String reason = args.length > 1 ? String.valueOf(args[1]) : e.key();
            result = new Result(image, docker.imageExists(image) ? Outcome.PRESENT : Outcome.MISSING, oneLine(reason));
        }
        display.finished(result);
        return result;
    }

    private static Result await(Future<Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
