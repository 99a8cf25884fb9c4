package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.daemon.Docker.PullProgress;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code docker pull}, bounded in time; any failure names the image and what to do instead. */
final class ImagePuller {
    static final Duration PULL_TIMEOUT = Duration.ofMinutes(15);

    private ImagePuller() {
    }

    static void pull(DockerClient client, String reference, Consumer<PullProgress> progress, String host) {
        Progress callback = new Progress(progress);
        try {
            command(client, reference).exec(callback);
            if (!callback.awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failed(reference, null, new Message("error.image.pull.timeout", PULL_TIMEOUT.toMinutes()));
            }
            if (callback.lastError != null) {
                throw failed(reference, null, callback.lastError);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        } catch (DockerlesException e) {
            throw e;
        } catch (DockerException e) {
            throw failed(reference, e, callback.lastError != null ? callback.lastError : DockerFailures.daemonMessage(e));
        } catch (RuntimeException e) {
            if (DockerFailures.isConnectionProblem(e)) {
                throw DockerFailures.translate(e, host);
            }
            throw failed(reference, e, callback.lastError != null ? callback.lastError : DockerFailures.rootMessage(e));
        } finally {
            callback.closeQuietly();
        }
    }

    /** Without a tag the API pulls every tag of the repository; the docker CLI means :latest. */
    static PullImageCmd command(DockerClient client, String reference) {
        int slash = reference.lastIndexOf('/');
        boolean hasTag = reference.indexOf(':', slash + 1) >= 0;
        boolean hasDigest = reference.contains("@");
        PullImageCmd cmd = client.pullImageCmd(reference);
        return hasTag || hasDigest ? cmd : cmd.withTag("latest");
    }

    private static DockerlesException failed(String reference, Throwable cause, Object reason) {
        return new DockerlesException(ExitCode.IMAGE_MISSING, cause, "error.image.pull.failed", reference, reason);
    }

    /** Passes each progress line on, and remembers the daemon's error text (docker-java loses it). */
    private static final class Progress extends PullImageResultCallback {
        private final Consumer<PullProgress> progress;
        volatile String lastError;

        Progress(Consumer<PullProgress> progress) {
            this.progress = progress;
        }

        @Override
        @SuppressWarnings("deprecation") // "error" is deprecated in the API, but some daemons send only that
        public void onNext(PullResponseItem item) {
            if (item.getError() != null || item.getErrorDetail() != null) {
                ResponseItem.ErrorDetail detail = item.getErrorDetail();
                lastError = detail != null && detail.getMessage() != null ? detail.getMessage() : item.getError();
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            progress.accept(new PullProgress(item.getId(),
                    item.getStatus() != null ? item.getStatus() : lastError,
                    detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent(),
                    detail == null || detail.getTotal() == null ? 0 : detail.getTotal()));
            if (item.getStatus() != null) {
                super.onNext(item);
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (Exception ignored) {
                // Closing only stops our reading; nothing to report.
            }
        }
    }
}
