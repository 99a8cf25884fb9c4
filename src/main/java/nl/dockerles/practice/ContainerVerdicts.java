package nl.dockerles.practice;

import java.util.List;

/** The verdicts of a container check that does not hold, each with its message ({@code oefen.miss.container.…}). */
final class ContainerVerdicts {
    private ContainerVerdicts() {
    }

    static Verdict fail(String condition, Object... args) {
        return Verdict.fail(UnmetCondition.of("container", condition, args));
    }

    /** A miss of {@code condition} told with another message ({@code oefen.miss.container.<key>}). */
    static Verdict failAs(String condition, String key, Object... args) {
        return Verdict.fail(new UnmetCondition("oefen.miss.container." + key, List.of(args), condition, false));
    }
}
