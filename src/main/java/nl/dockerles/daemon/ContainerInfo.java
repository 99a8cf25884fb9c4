package nl.dockerles.daemon;

import java.time.Instant;
import java.util.Map;

/** What {@code docker inspect} tells about a container, as far as dockerles needs it. */
public record ContainerInfo(String id, String name, String image, String status, boolean running, int exitCode,
                            int pid, Instant startedAt, Instant finishedAt, int restartCount,
                            Map<String, String> labels, String hostname, java.util.List<PortMapping> ports,
                            ContainerSetup setup) {

    public ContainerInfo {
        setup = setup == null ? ContainerSetup.UNKNOWN : setup;
    }

    /** Without how it was made ({@link ContainerSetup#UNKNOWN}). */
    public ContainerInfo(String id, String name, String image, String status, boolean running, int exitCode,
                         int pid, Instant startedAt, Instant finishedAt, int restartCount,
                         Map<String, String> labels, String hostname, java.util.List<PortMapping> ports) {
        this(id, name, image, status, running, exitCode, pid, startedAt, finishedAt, restartCount, labels, hostname,
                ports, ContainerSetup.UNKNOWN);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
