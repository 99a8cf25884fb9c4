package nl.dockerles.practice;

import java.util.List;

/**
 * Why a check does not hold (yet): a message key ({@code oefen.miss.container.publishes}) with its values, and
 * the condition it is about, for the exercise's own extra words.
 *
 * @param absent nothing to judge yet (no such container): the normal state before the student starts, so the
 *               watcher does not call it out
 */
public record UnmetCondition(String key, List<Object> args, String condition, boolean absent) {

    /** Values as text: a port 8080 must not become "8.080" in a Dutch MessageFormat. */
    public UnmetCondition {
        args = args.stream().map(a -> (Object) String.valueOf(a)).toList();
    }

    static UnmetCondition of(String kind, String condition, Object... args) {
        return new UnmetCondition("oefen.miss." + kind + "." + condition, List.of(args), condition, false);
    }

    static UnmetCondition absent(String kind, String condition, Object... args) {
        return new UnmetCondition("oefen.miss." + kind + "." + condition, List.of(args), condition, true);
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
