package nl.dockerles.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.WaitContainerCondition;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker.ExecResult;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
    /**
     * After the wait answered, how long the daemon may take to record the exit. Docker 28 answers the wait
     * before it writes the container's state: a {@code docker ps} right after would still show it running.
     */
    private static final Duration STATE_SETTLE = Duration.ofSeconds(5);
    /** How long a stopped container's state may take to record its exit code (Podman). */
    private static final Duration EXIT_CODE_SETTLE = Duration.ofSeconds(1);
    private final DockerClient client;
    private final RawApi raw;
    private final ContainerApi containers;
    /** Whether Podman answers (its /version, as the connection found it). */
    private final boolean podman;

    /** Streams go through docker-java; the small JSON calls around them as plain JSON (see {@link ContainerApi}). */
    ContainerStreams(DockerClient client, RawApi raw, ContainerApi containers, boolean podman) {
        this.client = client;
        this.raw = raw;
        this.containers = containers;
        this.podman = podman;
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

    /** Follows the container's new output (tail 0) until the handle is closed. */
    AutoCloseable followLogs(String id, Consumer<byte[]> output) {
        StreamCallback.Frames frames = new StreamCallback.Frames(output);
        client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true).withTail(0)
                .exec(frames);
        return frames::stopQuietly;
    }

    private boolean running(String id) {
        return raw.getIfFound("/containers/" + RawApi.segment(id) + "/json")
                .map(reply -> reply.json().path("State").path("Running").asBoolean(false)).orElse(false);
    }

    ExecResult exec(String id, List<String> command, String user, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ObjectNode body = RawApi.JSON.createObjectNode().put("AttachStdout", true).put("AttachStderr", true);
        command.forEach(body.putArray("Cmd")::add);
        if (user != null && !user.isBlank()) {
            body.put("User", user);
        }
        RawApi.Reply created = raw.post("/containers/" + RawApi.segment(id) + "/exec", body.toString());
        if (created.absent()) {
            throw missing(id, null);
        }
        if (created.status() == 409 || (!created.ok() && !running(id))) {
            // Podman 4.3 answers an exec in a stopped container with 500 "container state improper".
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.notrunning", id);
        }
        if (!created.ok()) {
            throw created.failure();
        }
        String execId = created.json().path("Id").asText();
        StreamCallback.Collected output = new StreamCallback.Collected();
        StreamCallback.Frames frames = client.execStartCmd(execId).exec(new StreamCallback.Frames(output));
        if (!frames.await(left(deadline))) {
            throw timedOut(id, command, timeout);
        }
        // The output can end a moment before the daemon has the exit code.
        long codeDeadline = Math.max(deadline, System.nanoTime() + EXIT_CODE_GRACE.toNanos());
        while (true) {
            JsonNode state = raw.getJson("/exec/" + execId + "/json");
            if (!state.path("Running").asBoolean(false) && state.hasNonNull("ExitCode")) {
                return new ExecResult(state.get("ExitCode").asInt(), output.text());
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
        JsonNode json = raw.getIfFound("/containers/" + RawApi.segment(id) + "/json").map(RawApi.Reply::json)
                .orElseThrow(() -> missing(id, null));
        ContainerInfo container = ContainerModels.info(json);
        boolean running = container.running();
        boolean created = "created".equals(container.status());
        if (!running && !created) {
            // Exited: an attach would wait for a next start that nobody makes.
            return known(container.id(), Optional.of(container.exitCode()));
        }
        // Podman 4.3's wait gives an --rm container that is gone exit code 0 whatever it was. And an attach that
        // comes just after the process ended makes Podman initialise the container again, for Docker's sake:
        // its state says created, exit code 0, and the attach waits for a start. Its die event knows the code.
        DieEvent died = json.path("HostConfig").path("AutoRemove").asBoolean(false) || podman
                ? DieEvent.follow(client, container) : null;
        CountDownLatch ended = new CountDownLatch(1);
        Exit exit = running ? waitFor(container.id(), WaitContainerCondition.NOT_RUNNING, ended) : null;
        StreamCallback.Frames frames = new StreamCallback.Frames(output);
        frames.endsInto(ended);
        try {
            client.attachContainerCmd(container.id()).withStdOut(true).withStdErr(true)
                    .withFollowStream(true).withLogs(false).exec(frames);
            if (!await(ended, left(deadline))) {
                return Optional.empty();
            }
            // Whichever ended first: the output may lag the exit a moment (or the attach came too late).
            boolean drained;
            try {
                drained = frames.await(min(left(deadline), ATTACH_DRAIN));
            } catch (DockerException e) {
                // Podman refuses an attach to a process that ended in the meantime (500 "can only attach to
                // created or running containers"): the wait knows how it ended.
                if (!e.getMessage().contains("can only attach")) {
                    throw e;
                }
                drained = true;
            }
            Optional<Integer> code = known(container.id(), exit == null
                    ? drained ? waitForExit(container.id(), left(deadline)) : Optional.empty()
                    : settled(container.id(), container.startedAt(), statusOf(exit, container.id(), deadline)));
            return died == null ? code : died.code(min(left(deadline), ATTACH_DRAIN)).or(() -> code);
        } catch (NotFoundException e) {
            // Gone after the inspect: an --rm container that ended at once. The wait may still know how.
            if (exit == null) {
                throw missing(id, e);
            }
            try {
                Optional<Integer> code = statusOf(exit, container.id(),
                        System.nanoTime() + min(left(deadline), ATTACH_DRAIN).toNanos());
                return died == null ? code : died.code(min(left(deadline), ATTACH_DRAIN)).or(() -> code);
            } catch (NotFoundException gone) {
                return died == null ? Optional.empty() : died.code(min(left(deadline), ATTACH_DRAIN));
            }
        } finally {
            frames.stopQuietly();
            if (exit != null) {
                closeQuietly(exit);
            }
            if (died != null) {
                died.stopQuietly();
            }
        }
    }

    /**
     * The exit code the container's state records, once it has stopped; else what the wait said. Podman 4.3's wait
     * answers -1 or 0 for a process that ended before the wait was in place (an attach right after the start of
     * a short process), and its state shows a stopped container without an end time for a moment before it has
     * read the exit code: then the state is asked again, for at most a second.
     */
    private Optional<Integer> known(String id, Optional<Integer> code) {
        if (code.isEmpty()) {
            return code;
        }
        long deadline = System.nanoTime() + EXIT_CODE_SETTLE.toNanos();
        while (true) {
            Optional<ContainerInfo> info = containers.inspect(id);
            if (info.isEmpty() || info.get().running()) {
                return code;
            }
            if (info.get().finishedAt() != null || System.nanoTime() > deadline) {
                return Optional.of(info.get().exitCode());
            }
            pause(50);
        }
    }

    /** Empty when it still runs after {@code timeout}, or when it is gone (auto-removed) without a trace. */
    Optional<Integer> waitForExit(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant startedBefore = containers.inspect(id).map(ContainerInfo::startedAt).orElse(null);
        WaitContainerResultCallback callback = waitFor(id, null, new CountDownLatch(1));
        try {
            return settled(id, startedBefore, statusOf(callback, id, deadline));
        } catch (NotFoundException e) {
            return Optional.empty();
        } finally {
            closeQuietly(callback);
        }
    }

    /**
     * Returns {@code exit} once the daemon's inspect no longer shows the run that was waited for (the one that
     * started at {@code startedBefore}) as running: it is recorded as ended, restarted, or gone.
     */
    private Optional<Integer> settled(String id, Instant startedBefore, Optional<Integer> exit) {
        if (exit.isEmpty()) {
            return exit;
        }
        long deadline = System.nanoTime() + STATE_SETTLE.toNanos();
        while (System.nanoTime() < deadline && containers.inspect(id)
                .filter(c -> c.running() && Objects.equals(c.startedAt(), startedBefore)).isPresent()) {
            pause(20);
        }
        return exit;
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

    /**
     * What the wait answered by {@code deadline}. After Podman 4.3's cgroup race (see DockerFailures) a second wait
     * finds the process ended; an --rm container may be gone by then (empty: its die event knows the code).
     */
    private Optional<Integer> statusOf(WaitContainerResultCallback callback, String id, long deadline) {
        try {
            return statusOf(callback, left(deadline));
        } catch (DockerException e) {
            if (!DockerFailures.isPodmanCgroupRace(e)) {
                throw e;
            }
            WaitContainerResultCallback again = waitFor(id, null, new CountDownLatch(1));
            try {
                return statusOf(again, left(deadline));
            } catch (NotFoundException gone) {
                return Optional.empty();
            } finally {
                closeQuietly(again);
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

    /** Waits between two asks of the daemon, each loop bounded by its own deadline. */
    static void pause(long millis) {
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
