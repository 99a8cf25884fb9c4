package nl.dockerles.practice;

import java.util.Map;

/**
 * The judgement of an exercise at one moment: done, or the first miss. {@code facts} are what the done text
 * may show: {name}, {id}, {image}, {port}, {url}, {restarts}, {exitCode}, {status}.
 */
public record Verdict(boolean done, Miss miss, Map<String, String> facts) {

    public Verdict {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    static Verdict pass(Map<String, String> facts) {
        return new Verdict(true, null, facts);
    }

    static Verdict fail(Miss miss) {
        return new Verdict(false, miss, Map.of());
    }

    /** How far a candidate got: the index of the failed condition in its kind's order (a pass is furthest). */
    int progress(java.util.List<String> order) {
        return done ? Integer.MAX_VALUE : order.indexOf(miss.condition());
    }
}
