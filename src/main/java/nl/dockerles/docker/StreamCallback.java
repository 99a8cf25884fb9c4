package nl.dockerles.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A docker-java stream that can always be stopped. docker-java's callback forgets a close() that comes
 * before the response arrived (onStart resets it) and then streams on forever: here a close is final.
 */
class StreamCallback<T> extends ResultCallback.Adapter<T> {
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile boolean answered;
    private volatile CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        answered = true;
        settled.countDown();
        if (stopped) {
            stopQuietly();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        try {
            super.onError(throwable);
        } finally {
            settled.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        try {
            super.close();
        } finally {
            settled.countDown();
            ended.countDown();
        }
    }

    /** Counted down when the stream ended: completed, failed or closed. */
    StreamCallback<T> endsInto(CountDownLatch latch) {
        this.ended = latch;
        return this;
    }

    /** Closes the stream; never throws. */
    void stopQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // Only stops our reading.
        }
    }

    /**
     * Waits at most {@code timeout} for the stream to end; false when the time was up (the stream is closed
     * then). A failure of the call itself (404, lost connection) is thrown, as docker-java's exception.
     */
    boolean await(Duration timeout) {
        try {
            return awaitCompletion(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        } finally {
            stopQuietly();
        }
    }

    /**
     * Waits at most {@code timeout} until the daemon answered: true when the stream runs; false when the time
     * was up or the call failed (then {@link #await} throws that failure).
     */
    boolean awaitAnswer(Duration timeout) {
        try {
            settled.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return answered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
    }

    /** Frames (stdout and stderr, or a TTY's raw bytes) handed on as copies: docker-java reuses its buffer. */
    static final class Frames extends StreamCallback<Frame> {
        private final Consumer<byte[]> output;

        Frames(Consumer<byte[]> output) {
            this.output = output;
        }

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            if (payload != null && payload.length > 0) {
                output.accept(Arrays.copyOf(payload, payload.length));
            }
        }
    }

    /** Collects the bytes in order, to decode once at the end (a character may span two frames). */
    static final class Collected implements Consumer<byte[]> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void accept(byte[] chunk) {
            bytes.writeBytes(chunk);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
