package nl.dockerles.practice;

import nl.dockerles.cmdline.ShellWords;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.ContainerSetup;
import nl.dockerles.daemon.Docker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static nl.dockerles.practice.ContainerVerdicts.fail;
import static nl.dockerles.practice.ContainerVerdicts.failAs;

/**
 * One container against a container check, condition by condition in {@link ContainerCheck#ORDER}: how it was
 * made (docker inspect), its state, its ports ({@link PortConditions}), its files, a command that must succeed.
 */
final class ContainerConditions {
    private final Docker docker;
    private final Lookups lookups;
    private final PortConditions ports;

    ContainerConditions(Docker docker, Lookups lookups, PortConditions ports) {
        this.docker = docker;
        this.lookups = lookups;
        this.ports = ports;
    }

    Verdict judge(ContainerCheck c, ContainerRow row) {
        Optional<ContainerInfo> found = docker.inspectContainer(row.id());
        if (found.isEmpty()) {
            return Verdict.fail(UnmetCondition.absent("container", "missing", row.name()));
        }
        ContainerInfo info = found.get();
        String name = info.name();
        ContainerSetup setup = info.setup();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", name);
        facts.put("id", info.shortId());
        facts.put("image", info.image());

        if (c.image() != null && !ImageRefs.sameImage(info.image(), setup.imageId(), c.image(),
                ImageRefs.find(docker.listImages(Map.of()), c.image()))) {
            return fail("image", name, info.image(), c.image());
        }
        if (Boolean.TRUE.equals(c.init()) && !setup.init()) {
            return fail("init", name);
        }
        if (Boolean.TRUE.equals(c.detached())) {
            if (setup.attached()) {
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
            long limit = setup.memory();
            if (limit != Sizes.bytes(c.memory())) {
                return limit <= 0 ? failAs("memory", "memory.none", name, Sizes.human(Sizes.bytes(c.memory())))
                        : failAs("memory", "memory", name, Sizes.human(Sizes.bytes(c.memory())), Sizes.human(limit));
            }
        }
        if (c.pidMode() != null) {
            String mode = setup.pidMode();
            if (!c.pidMode().equals(mode)) {
                return mode.isEmpty() ? failAs("pidMode", "pidMode.own", name, c.pidMode())
                        : failAs("pidMode", "pidMode", name, c.pidMode(), mode);
            }
        }
        if (Boolean.TRUE.equals(c.nonRoot())) {
            String user = setup.user();
            if (isRoot(user)) {
                return fail("nonRoot", name, user.isEmpty() ? "root" : user);
            }
            facts.put("user", user);
        }
        if (c.mount() != null && setup.mounts().stream().noneMatch(m -> c.mount().equals(m.destination()))) {
            return fail("mount", name, c.mount());
        }
        if (c.volume() != null && setup.volumes().stream().noneMatch(m -> c.volume().equals(m.name()))) {
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
            RestartPolicy actual = RestartPolicy.of(setup.restartPolicy(), setup.maximumRetryCount());
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
            Verdict ports = this.ports.judge(c, name, info, facts);
            if (ports != null) {
                return ports;
            }
        }
        if (c.fileAdded() != null && docker.diff(info.id()).stream()
                .noneMatch(ch -> (ch.kind() == 'A' || ch.kind() == 'C') && ch.path().equals(c.fileAdded()))) {
            return fail("fileAdded", name, c.fileAdded());
        }
        if (c.succeeds() != null) {
            Docker.ExecResult result = lookups.exec(info.id(), ShellWords.split(c.succeeds()));
            if (result.exitCode() != 0) {
                return fail("succeeds", name, c.succeeds(), result.exitCode(), lastLine(result.output()));
            }
        }
        return Verdict.pass(facts);
    }

    private static boolean isRoot(String user) {
        String who = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return who.isEmpty() || who.equals("0") || who.equals("root");
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
}
