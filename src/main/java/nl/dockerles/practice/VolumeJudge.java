package nl.dockerles.practice;

import nl.dockerles.daemon.Docker;

import java.util.List;
import java.util.Map;

/** A volume check: a named volume there or gone (dangling or in use, holding a file), or some anonymous one. */
final class VolumeJudge {
    private final Docker docker;
    private final Lookups lookups;

    VolumeJudge(Docker docker, Lookups lookups) {
        this.docker = docker;
        this.lookups = lookups;
    }

    Verdict judge(VolumeCheck c) {
        if (c.isAnonymous()) {
            return anonymousVolume(c);
        }
        boolean exists = docker.listVolumes(false, Map.of()).stream().anyMatch(v -> v.name().equals(c.name()));
        if (!c.mustExist()) {
            return exists ? Verdict.fail(UnmetCondition.of("volume", "exists", c.name()))
                    : Verdict.pass(Map.of("volume", c.name()));
        }
        if (!exists) {
            return Verdict.fail(UnmetCondition.absent("volume", "missing", c.name()));
        }
        if (c.dangling() != null) {
            boolean dangling = docker.listVolumes(true, Map.of()).stream().anyMatch(v -> v.name().equals(c.name()));
            if (c.dangling() && !dangling) {
                return Verdict.fail(UnmetCondition.of("volume", "dangling", c.name()));
            }
            if (!c.dangling() && dangling) {
                return Verdict.fail(new UnmetCondition("oefen.miss.volume.dangling.unused", List.of(c.name()), "dangling",
                        false));
            }
        }
        if (c.fileExists() != null && !lookups.fileInVolume(c.name(), c.fileExists())) {
            return Verdict.fail(UnmetCondition.of("volume", "fileExists", c.name(), c.fileExists()));
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
            if (lookups.fileInVolume(volume, c.fileExists())) {
                return Verdict.pass(Map.of("volume", volume, "volumeShort", volume.substring(0, 12)));
            }
        }
        return Verdict.fail(new UnmetCondition(Boolean.TRUE.equals(c.dangling()) ? "oefen.miss.volume.anonymous.dangling"
                : "oefen.miss.volume.anonymous", List.of(c.fileExists()), "anonymous", false));
    }
}
