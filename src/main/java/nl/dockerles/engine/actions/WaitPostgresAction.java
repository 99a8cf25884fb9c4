package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code wait-postgres}: asks a PostgreSQL container with {@code pg_isready} (through docker exec) until it
 * accepts connections, at most a deadline. {@code docker run -d} returns at once, but the database needs a few
 * seconds to initialise its data folder and start. It asks over TCP (127.0.0.1 inside the container): the
 * official image's entrypoint first runs a temporary server on the unix socket only, for its set-up, and
 * stops it again; a ready answer over TCP comes from the real server.
 *
 * <p>Between two tries it waits 250 ms, as the shell loop does, but meanwhile it follows what the container writes:
 * postgres says "ready to accept connections" the moment it listens, and then the next pg_isready goes at once. A
 * container that starts from an existing data folder is ready some 60 ms after its start, mostly just after the
 * first try asked; without that line the answer would come 250 ms later. Only pg_isready's answer counts: the
 * temporary server of the first start says the same line, and a postgres in another language says another.
 *
 * <p>Settings: {@code container} (required), {@code timeout} (seconds, default 60).
 *
 * <p>Facts: {@code wait.seconds} (as the notes write seconds), {@code wait.tries}, {@code <container>.ready}
 * (pg_isready's last line).
 */
public final class WaitPostgresAction implements Action {
    static final List<String> PROBE = List.of("pg_isready", "-h", "127.0.0.1", "-U", "postgres");
    private static final Duration PAUSE = Duration.ofMillis(250);
    /** What postgres writes once it accepts connections (also its temporary server, on the unix socket only). */
    static final String READY_LINE = "ready to accept connections";
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    @Override
    public String name() {
        return "wait-postgres";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "until docker exec " + with.getOrDefault("container", "db") + " " + String.join(" ", PROBE)
                + "; do sleep 0.25; done";
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String name = Containers.name(with);
        Duration timeout = Duration.ofSeconds(Containers.integer(with, "timeout", DEFAULT_TIMEOUT_SECONDS));
        ContainerInfo container = Containers.existing(context, name);
        long start = context.time().nanoTime();
        long deadline = start + timeout.toNanos();
        Lines lines = new Lines();
        int tries = 0;
        Semaphore readyLine = new Semaphore(0);
        AutoCloseable follow = follow(context, container.id(), readyLine);
        try {
            while (true) {
                tries++;
                readyLine.drainPermits(); // a line before this try is answered by this try
                Docker.ExecResult result = probe(context, container.id(), name);
                lines.add(result.output().strip());
                if (result.exitCode() == 0) {
                    break;
                }
                if (context.time().nanoTime() > deadline) {
                    String output = lines.render();
                    context.console().output(output);
                    throw new DockerlesException(ExitCode.DOCKER_ERROR, "action.postgres.timeout", name,
                            timeout.toSeconds());
                }
                pause(readyLine);
            }
        } finally {
            closeQuietly(follow);
        }
        double seconds = (context.time().nanoTime() - start) / 1e9;
        String output = lines.render();
        context.console().output(output);
        String shown = Containers.seconds(context.messages().locale(), seconds);
        context.console().info(context.messages().get("action.postgres.ready", shown, tries));
        context.facts().put("wait.seconds", shown);
        context.facts().put("wait.tries", tries);
        context.facts().put(name + ".ready", lines.last());
        return output;
    }

    /** One pg_isready; a container that stopped (a wrong setting, say) is an error with its last log lines. */
    private static Docker.ExecResult probe(ActionContext context, String id, String name) {
        try {
            return context.docker().exec(id, PROBE, null, EXEC_TIMEOUT);
        } catch (DockerlesException e) {
            boolean running = context.docker().inspectContainer(id).map(ContainerInfo::running).orElse(false);
            if (running) {
                throw e;
            }
            String logs = context.docker().logs(id, 8);
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "action.postgres.stopped", name, logs.strip());
        }
    }

    /** Follows the container's output; each {@link #READY_LINE} gives a permit. Nothing when that cannot start. */
    private static AutoCloseable follow(ActionContext context, String id, Semaphore readyLine) {
        try {
            return context.docker().followLogs(id, new ReadyLines(readyLine));
        } catch (RuntimeException e) {
            return () -> { }; // only a hint: the pauses still come to an end
        }
    }

    private static void closeQuietly(AutoCloseable follow) {
        try {
            follow.close();
        } catch (Exception ignored) {
            // only our reading stops
        }
    }

    /** The pause between two tries: 250 ms, or less when postgres says it is ready. */
    private static void pause(Semaphore readyLine) {
        try {
            readyLine.tryAcquire(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
    }

    /** Finds {@link #READY_LINE} in the output as it comes, also when it comes in two pieces. */
    static final class ReadyLines implements Consumer<byte[]> {
        private final Semaphore readyLine;
        private final StringBuilder recent = new StringBuilder();

        ReadyLines(Semaphore readyLine) {
            this.readyLine = readyLine;
        }

        @Override
        public synchronized void accept(byte[] chunk) {
            recent.append(new String(chunk, java.nio.charset.StandardCharsets.ISO_8859_1));
            int at = recent.indexOf(READY_LINE);
            while (at >= 0) {
                readyLine.release();
                recent.delete(0, at + READY_LINE.length());
                at = recent.indexOf(READY_LINE);
            }
            if (recent.length() > READY_LINE.length()) {
                recent.delete(0, recent.length() - READY_LINE.length());
            }
        }
    }

    /** The answers in order; the same answer again and again is one line with a count, as "(12×)". */
    static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();

        void add(String line) {
            String text = line.isEmpty() ? "-" : line;
            int last = lines.size() - 1;
            if (last >= 0 && lines.get(last).equals(text)) {
                counts.set(last, counts.get(last) + 1);
            } else {
                lines.add(text);
                counts.add(1);
            }
        }

        String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        String render() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                out.append(lines.get(i));
                if (counts.get(i) > 1) {
                    out.append("   (").append(counts.get(i)).append("×)");
                }
                out.append('\n');
            }
            return out.toString();
        }
    }
}
