package nl.dockerles.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitContainerCondition;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Docker.ExecResult;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code docker logs}, {@code exec}, {@code attach} and {@code wait}: the calls that read a stream, all bounded. */
final class ContainerStreams {
    static final Duration LOGS_TIMEOUT = Duration.ofSeconds(30);
    /** After an exec's output ended, how long its exit code may take to show up. */
    private static final Duration EXIT_CODE_GRACE = Duration.ofSeconds(5);
    /** After the process ended, how long its last output may take to come through the attach. */
    private static final Duration ATTACH_DRAIN = Duration.ofSeconds(2);
    private final DockerClient client;

    ContainerStreams(DockerClient client) {
        this.client = client;
    }

    /** Everything the container wrote so far (or its last {@code tail} lines); what came within 30 s. */
    String logs(String id, Integer tail) {
        StreamCallback.Collected text = new StreamCallback.Collected();
        LogContainerCmd cmd = client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false);
        if (tail == null) {
            cmd.withTailAll();
        } else {
            cmd.withTail(tail);
        }
        try {
            cmd.exec(new StreamCallback.Frames(text)).await(LOGS_TIMEOUT);
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
        return text.text();
    }

    ExecResult exec(String id, List<String> command, String user, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String execId;
        try {
            var create = client.execCreateCmd(id).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true);
            if (user != null && !user.isBlank()) {
                create.withUser(user);
            }
            execId = create.exec().getId();
        } catch (NotFoundException e) {
            throw missing(id, e);
        } catch (ConflictException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.container.notrunning", id);
        }
        StreamCallback.Collected output = new StreamCallback.Collected();
        StreamCallback.Frames frames = client.execStartCmd(execId).exec(new StreamCallback.Frames(output));
        if (!frames.await(left(deadline))) {
            throw timedOut(id, command, timeout);
        }
        // The output can end a moment before the daemon has the exit code.
        long codeDeadline = Math.max(deadline, System.nanoTime() + EXIT_CODE_GRACE.toNanos());
        while (true) {
            InspectExecResponse state = client.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(state.isRunning()) && state.getExitCodeLong() != null) {
                return new ExecResult(state.getExitCodeLong().intValue(), output.text());
            }
            if (System.nanoTime() > codeDeadline) {
                throw timedOut(id, command, timeout);
            }
            pause(20);
        }
    }

    /**
     * Follows the container's output (no stdin, no old logs) until its process ends; then its exit code.
     * A running container is waited for from before the attach: an --rm container's code is not lost, and a
     * process that ends before the attach is in place does not leave the attach waiting for a next start.
     */
    Optional<Integer> attachUntilExit(String id, Consumer<byte[]> output, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        InspectContainerResponse container;
        try {
            container = client.inspectContainerCmd(id).exec();
        } catch (NotFoundException e) {
            throw missing(id, e);
        }
        InspectContainerResponse.ContainerState state = container.getState();
        boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
        boolean created = state != null && "created".equals(state.getStatus());
        if (!running && !created) {
            // Exited: an attach would wait for a next start that nobody makes.
            Long code = state == null ? null : state.getExitCodeLong();
            return Optional.ofNullable(code).map(Long::intValue);
        }
        CountDownLatch ended = new CountDownLatch(1);
        Exit exit = running ? waitFor(container.getId(), WaitContainerCondition.NOT_RUNNING, ended) : null;
        StreamCallback.Frames frames = new StreamCallback.Frames(output);
        frames.endsInto(ended);
        try {
            client.attachContainerCmd(container.getId()).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).withLogs(false).exec(frames);
            if (!await(ended, left(deadline))) {
                return Optional.empty();
            }
            // Whichever ended first: the output may lag the exit a moment (or the attach came too late).
            boolean drained = frames.await(min(left(deadline), ATTACH_DRAIN));
            if (exit == null) {
                return drained ? waitForExit(container.getId(), left(deadline)) : Optional.empty();
            }
            return statusOf(exit, left(deadline));
        } catch (NotFoundException e) {
            // Gone after the inspect: an --rm container that ended at once. The wait may still know how.
            if (exit == null) {
                throw missing(id, e);
            }
            try {
                return statusOf(exit, min(left(deadline), ATTACH_DRAIN));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        } finally {
            frames.stopQuietly();
            if (exit != null) {
                closeQuietly(exit);
            }
        }
    }

    /** Empty when it still runs after {@code timeout}, or when it is gone (auto-removed) without a trace. */
    Optional<Integer> waitForExit(String id, Duration timeout) {
        WaitContainerResultCallback callback = waitFor(id, null, new CountDownLatch(1));
        try {
            return statusOf(callback, timeout);
        } catch (NotFoundException e) {
            return Optional.empty();
        } finally {
            closeQuietly(callback);
        }
    }

    private Exit waitFor(String id, WaitContainerCondition condition, CountDownLatch ended) {
        var cmd = client.waitContainerCmd(id);
        if (condition != null) {
            cmd.withCondition(condition);
        }
        return cmd.exec(new Exit(ended));
    }

    /** docker-java's wait callback, made stoppable also before the daemon answered (see {@link StreamCallback}). */
    private static final class Exit extends WaitContainerResultCallback {
        private final CountDownLatch ended;
        private volatile boolean stopped;

        Exit(CountDownLatch ended) {
            this.ended = ended;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            if (stopped) {
                closeQuietly(this);
            }
        }

        @Override
        public void close() throws IOException {
            stopped = true;
            try {
                super.close();
            } finally {
                ended.countDown();
            }
        }
    }

    private static Optional<Integer> statusOf(WaitContainerResultCallback callback, Duration timeout) {
        try {
            if (!callback.awaitCompletion(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            return Optional.of(callback.awaitStatusCode(1, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
    }

    private static DockerlesException timedOut(String id, List<String> command, Duration timeout) {
        return new DockerlesException(ExitCode.DOCKER_ERROR, "error.exec.timeout", String.join(" ", command), id,
                String.valueOf(Math.max(1, timeout.toSeconds())));
    }

    static DockerlesException missing(String id, Exception cause) {
        return new DockerlesException(ExitCode.DOCKER_ERROR, cause, "error.container.missing", id);
    }

    private static boolean await(CountDownLatch latch, Duration timeout) {
        try {
            return latch.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Only stops our reading.
        }
    }
}
