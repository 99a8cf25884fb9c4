package nl.dockerles.testing;

import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerSetup;
import nl.dockerles.daemon.DaemonInfo;
import nl.dockerles.daemon.PortMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test builders for what inspect answers, instead of records with a dozen positional arguments:
 * {@code Inspected.container("web").image("nginx").publishes(mapping).build()}, {@code Inspected.daemonAt(host)}.
 * Defaults: a running busybox container with PID 4242, started at the epoch, no labels, no ports.
 */
public final class Inspected {
    private String id;
    private final String name;
    private String image = "busybox";
    private String status = "running";
    private boolean running = true;
    private int exitCode;
    private int pid = 4242;
    private Instant startedAt = Instant.EPOCH;
    private Instant finishedAt;
    private int restartCount;
    private Map<String, String> labels = Map.of();
    private String hostname;
    private final List<PortMapping> ports = new ArrayList<>();
    private ContainerSetup setup = ContainerSetup.UNKNOWN;

    private Inspected(String name) {
        this.name = name;
    }

    /** A running container of this name. */
    public static Inspected container(String name) {
        return new Inspected(name);
    }

    /** Docker 20.10 on Debian at {@code host}, as the fake's own daemon but for where it is. */
    public static DaemonInfo daemonAt(String host) {
        return new DaemonInfo(host, "20.10.24", "1.41", "1.41", "linux", "amd64", "Debian", "6.1.0");
    }

    /** The full id; the hostname is its first 12 characters unless set. */
    public Inspected id(String id) {
        this.id = id;
        return this;
    }

    public Inspected image(String image) {
        this.image = image;
        return this;
    }

    /** Not running: status "exited", no PID. */
    public Inspected exited(int exitCode) {
        this.status = "exited";
        this.running = false;
        this.exitCode = exitCode;
        this.pid = 0;
        return this;
    }

    /** Running or not as a status string says ("running", "restarting", "exited", "created"). */
    public Inspected status(String status, boolean running) {
        this.status = status;
        this.running = running;
        return this;
    }

    public Inspected exitCode(int exitCode) {
        this.exitCode = exitCode;
        return this;
    }

    public Inspected pid(int pid) {
        this.pid = pid;
        return this;
    }

    public Inspected started(Instant at) {
        this.startedAt = at;
        return this;
    }

    public Inspected finished(Instant at) {
        this.finishedAt = at;
        return this;
    }

    public Inspected restarts(int count) {
        this.restartCount = count;
        return this;
    }

    public Inspected labels(Map<String, String> labels) {
        this.labels = labels;
        return this;
    }

    public Inspected hostname(String hostname) {
        this.hostname = hostname;
        return this;
    }

    public Inspected publishes(List<PortMapping> mappings) {
        ports.addAll(mappings);
        return this;
    }

    public Inspected publishes(PortMapping mapping) {
        ports.add(mapping);
        return this;
    }

    /** How it was made (image id, Path, user, --init, mounts, ...); unknown unless set. */
    public Inspected setup(ContainerSetup setup) {
        this.setup = setup;
        return this;
    }

    public ContainerInfo build() {
        String fullId = id != null ? id : "c0ffee".repeat(11).substring(0, 64);
        return new ContainerInfo(fullId, name, image, status, running, exitCode, pid, startedAt, finishedAt,
                restartCount, labels, hostname != null ? hostname : fullId.substring(0, Math.min(12, fullId.length())),
                List.copyOf(ports), setup);
    }
}
