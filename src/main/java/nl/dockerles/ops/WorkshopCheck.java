package nl.dockerles.ops;

import nl.dockerles.Messages;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.Docker.DaemonDetails;
import nl.dockerles.engine.HostPorts;
import nl.dockerles.daemon.PortMapping;
import nl.dockerles.daemon.RunIdentity;
import nl.dockerles.render.HumanSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code dockerles check}: can the workshop run here? The daemon (which, where, which API version), the images
 * the sections need, the host ports they publish, and free disk. Each check is a {@link Line}: passed, failed
 * (with what to do) or only information.
 */
public final class WorkshopCheck {
    /** Enough for the images of the sections (about 0.6 GB), what the demos build and commit, and a save archive. */
    public static final long MINIMUM_FREE_BYTES = 2_000_000_000L;

    public enum Status { OK, FAILED, INFO }

    /** A line of the report; {@code details} are indented under it (facts, then what to do). */
    public record Line(Status status, String text, List<String> details) {
        public Line {
            details = List.copyOf(details);
        }

        static Line ok(String text, String... details) {
            return new Line(Status.OK, text, List.of(details));
        }

        static Line failed(String text, String... details) {
            return new Line(Status.FAILED, text, List.of(details));
        }

        static Line info(String text, String... details) {
            return new Line(Status.INFO, text, List.of(details));
        }
    }

    /** Whether a host port can be bound here (the real one tries to bind it). */
    public interface PortProbe {
        boolean isFree(String hostIp, int port);
    }

    /** Usable bytes of the file system that holds {@code path}. */
    public interface DiskProbe {
        long usableBytes(Path path) throws IOException;
    }

    private final Docker docker;
    private final WorkshopNeeds needs;
    private final Messages messages;
    private final String prefix;
    private final PortProbe ports;
    private final DiskProbe disk;
    private final Path tempDir;
    private final String osName;
    private List<ContainerRow> running;

    /** @param prefix the normalized --prefix ("" without): a port held by our own leftover of that prefix is fine */
    public WorkshopCheck(Docker docker, WorkshopNeeds needs, Messages messages, String prefix, PortProbe ports,
                         DiskProbe disk, Path tempDir, String osName) {
        this.docker = docker;
        this.needs = needs;
        this.messages = messages;
        this.prefix = prefix == null ? "" : prefix;
        this.ports = ports;
        this.disk = disk;
        this.tempDir = tempDir;
        this.osName = osName;
    }

    /** Checks against this machine: real ports, real file systems. */
    public static WorkshopCheck onThisMachine(Docker docker, WorkshopNeeds needs, Messages messages, String prefix) {
        return new WorkshopCheck(docker, needs, messages, prefix, HostPorts::isFree,
                path -> Files.getFileStore(path).getUsableSpace(), Path.of(System.getProperty("java.io.tmpdir")),
                System.getProperty("os.name", ""));
    }

    /** Runs every check, handing each line to {@code sink} as soon as it is known; the number that failed. */
    public int run(Consumer<Line> sink) {
        int failed = 0;
        List<Line> lines = new ArrayList<>();
        DaemonInfo daemon = docker.daemon();
        DaemonDetails details = docker.daemonDetails();
        DaemonPlace place = DaemonPlace.of(daemon, osName);
        emit(daemonLine(daemon, details, place), sink, lines);
        for (Map.Entry<String, List<String>> image : needs.images().entrySet()) {
            emit(imageLine(image.getKey(), image.getValue()), sink, lines);
        }
        if (place == DaemonPlace.REMOTE) {
            emit(Line.info(messages.get("check.ports.remote", daemon.host())), sink, lines);
        } else {
            for (WorkshopNeeds.PortNeed port : needs.ports()) {
                emit(portLine(port), sink, lines);
            }
        }
        emit(diskLine(details, place), sink, lines);
        for (Line line : lines) {
            if (line.status() == Status.FAILED) {
                failed++;
            }
        }
        return failed;
    }

    private static void emit(Line line, Consumer<Line> sink, List<Line> lines) {
        lines.add(line);
        sink.accept(line);
    }

