package nl.dockerles.engine;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.cmdline.DockerCommand;
import nl.dockerles.content.Step;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerSpec;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.ui.Console;
import nl.dockerles.ui.PresenterTerminal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code docker run} and {@code docker start -ai}: creates the container with dockerles's labels and,
 * for an interactive shell, types the step's lines into it and leaves it as the step says.
 */
final class ContainerRunner {
    private static final byte[] CTRL_D = {0x04};
    private static final byte[] DETACH = {0x10, 0x11};
    private static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration END_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DETACH_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration FOREGROUND_TIMEOUT = Duration.ofMinutes(2);
    /** An attach that ends this fast, on a container whose FinishedAt lies before it, came too late. */
    private static final Duration RACE = Duration.ofMillis(500);
    /** The fact with the moment (epoch milliseconds) the presenter's key started the current step. */
    static final String STEP_STARTED = "keypress.at";

    private final Docker docker;
    private final RunIdentity run;
    private final Console console;
    private final Facts facts;
    private final PresenterTerminal terminal;
    private final nl.dockerles.Messages messages;
    private final TimeSource time;

    ContainerRunner(Docker docker, RunIdentity run, Console console, Facts facts, PresenterTerminal terminal,
                    nl.dockerles.Messages messages, TimeSource time) {
        this.messages = messages;
        this.docker = docker;
        this.run = run;
        this.console = console;
        this.facts = facts;
        this.terminal = terminal;
        this.time = time;
    }

    private nl.dockerles.Messages messages() {
        return messages != null ? messages : nl.dockerles.Messages.dutch();
    }

    String run(DockerCommand.Run r, Step step) {
        String id = docker.createContainer(spec(r));
        String label = r.name() != null ? r.name() : id.substring(0, 12);
        facts.put(label + ".id", id.substring(0, Math.min(12, id.length())));
        facts.put("last.id", id.substring(0, Math.min(12, id.length())));
        if (r.detach()) {
            docker.startContainer(id);
            console.output(id + "\n");
            return id + "\n";
        }
        if (r.interactive() && r.tty()) {
            return interact(id, label, step);
        }
        return foreground(id, label, r.remove());
    }

