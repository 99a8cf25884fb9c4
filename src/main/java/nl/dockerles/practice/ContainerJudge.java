package nl.dockerles.practice;

import nl.dockerles.daemon.ContainerRow;
import nl.dockerles.daemon.Docker;
import nl.dockerles.daemon.RunIdentity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container check: finds the container it is about (by name, or by image: one made since the exercise began,
 * with the --prefix) and judges it; of several candidates the one that got furthest speaks.
 */
final class ContainerJudge {
    private final Docker docker;
    private final ContainerConditions conditions;
    private final Instant since;
    private final String prefix;

    ContainerJudge(Docker docker, ContainerConditions conditions, Instant since, String prefix) {
        this.docker = docker;
        this.conditions = conditions;
        this.since = since;
        this.prefix = prefix;
    }

    Verdict judge(ContainerCheck c) {
        List<ContainerRow> rows = docker.listContainers(true, Map.of()).stream()
                .filter(r -> !RunIdentity.isManaged(r.labels()))
                .toList();
        if (c.name() != null) {
            Optional<ContainerRow> row = rows.stream().filter(r -> r.name().equals(c.name())).findFirst();
            if (!c.mustExist()) {
                return row.map(r -> Verdict.fail(UnmetCondition.of("container", "exists", c.name(), r.state())))
                        .orElseGet(() -> Verdict.pass(Map.of("name", c.name())));
            }
            return row.map(r -> conditions.judge(c, r))
                    .orElseGet(() -> Verdict.fail(UnmetCondition.absent("container", "missing", c.name())));
        }
        Optional<Docker.ImageRow> image = ImageRefs.find(docker.listImages(Map.of()), c.image());
        List<ContainerRow> candidates = rows.stream()
                .filter(r -> since == null || r.createdEpochSeconds() >= since.getEpochSecond())
                .filter(r -> prefix.isEmpty() || r.name().startsWith(prefix))
                .filter(r -> ImageRefs.sameImage(r.image(), null, c.image(), image))
                .toList();
        Verdict best = null;
        for (ContainerRow candidate : candidates) {
            Verdict verdict = conditions.judge(c, candidate);
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
        return Verdict.fail(prefix.isEmpty() ? UnmetCondition.absent("container", "none", c.image())
                : new UnmetCondition("oefen.miss.container.none.prefix", List.of(c.image(), prefix), "none", true));
    }
}
