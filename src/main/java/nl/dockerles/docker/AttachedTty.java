package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.Docker;

import java.io.Closeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container's TTY, attached before the container starts so no output is lost. Ends when the process
 * ends, when we detach (Ctrl-P Ctrl-Q) or when closed.
 */
final class AttachedTty implements Docker.TtySession {
    static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
    private static final byte CTRL_P = 0x10;
    private static final byte CTRL_Q = 0x11;
    /** The moment between Ctrl-P and Ctrl-Q that Podman needs; Docker reads the keys from the stream as they come. */
    static final Duration KEY_GAP = Duration.ofMillis(100);
    private final StdinPipe stdin = new StdinPipe();
    private final Forwarder frames;
    private final Duration keyGap;

    private AttachedTty(Consumer<byte[]> output, Duration keyGap) {
        this.frames = new Forwarder(output);
        this.keyGap = keyGap;
    }

    /**
     * Attaches, waits until the daemon has hijacked the connection, then lets {@code start} run. {@code keyGap}
     * goes between the keys of a detach ({@link #KEY_GAP} for Podman, zero where the daemon is known to be Docker).
     */
    static AttachedTty attach(DockerClient client, String id, Consumer<byte[]> output, String host, Duration keyGap) {
        AttachedTty tty = new AttachedTty(output, keyGap);
        client.attachContainerCmd(id)
                .withStdIn(tty.stdin)
                .withStdOut(true)
                .withStdErr(true)
                .withFollowStream(true)
                .exec(tty.frames);
        boolean settled;
        try {
            settled = tty.frames.settled.await(ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tty.close();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
        Throwable error = tty.frames.error;
        if (!settled || error != null || tty.frames.ended.getCount() == 0) {
            tty.close();
            if (error instanceof NotFoundException) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, error, "error.container.missing", id);
            }
            if (error != null && DockerFailures.rootMessage(error).startsWith("Expected 101")) {
                // The daemon refused the attach: an answer, not a lost connection.
                throw new DockerlesException(ExitCode.DOCKER_ERROR, error, "error.docker.failed",
                        DockerFailures.rootMessage(error));
            }
            if (error != null) {
                throw DockerFailures.translate(error, host);
            }
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.attach.failed", id);
        }
        return tty;
    }

    @Override
    public void send(byte[] input) {
        // After the session ended there is nobody to read: drop it rather than fail the presenter's keystroke.
        if (frames.ended.getCount() == 0) {
            return;
        }
        // Podman acts on a detach key (Ctrl-P, Ctrl-Q) only when it arrives in a read of its own; Docker does
        // either way. So each such key goes on its own, with a moment after it, as a person types them.
        int from = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == CTRL_P || input[i] == CTRL_Q) {
                if (i > from) {
                    stdin.write(Arrays.copyOfRange(input, from, i));
                }
                stdin.write(new byte[] {input[i]});
                from = i + 1;
                if (from < input.length && !keyGap.isZero()) {
                    pause(keyGap);
                }
            }
        }
        if (from < input.length) {
            stdin.write(from == 0 ? input : Arrays.copyOfRange(input, from, input.length));
        }
    }

    private static void pause(Duration gap) {
        try {
            Thread.sleep(gap.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean awaitEnd(Duration timeout) {
        // Our own latch: awaitCompletion(timeout) would close the stream when the time is up.
        try {
            return frames.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return frames.ended.getCount() == 0;
        }
    }

    boolean hasEnded() {
        return frames.ended.getCount() == 0;
    }

    @Override
    public void close() {
        stdin.close();
        frames.closeQuietly();
    }

    /** Hands each frame's bytes on; copies them because docker-java reuses its read buffer. */
    private static final class Forwarder extends ResultCallback.Adapter<Frame> {
        private final Consumer<byte[]> output;
        final CountDownLatch settled = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Throwable error;

        Forwarder(Consumer<byte[]> output) {
            this.output = output;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            settled.countDown();
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload != null && payload.length > 0) {
                output.accept(Arrays.copyOf(payload, payload.length));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            try {
                if (ended.getCount() > 0) {
                    error = throwable;
                }
                super.onError(throwable);
            } finally {
                finish();
            }
        }

        @Override
        public void onComplete() {
            try {
                super.onComplete();
            } finally {
                finish();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (Exception ignored) {
                // The stream is gone either way.
            } finally {
                finish();
            }
        }

        private void finish() {
            ended.countDown();
            settled.countDown();
        }
    }
}