    /** {@code docker run} without -d or -it: wait for the process, show what it wrote, honour --rm. */
    private String foreground(String id, String label, boolean remove) {
        docker.startContainer(id);
        Optional<Integer> exit = docker.waitForExit(id, FOREGROUND_TIMEOUT);
        String output = docker.logs(id, null);
        console.output(output);
        exit.ifPresent(code -> facts.put(label + ".exitCode", code));
        exit.ifPresent(code -> facts.put("last.exitCode", code));
        if (remove) {
            docker.removeContainer(id, true, true);
        }
        if (exit.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.tooslow", label,
                    FOREGROUND_TIMEOUT.toSeconds());
        }
        return output;
    }

    /**
     * {@code docker attach}: follows the output until the process ends. How long it waited is measured: from the
     * key that started the step ({@link #STEP_STARTED}) to the daemon's FinishedAt. A container that had already
     * ended (before the attach, or in the moment between the inspect and the attach) is said to be stopped, as
     * the docker CLI refuses it, never "waited 0 seconds".
     */
    String attach(DockerCommand.Attach a) {
        ContainerInfo container = docker.inspectContainer(a.container()).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", a.container()));
        if (!container.running()) {
            // As the docker CLI: a stopped container cannot be attached to (after a long pause, say).
            throw stopped(a.container(), container.exitCode());
        }
        StringBuilder shown = new StringBuilder();
        Instant attaching = time.now();
        long start = time.nanoTime();
        Optional<Integer> exit = docker.attachUntilExit(container.id(), bytes -> {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            console.raw(text);
            shown.append(text);
        }, FOREGROUND_TIMEOUT);
        Duration attached = Duration.ofNanos(time.nanoTime() - start);
        if (exit.isEmpty()) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.tooslow", a.container(),
                    FOREGROUND_TIMEOUT.toSeconds());
        }
        Optional<Instant> finished = docker.inspectContainer(container.id()).map(ContainerInfo::finishedAt);
        if (shown.isEmpty() && attached.compareTo(RACE) < 0
                && finished.filter(at -> at.isBefore(attaching)).isPresent()) {
            throw stopped(a.container(), exit.get());
        }
        Instant pressed = stepStarted().orElse(attaching);
        Instant end = finished.filter(at -> !at.isBefore(pressed)).orElse(time.now());
        facts.put("attach.seconds", String.format(messages().locale(), "%.1f",
                Duration.between(pressed, end).toMillis() / 1000.0));
        facts.put(a.container() + ".exitCode", exit.get());
        return shown.toString();
    }

    private static DockerlesException stopped(String name, int exitCode) {
        return new DockerlesException(ExitCode.DOCKER_ERROR, "error.attach.stopped", name, exitCode);
    }

    /** The moment the presenter's key started this step, as the presenter recorded it. */
    private Optional<Instant> stepStarted() {
        String millis = facts.get(STEP_STARTED);
        try {
            return millis == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String start(DockerCommand.Start s, Step step) {
        if (!(s.attach() && s.interactive()) || s.containers().size() != 1) {
            throw new DockerlesException(ExitCode.CONTENT, "error.step.unsupported", step.command());
        }
        String name = s.containers().get(0);
        ContainerInfo container = docker.inspectContainer(name).orElseThrow(
                () -> new DockerlesException(ExitCode.DOCKER_ERROR, "error.container.missing", name));
        return interact(container.id(), name, step);
    }

    private ContainerSpec spec(DockerCommand.Run r) {
        List<PortMapping> ports = new ArrayList<>();
        for (String publish : r.publish()) {
            ports.add(PortSpec.parse(publish));
        }
        // A foreground --rm is removed by us after reading its logs; the daemon would remove them with it.
        boolean autoRemove = r.remove() && (r.detach() || r.tty());
        return new ContainerSpec(r.image(), r.command(), r.name(), r.tty(), r.interactive(), autoRemove, ports,
                r.volumes(), r.env(), r.restart(), r.user(), run.labels(), r.workdir(), r.init());
    }

    /**
     * --interactief: the presenter types; the demo goes on from whatever they did. Before, one line says how to
     * leave as the section expects (Ctrl-P Ctrl-Q when the container must keep running); after, a way out that
     * differs (the shell ended, or still runs) is recorded, so that no note tells what did not happen.
     */
    private String handOver(String id, String label, Step step) {
        boolean detach = Step.END_DETACH.equals(step.end());
        if (messages != null) {
            console.info(messages.get(detach ? "handover.detach" : "handover.end"));
        }
        StringBuilder shown = new StringBuilder();
        byte[] lastKeys = new byte[2];
        try (Docker.TtySession session = docker.startAttached(id, bytes -> {
            console.raw(bytes);
            synchronized (shown) {
                shown.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        })) {
            terminal.handOver(keys -> {
                remember(lastKeys, keys);
                session.send(keys);
            }, () -> session.awaitEnd(Duration.ZERO), (width, height) -> docker.resizeTty(id, width, height));
        }
        console.raw("\n");
        if (!java.util.Arrays.equals(lastKeys, DETACH)) {
            // Ctrl-D or exit: the stream ends as the shell does, the daemon's state may follow a moment later.
            docker.waitForExit(id, SETTLE_TIMEOUT);
        }
        recordState(id, label);
        docker.inspectContainer(id).ifPresent(info -> {
            if (info.running() != detach) {
                facts.put("handover.deviated", label);
                facts.put("handover.running", String.valueOf(info.running()));
            }
        });
        return shown.toString();
    }

    /** The last two bytes the presenter typed: Ctrl-P Ctrl-Q means a detach, anything else an end. */
    private static void remember(byte[] last, byte[] keys) {
        for (byte key : keys) {
            last[0] = last[1];
            last[1] = key;
        }
    }

    private void recordState(String id, String label) {
        docker.inspectContainer(id).ifPresent(info -> {
            for (String key : new String[] {label, "last"}) {
                facts.put(key + ".state", info.status());
                facts.put(key + ".exitCode", info.exitCode());
            }
        });
    }

    /** Attaches, types each line after the prompt, then ends (Ctrl-D) or detaches (Ctrl-P Ctrl-Q). */
    private String interact(String id, String label, Step step) {
        if (terminal != null) {
            return handOver(id, label, step);
        }
        TtyTranscript transcript = new TtyTranscript();
        StringBuilder shown = new StringBuilder();
        try (Docker.TtySession session = docker.startAttached(id, transcript)) {
            transcript.awaitPrompt(0, PROMPT_TIMEOUT);
            show(transcript.takeNew().stripLeading(), shown);
            for (String line : step.typed()) {
                int before = transcript.length();
                session.send((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (!transcript.awaitPrompt(before, PROMPT_TIMEOUT)) {
                    throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.shell.noprompt", line);
                }
                show(transcript.takeNew(), shown);
            }
            boolean detach = Step.END_DETACH.equals(step.end());
            session.send(detach ? DETACH : CTRL_D);
            String keys = detach ? "<Ctrl-P Ctrl-Q>" : "<Ctrl-D>";
            console.keys(keys);
            shown.append(keys).append('\n');
            if (detach && !session.awaitEnd(DETACH_TIMEOUT)) {
                // Podman's API does not act on Ctrl-P Ctrl-Q: let go of the connection ourselves, as the docker
                // CLI would after the keys. The container goes on running; the presenter is told.
                session.close();
                console.info(messages().get("runner.detach.client", label));
            } else if (!session.awaitEnd(END_TIMEOUT)) {
                throw new DockerlesException(ExitCode.DOCKER_ERROR, "error.shell.noend", label);
            }
            show(transcript.takeNew(), shown);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        }
        if (!Step.END_DETACH.equals(step.end())) {
            docker.waitForExit(id, END_TIMEOUT);
        }
        recordState(id, label);
        return shown.toString();
    }

    /** Prints the terminal's new output as it came: the prompt stays on its line, like on a screen. */
    private void show(String text, StringBuilder shown) {
        console.raw(text);
        shown.append(text);
    }
}