    Line daemonLine(DaemonInfo daemon, DaemonDetails details, DaemonPlace place) {
        boolean podman = DaemonPlace.isPodman(details);
        String engine = podman ? "Podman" : "Docker Engine";
        String version = messages.get("check.daemon.version", engine, daemon.serverVersion(), daemon.apiVersion(),
                daemon.negotiatedApiVersion(), daemon.os(), daemon.architecture(), daemon.operatingSystem());
        String where = switch (place) {
            case LOCAL -> messages.get("check.place.local");
            case DESKTOP -> messages.get("check.place.desktop");
            case VM -> messages.get("check.place.vm", osName);
            case REMOTE -> messages.get(daemon.host().startsWith("ssh:") ? "check.place.ssh" : "check.place.remote",
                    daemon.host());
        };
        List<String> lines = new ArrayList<>(List.of(version, where));
        if (podman) {
            lines.add(messages.get("check.place.podman"));
        }
        return new Line(Status.OK, messages.get("check.daemon.ok", daemon.host()), lines);
    }

    Line imageLine(String image, List<String> sections) {
        String forWhom = sections(sections);
        if (docker.imageExists(image)) {
            return Line.ok(messages.get("check.image.ok", image, forWhom));
        }
        return Line.failed(messages.get("check.image.missing", image, forWhom),
                messages.get("check.image.missing.todo", image));
    }

    Line portLine(WorkshopNeeds.PortNeed need) {
        String forWhom = sections(need.sections());
        if (ports.isFree(need.hostIp(), need.port())) {
            return Line.ok(messages.get("check.port.free", need.address(), forWhom));
        }
        Optional<ContainerRow> holder = runningContainers().stream()
                .filter(row -> publishes(row, need))
                .findFirst();
        if (holder.isPresent()) {
            ContainerRow row = holder.get();
            Map<String, String> labels = row.labels() == null ? Map.of() : row.labels();
            if (RunIdentity.isManaged(labels) && need.sections().contains(labels.get(RunIdentity.SECTION))
                    && prefix.equals(labels.getOrDefault(RunIdentity.PREFIX, ""))) {
                // The demo removes the leftovers of its own section and prefix before its first step.
                return Line.ok(messages.get("check.port.ours", need.address(), row.name(),
                        labels.get(RunIdentity.SECTION)));
            }
            return Line.failed(messages.get("check.port.container", need.address(), row.name(), forWhom),
                    messages.get(RunIdentity.isManaged(labels) ? "check.port.container.ours.todo"
                            : "check.port.container.todo", row.name()));
        }
        return Line.failed(messages.get("check.port.taken", need.address(), forWhom),
                messages.get("check.port.taken.todo", Integer.toString(need.port())));
    }

    private List<ContainerRow> runningContainers() {
        if (running == null) {
            running = docker.listContainers(false, Map.of());
        }
        return running;
    }

    private static boolean publishes(ContainerRow row, WorkshopNeeds.PortNeed need) {
        if (row.ports() == null) {
            return false;
        }
        for (PortMapping mapping : row.ports()) {
            if (mapping.hostPort() != null && mapping.hostPort() == need.port()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Docker root dir when it is on this machine (a local daemon without a VM); otherwise the temp dir, where
     * a {@code prepare --save} archive would go. The line says which one was measured.
     */
    Line diskLine(DaemonDetails details, DaemonPlace place) {
        String rootDir = details.dockerRootDir();
        Path measured = null;
        long free = -1;
        boolean dockerDir = false;
        if (place == DaemonPlace.LOCAL && rootDir != null && !rootDir.isBlank()) {
            try {
                Path root = Path.of(rootDir);
                if (Files.isDirectory(root)) {
                    free = disk.usableBytes(root);
                    measured = root;
                    dockerDir = true;
                }
            } catch (IOException | RuntimeException e) {
                // Not readable from here: measure the temp dir instead, and say so.
            }
        }
        if (measured == null) {
            try {
                free = disk.usableBytes(tempDir);
                measured = tempDir;
            } catch (IOException | RuntimeException e) {
                return Line.info(messages.get("check.disk.unknown", tempDir, String.valueOf(e.getMessage())));
            }
        }
        String where = dockerDir ? messages.get("check.disk.where.docker", measured)
                : messages.get("check.disk.where.temp", measured,
                rootDir == null || rootDir.isBlank() ? "?" : rootDir);
        if (free >= MINIMUM_FREE_BYTES) {
            return Line.ok(messages.get("check.disk.ok", HumanSize.of(free, messages.locale()), where));
        }
        return Line.failed(messages.get("check.disk.low", HumanSize.of(free, messages.locale()), where,
                HumanSize.of(MINIMUM_FREE_BYTES, messages.locale())),
                messages.get("check.disk.low.todo"));
    }

    /** "lifecycle, run" or, for many, "8 secties". */
    private String sections(List<String> sections) {
        return sections.size() <= 3 ? String.join(", ", sections) : messages.get("check.sections", sections.size());
    }
}
