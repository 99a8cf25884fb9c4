package nl.dockerles.practice;

import nl.dockerles.daemon.Docker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges an exercise against the daemon's state: list and inspect (and a probe where state is not enough: an
 * HTTP GET of a published port, a file in an image or volume, an exec). Never the text of the docker CLI's
 * output: the student may type whatever gets there. Containers of dockerles itself (its labels) never count.
 */
public final class Judge {
    private final ContainerJudge containers;
    private final ImageJudge images;
    private final VolumeJudge volumes;

    /**
     * @param since          a container found by image only counts when it was created at or after this moment
     *                       (when the exercise began); null: any
     * @param portsReachable whether published ports are on this machine (a local daemon): else no HTTP probe
     * @param prefix         --prefix (many students on one daemon): a container found by image only counts when
     *                       its name starts with it; "" for none
     */
    public Judge(Docker docker, Lookups lookups, Instant since, boolean portsReachable, String prefix) {
        this.containers = new ContainerJudge(docker,
                new ContainerConditions(docker, lookups, new PortConditions(lookups, portsReachable)), since,
                prefix == null ? "" : prefix);
        this.images = new ImageJudge(docker, lookups);
        this.volumes = new VolumeJudge(docker, lookups);
    }

    public Judge(Docker docker, Lookups lookups, Instant since, boolean portsReachable) {
        this(docker, lookups, since, portsReachable, "");
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
            return containers.judge(c);
        }
        if (check instanceof ImageCheck c) {
            return images.judge(c);
        }
        return volumes.judge((VolumeCheck) check);
    }
}
