package nl.dockerles.practice;

import nl.dockerles.engine.Names;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container the student made. Which one: by {@code name}, or else every container of {@code image} that was
 * created since the exercise began (containers of dockerles itself never count). The conditions, judged in the
 * order of {@link #ORDER} (the first that fails gives the hint):
 *
 * @param exists        false: the named container must be gone (only with a name, and nothing else)
 * @param init          started with {@code --init}
 * @param detached      started with {@code -d} (not attached to a terminal)
 * @param hostname      {@code --hostname}
 * @param memory        {@code --memory}, as docker writes it: "64m", "1g"
 * @param pidMode       {@code --pid}, e.g. "host"
 * @param nonRoot       runs as a user other than root ({@code --user})
 * @param mount         something is mounted at this path in the container (bind mount or volume)
 * @param volume        this named volume is mounted
 * @param labels        these labels with these values
 * @param restartPolicy "always", "unless-stopped", "no", "on-failure" or "on-failure:N"
 * @param status        created, running, paused, restarting, exited or dead
 * @param minRestarts   Docker restarted it at least this often (RestartCount)
 * @param publishes     the container's TCP port that is published on a host port
 * @param loopbackOnly  that port is published on 127.0.0.1 only (not on every interface)
 * @param http          an HTTP GET on 127.0.0.1 at that host port gets an answer
 * @param fileAdded     {@code docker diff} shows this path as added or changed
 * @param succeeds      this command, run with {@code docker exec}, exits 0
 */
public record ContainerCheck(String name, String image, Boolean exists, Boolean init, Boolean detached,
                             String hostname, String memory, String pidMode, Boolean nonRoot, String mount,
                             String volume, Map<String, String> labels, String restartPolicy, Boolean running,
                             String status, Integer exitCode, Integer minRestarts, Integer publishes,
                             Boolean loopbackOnly, Boolean http, String fileAdded, String succeeds)
        implements Check {

    /** Judging order: who it is, how it was made, how it runs now, what it answers. */
    public static final List<String> ORDER = List.of("missing", "exists", "image", "init", "detached", "hostname",
            "memory", "pidMode", "nonRoot", "mount", "volume", "labels", "restartPolicy", "running", "status",
            "exitCode", "minRestarts", "publishes", "loopbackOnly", "http", "fileAdded", "succeeds");
    static final Set<String> STATUSES = Set.of("created", "running", "paused", "restarting", "removing", "exited",
            "dead");

    public ContainerCheck {
        labels = labels == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(labels));
    }

    @Override
    public String kind() {
        return "container";
    }

    public boolean mustExist() {
        return !Boolean.FALSE.equals(exists);
    }

    @Override
    public ContainerCheck named(Names names) {
        return new ContainerCheck(names.apply(name), names.apply(image), exists, init, detached, hostname, memory,
                pidMode, nonRoot, mount, names.apply(volume), labels, restartPolicy, running, status, exitCode,
                minRestarts, publishes, loopbackOnly, http, fileAdded, succeeds);
    }

    @Override
    public List<String> conditions() {
        List<String> set = new ArrayList<>(List.of("missing", "exists"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("image", image);
        values.put("init", init);
        values.put("detached", detached);
        values.put("hostname", hostname);
        values.put("memory", memory);
        values.put("pidMode", pidMode);
        values.put("nonRoot", nonRoot);
        values.put("mount", mount);
        values.put("volume", volume);
        values.put("labels", labels.isEmpty() ? null : labels);
        values.put("restartPolicy", restartPolicy);
        values.put("running", running != null || succeeds != null || http != null ? Boolean.TRUE : null);
        values.put("status", status);
        values.put("exitCode", exitCode);
        values.put("minRestarts", minRestarts);
        values.put("publishes", publishes);
        values.put("loopbackOnly", loopbackOnly);
        values.put("http", http);
        values.put("fileAdded", fileAdded);
        values.put("succeeds", succeeds);
        values.forEach((condition, value) -> {
            if (value != null) {
                set.add(condition);
            }
        });
        return set;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(name) && blank(image)) {
            problems.add("a container check needs a name or an image");
        }
        if (!mustExist() && (blank(name) || conditions().size() > 2)) {
            problems.add("exists: false needs a name and no other conditions");
        }
        if (memory != null && Sizes.bytes(memory) <= 0) {
            problems.add("memory is not a size like 64m: " + memory);
        }
        if (restartPolicy != null && !RestartPolicy.valid(restartPolicy)) {
            problems.add("restartPolicy is not always, unless-stopped, no, on-failure or on-failure:N: "
                    + restartPolicy);
        }
        if (status != null && !STATUSES.contains(status)) {
            problems.add("status is not one of " + STATUSES + ": " + status);
        }
        if ((Boolean.TRUE.equals(http) || loopbackOnly != null) && publishes == null) {
            problems.add("http and loopbackOnly need publishes (the container's port)");
        }
        if (publishes != null && (publishes < 1 || publishes > 65535)) {
            problems.add("publishes is not a port: " + publishes);
        }
        for (Map.Entry<String, Boolean> flag : flags().entrySet()) {
            if (Boolean.FALSE.equals(flag.getValue())) {
                problems.add(flag.getKey() + ": false is not a condition (for running: use status: exited)");
            }
        }
        for (String path : new String[] {mount, fileAdded}) {
            if (path != null && !path.startsWith("/")) {
                problems.add("a path in the container starts with /: " + path);
            }
        }
        if (succeeds != null && succeeds.isBlank()) {
            problems.add("succeeds needs a command");
        }
        return problems;
    }

    private Map<String, Boolean> flags() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("running", running);
        flags.put("init", init);
        flags.put("detached", detached);
        flags.put("nonRoot", nonRoot);
        flags.put("loopbackOnly", loopbackOnly);
        flags.put("http", http);
        return flags;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
