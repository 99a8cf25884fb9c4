package nl.dockerles.practice;

import java.util.Map;

/**
 * The judgement of an exercise at one moment: done, or the first condition that does not hold. {@code facts}
 * are what the done text may show: {name}, {id}, {image}, {port}, {url}, {restarts}, {exitCode}, {status}.
 */
public record Verdict(boolean done, UnmetCondition unmet, Map<String, String> facts) {

    public Verdict {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    static Verdict pass(Map<String, String> facts) {
        return new Verdict(true, null, facts);
    }

    static Verdict fail(UnmetCondition unmet) {
        return new Verdict(false, unmet, Map.of());
    }

    /** The message key naming a check this daemon could not make (Podman and -d), when the judge left one out. */
    public java.util.Optional<String> uncheckedNote() {
        return java.util.Optional.ofNullable(facts.get("unchecked")).map(check -> "oefen.unchecked." + check);
    }

    /** How far a candidate got: the index of the failed condition in its kind's order (a pass is furthest). */
    int progress(java.util.List<String> order) {
        return done ? Integer.MAX_VALUE : order.indexOf(unmet.condition());
    }
}
