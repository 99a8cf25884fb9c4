package nl.dockerles.practice;

import java.util.List;

/** A container check that does not hold, as a verdict with its message ({@code oefen.miss.container.…}). */
final class ContainerMisses {
    private ContainerMisses() {
    }

    static Verdict fail(String condition, Object... args) {
        return Verdict.fail(Miss.of("container", condition, args));
    }

    /** A miss of {@code condition} told with another message ({@code oefen.miss.container.<key>}). */
    static Verdict failAs(String condition, String key, Object... args) {
        return Verdict.fail(new Miss("oefen.miss.container." + key, List.of(args), condition, false));
    }
}
