package nl.dockerles.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.cmdline.ShellWords;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.ContainerRow;
import nl.dockerles.engine.Docker;
import nl.dockerles.engine.PortMapping;
import nl.dockerles.engine.RunIdentity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges an exercise against the daemon's state: list and inspect (and a probe where state is not enough: an
 * HTTP GET of a published port, a file in an image or volume, an exec). Never the text of the docker CLI's
 * output: the student may type whatever gets there. Containers of dockerles itself (its labels) never count.
 */
public final class Judge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOOPBACK_ONLY = Set.of("127.0.0.1", "::1");
    private final Docker docker;
    private final Probes probes;
    private final Instant since;
    private final boolean portsReachable;
    private final String prefix;

    /**
     * @param since          a container found by image only counts when it was created at or after this moment
     *                       (when the exercise began); null: any
     * @param portsReachable whether published ports are on this machine (a local daemon): else no HTTP probe
     * @param prefix         --prefix (many students on one daemon): a container found by image only counts when
     *                       its name starts with it; "" for none
     */
    public Judge(Docker docker, Probes probes, Instant since, boolean portsReachable, String prefix) {
        this.docker = docker;
        this.probes = probes;
        this.since = since;
        this.portsReachable = portsReachable;
        this.prefix = prefix == null ? "" : prefix;
    }

    public Judge(Docker docker, Probes probes, Instant since, boolean portsReachable) {
        this(docker, probes, since, portsReachable, "");
    }

    public Verdict judge(Exercise exercise) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Check check : exercise.allChecks()) {
            Verdict verdict = judge(check);
            if (!verdict.done()) {
                return verdict;
            }
            verdict.facts().forEach(facts::putIfAbsent);
        }
        return Verdict.pass(facts);
    }

    Verdict judge(Check check) {
        if (check instanceof ContainerCheck c) {
            return containers(c);
        }
        if (check instanceof ImageCheck c) {
            return image(c);
        }
        return volume((VolumeCheck) check);
    }

    // --- containers ---

    private Verdict containers(ContainerCheck c) {
        List<ContainerRow> rows = docker.listContainers(true, Map.of()).stream()
                .filter(r -> !RunIdentity.isManaged(r.labels()))
                .toList();
        if (c.name() != null) {
            Optional<ContainerRow> row = rows.stream().filter(r -> r.name().equals(c.name())).findFirst();
            if (!c.mustExist()) {
                return row.map(r -> Verdict.fail(Miss.of("container", "exists", c.name(), r.state())))
                        .orElseGet(() -> Verdict.pass(Map.of("name", c.name())));
            }
            return row.map(r -> container(c, r))
                    .orElseGet(() -> Verdict.fail(Miss.absent("container", "missing", c.name())));
        }
        Optional<Docker.ImageRow> image = ImageRefs.find(docker.listImages(Map.of()), c.image());
        List<ContainerRow> candidates = rows.stream()
                .filter(r -> since == null || r.createdEpochSeconds() >= since.getEpochSecond())
                .filter(r -> prefix.isEmpty() || r.name().startsWith(prefix))
                .filter(r -> ImageRefs.sameImage(r.image(), null, c.image(), image))
                .toList();
        Verdict best = null;
        for (ContainerRow candidate : candidates) {
            Verdict verdict = container(c, candidate);
            if (verdict.done()) {
                return verdict;
            }
            if (best == null || verdict.progress(ContainerCheck.ORDER) > best.progress(ContainerCheck.ORDER)) {
                best = verdict;
            }
        }
        if (best != null) {
            return best;
        }
        return Verdict.fail(prefix.isEmpty() ? Miss.absent("container", "none", c.image())
                : new Miss("oefen.miss.container.none.prefix", List.of(c.image(), prefix), "none", true));
    }

    private Verdict container(ContainerCheck c, ContainerRow row) {
        Optional<ContainerInfo> found = docker.inspectContainer(row.id());
        if (found.isEmpty()) {
            return Verdict.fail(Miss.absent("container", "missing", row.name()));
        }
        ContainerInfo info = found.get();
        String name = info.name();
        JsonNode json = inspect(row.id());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", name);
        facts.put("id", info.shortId());
        facts.put("image", info.image());

        if (c.image() != null && !ImageRefs.sameImage(info.image(), json.path("Image").asText(null), c.image(),
                ImageRefs.find(docker.listImages(Map.of()), c.image()))) {
            return fail("image", name, info.image(), c.image());
        }
        if (Boolean.TRUE.equals(c.init()) && !json.path("HostConfig").path("Init").asBoolean(false)) {
            return fail("init", name);
        }
        if (Boolean.TRUE.equals(c.detached())) {
            if (json.path("Config").path("AttachStdout").asBoolean(false)
                    || json.path("Config").path("AttachStderr").asBoolean(false)) {
                return fail("detached", name);
            }
            if (docker.daemon().podman()) {
                // Podman's inspect says AttachStdout=false for every container: -d cannot be told from
                // create + start there. The verdict names the check it could not make (oefen.unchecked.*).
                facts.put("unchecked", "detached");
            }
        }
        if (c.hostname() != null && !c.hostname().equals(info.hostname())) {
            return fail("hostname", name, c.hostname(), info.hostname());
        }
        if (c.memory() != null) {
            long limit = json.path("HostConfig").path("Memory").asLong(0);
            if (limit != Sizes.bytes(c.memory())) {
                return limit <= 0 ? failAs("memory", "memory.none", name, Sizes.human(Sizes.bytes(c.memory())))
                        : failAs("memory", "memory", name, Sizes.human(Sizes.bytes(c.memory())), Sizes.human(limit));
            }
        }
        if (c.pidMode() != null) {
            String mode = json.path("HostConfig").path("PidMode").asText("");
            if (mode.equals("private")) {
                mode = ""; // Podman's word for the container's own PID namespace, which Docker leaves empty
            }
            if (!c.pidMode().equals(mode)) {
                return mode.isEmpty() ? failAs("pidMode", "pidMode.own", name, c.pidMode())
                        : failAs("pidMode", "pidMode", name, c.pidMode(), mode);
            }
        }
        if (Boolean.TRUE.equals(c.nonRoot())) {
            String user = json.path("Config").path("User").asText("");
            if (isRoot(user)) {
                return fail("nonRoot", name, user.isEmpty() ? "root" : user);
            }
            facts.put("user", user);
        }
        if (c.mount() != null && mounts(json).stream().noneMatch(m -> c.mount().equals(m.path("Destination").asText()))) {
            return fail("mount", name, c.mount());
        }
        if (c.volume() != null && mounts(json).stream().noneMatch(m -> "volume".equals(m.path("Type").asText())
                && c.volume().equals(m.path("Name").asText()))) {
            return fail("volume", name, c.volume());
        }
        for (Map.Entry<String, String> label : c.labels().entrySet()) {
            String actual = info.labels().get(label.getKey());
            if (!label.getValue().equals(actual)) {
                return actual == null ? failAs("labels", "labels.none", name, label.getKey(), label.getValue())
                        : failAs("labels", "labels", name, label.getKey(), label.getValue(), actual);
            }
        }
        if (c.restartPolicy() != null) {
            JsonNode policy = json.path("HostConfig").path("RestartPolicy");
            RestartPolicy actual = RestartPolicy.of(policy.path("Name").asText(""),
                    policy.path("MaximumRetryCount").asInt(0));
            RestartPolicy asked = RestartPolicy.parse(c.restartPolicy());
            if (!actual.satisfies(asked, c.restartPolicy().contains(":"))) {
                return fail("restartPolicy", name, c.restartPolicy(), actual.toString());
            }
        }
        boolean mustRun = Boolean.TRUE.equals(c.running()) || c.succeeds() != null || Boolean.TRUE.equals(c.http());
        if (mustRun && !info.running()) {
            return fail("running", name, info.status(), info.exitCode());
        }
        if (c.status() != null && !c.status().equals(info.status())) {
            return fail("status", name, c.status(), info.status());
        }
        if (c.exitCode() != null) {
            if (info.running()) {
                return failAs("exitCode", "exitCode.running", name, c.exitCode());
            }
            if (info.exitCode() != c.exitCode()) {
                return failAs("exitCode", "exitCode", name, c.exitCode(), info.exitCode());
            }
        }
        facts.put("status", info.status());
        facts.put("exitCode", String.valueOf(info.exitCode()));
        facts.put("restarts", String.valueOf(info.restartCount()));
        facts.put("hostname", info.hostname());
        if (c.minRestarts() != null && info.restartCount() < c.minRestarts()) {
            return fail("minRestarts", name, info.restartCount(), c.minRestarts());
        }
        if (c.publishes() != null) {
            Verdict ports = ports(c, name, info, facts);
            if (ports != null) {
                return ports;
            }
        }
        if (c.fileAdded() != null && docker.diff(info.id()).stream()
                .noneMatch(ch -> (ch.kind() == 'A' || ch.kind() == 'C') && ch.path().equals(c.fileAdded()))) {
            return fail("fileAdded", name, c.fileAdded());
        }
        if (c.succeeds() != null) {
            Docker.ExecResult result = probes.exec(info.id(), ShellWords.split(c.succeeds()));
            if (result.exitCode() != 0) {
                return fail("succeeds", name, c.succeeds(), result.exitCode(), lastLine(result.output()));
            }
        }
        return Verdict.pass(facts);
    }

    /** publishes, loopbackOnly, http: null when they hold (facts get port and url). */
    private Verdict ports(ContainerCheck c, String name, ContainerInfo info, Map<String, String> facts) {
        int port = c.publishes();
        List<PortMapping> tcp = info.ports().stream()
                .filter(p -> p.protocol() == null || p.protocol().equalsIgnoreCase("tcp"))
                .filter(p -> p.hostPort() != null && p.hostPort() > 0)
                .toList();
        List<PortMapping> mine = tcp.stream().filter(p -> p.containerPort() == port).toList();
        if (mine.isEmpty()) {
            if (tcp.isEmpty()) {
                return failAs("publishes", "publishes", name, port);
            }
            return failAs("publishes", "publishes.other", name, port, describe(tcp));
        }
        facts.put("port", String.valueOf(mine.get(0).hostPort()));
        facts.put("containerPort", String.valueOf(port));
        if (Boolean.TRUE.equals(c.loopbackOnly())
                && !mine.stream().allMatch(p -> p.hostIp() != null && LOOPBACK_ONLY.contains(p.hostIp()))) {
            return fail("loopbackOnly", name, port, describe(mine));
        }
        if (Boolean.TRUE.equals(c.http()) && portsReachable) {
            Optional<PortMapping> reachable = mine.stream().filter(p -> reachableOnLoopback(p.hostIp()))
                    .min(java.util.Comparator.comparing(p -> p.hostIp() != null && p.hostIp().contains(":")));
            if (reachable.isEmpty()) {
                return failAs("http", "http.elsewhere", name, port, describe(mine));
            }
            String url = "http://" + DaemonProbes.LOOPBACK + ":" + reachable.get().hostPort() + "/";
            facts.put("port", String.valueOf(reachable.get().hostPort()));
            facts.put("url", url);
            OptionalInt status = probes.http(reachable.get().hostPort());
            if (status.isEmpty()) {
                return failAs("http", "http", name, url);
            }
            facts.put("httpStatus", String.valueOf(status.getAsInt()));
        }
        return null;
    }

    static boolean reachableOnLoopback(String hostIp) {
        return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("127.0.0.1")
                || hostIp.equals("::");
    }

    /** "0.0.0.0:8080 → 8080/tcp", as docker port shows them. */
    static String describe(List<PortMapping> ports) {
        return ports.stream()
                .map(p -> (p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp().contains(":")
                        ? "[" + p.hostIp() + "]" : p.hostIp()) + ":" + p.hostPort() + " → " + p.containerPort() + "/"
                        + (p.protocol() == null ? "tcp" : p.protocol()))
                .distinct()
                .collect(Collectors.joining(", "));
    }

    private static boolean isRoot(String user) {
        String who = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return who.isEmpty() || who.equals("0") || who.equals("root");
    }

    private static List<JsonNode> mounts(JsonNode json) {
        List<JsonNode> mounts = new ArrayList<>();
        json.path("Mounts").forEach(mounts::add);
        return mounts;
    }

    private JsonNode inspect(String id) {
        Optional<String> text = docker.inspectJson(id);
        if (text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text.get());
        } catch (JsonProcessingException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "error.docker.failed", e.getOriginalMessage());
        }
    }

    /**
     * The line that says what went wrong: the first that says "error", else the last that says something (psql
     * ends an error with LINE 1 and a line holding only "^").
     */
    private static String lastLine(String output) {
        String[] lines = (output == null ? "" : output.strip()).split("\\R");
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).contains("error")) {
                return line.strip();
            }
        }
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].codePoints().anyMatch(Character::isLetter)) {
                return lines[i].strip();
            }
        }
        return lines[lines.length - 1].strip();
    }

    private static Verdict fail(String condition, Object... args) {
        return Verdict.fail(Miss.of("container", condition, args));
    }

    /** A miss of {@code condition} told with another message ({@code oefen.miss.container.<key>}). */
    private static Verdict failAs(String condition, String key, Object... args) {
        return Verdict.fail(new Miss("oefen.miss.container." + key, List.of(args), condition, false));
    }

    // --- images ---

    private Verdict image(ImageCheck c) {
        List<Docker.ImageRow> images = docker.listImages(Map.of());
        Optional<Docker.ImageRow> row = ImageRefs.find(images, c.name());
        if (row.isEmpty()) {
            return Verdict.fail(Miss.absent("image", "missing", c.name()));
        }
        String id = row.get().id();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", c.name());
        facts.put("imageId", id.replaceFirst("^sha256:", "").substring(0, Math.min(12, id.replaceFirst("^sha256:", "").length())));
        if (c.baseImage() != null) {
            Optional<Docker.ImageRow> base = ImageRefs.find(images, c.baseImage());
            if (base.isEmpty()) {
                return Verdict.fail(new Miss("oefen.miss.image.baseImage.missing", List.of(c.name(), c.baseImage()),
                        "baseImage", false));
            }
            List<String> layers = layers(id);
            List<String> baseLayers = layers(base.get().id());
            if (baseLayers.isEmpty() || layers.size() < baseLayers.size()
                    || !layers.subList(0, baseLayers.size()).equals(baseLayers)) {
                return Verdict.fail(Miss.of("image", "baseImage", c.name(), c.baseImage()));
            }
            facts.put("layers", String.valueOf(layers.size()));
            facts.put("baseLayers", String.valueOf(baseLayers.size()));
            facts.put("newLayers", String.valueOf(layers.size() - baseLayers.size()));
        }
        if (c.fileExists() != null && !probes.fileInImage(id, c.fileExists())) {
            return Verdict.fail(Miss.of("image", "fileExists", c.name(), c.fileExists()));
        }
        return Verdict.pass(facts);
    }

    private List<String> layers(String imageId) {
        List<String> layers = new ArrayList<>();
        inspect(imageId).path("RootFS").path("Layers").forEach(l -> layers.add(l.asText()));
        return layers;
    }

    // --- volumes ---

    private Verdict volume(VolumeCheck c) {
        if (c.isAnonymous()) {
            return anonymousVolume(c);
        }
        boolean exists = docker.listVolumes(false, Map.of()).stream().anyMatch(v -> v.name().equals(c.name()));
        if (!c.mustExist()) {
            return exists ? Verdict.fail(Miss.of("volume", "exists", c.name()))
                    : Verdict.pass(Map.of("volume", c.name()));
        }
        if (!exists) {
            return Verdict.fail(Miss.absent("volume", "missing", c.name()));
        }
        if (c.dangling() != null) {
            boolean dangling = docker.listVolumes(true, Map.of()).stream().anyMatch(v -> v.name().equals(c.name()));
            if (c.dangling() && !dangling) {
                return Verdict.fail(Miss.of("volume", "dangling", c.name()));
            }
            if (!c.dangling() && dangling) {
                return Verdict.fail(new Miss("oefen.miss.volume.dangling.unused", List.of(c.name()), "dangling",
                        false));
            }
        }
        if (c.fileExists() != null && !probes.fileInVolume(c.name(), c.fileExists())) {
            return Verdict.fail(Miss.of("volume", "fileExists", c.name(), c.fileExists()));
        }
        return Verdict.pass(Map.of("volume", c.name()));
    }

    private static final java.util.regex.Pattern ANONYMOUS = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private static final int MOST_LOOKED_INTO = 30;

    /** Some anonymous volume (dangling, when asked) that holds the file: the one the student left behind. */
    private Verdict anonymousVolume(VolumeCheck c) {
        List<String> candidates = docker.listVolumes(Boolean.TRUE.equals(c.dangling()), Map.of()).stream()
                .map(Docker.VolumeRow::name).filter(n -> ANONYMOUS.matcher(n).matches())
                .limit(MOST_LOOKED_INTO).toList();
        for (String volume : candidates) {
            if (probes.fileInVolume(volume, c.fileExists())) {
                return Verdict.pass(Map.of("volume", volume, "volumeShort", volume.substring(0, 12)));
            }
        }
        return Verdict.fail(new Miss(Boolean.TRUE.equals(c.dangling()) ? "oefen.miss.volume.anonymous.dangling"
                : "oefen.miss.volume.anonymous", List.of(c.fileExists()), "anonymous", false));
    }
}
