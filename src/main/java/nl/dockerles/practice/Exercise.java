package nl.dockerles.practice;

import nl.dockerles.content.Text;
import nl.dockerles.engine.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exercise: a task the student does with the docker CLI in another terminal, and the checks that say it is
 * done (all of them must hold).
 *
 * @param check     the check, when there is one (else {@code checks})
 * @param hintAfter seconds without success before the hint appears by itself (default 60)
 * @param hint      the general hint: after {@code hintAfter} seconds, or on {@code h}
 * @param solution  the docker commands that do it (a second {@code h} shows them), one per line
 * @param hints     extra words for a specific miss, by condition ("publishes", "running", ...)
 * @param done      what the student just saw, once it is done; {name}, {port}, {url}, ... are filled in
 */
public record Exercise(String id, Text title, Text task, Text hint, String solution, Integer hintAfter,
                       Check check, List<Check> checks, Map<String, Text> hints, Text done) {
    public static final int DEFAULT_HINT_SECONDS = 60;

    public Exercise {
        checks = checks == null ? List.of() : List.copyOf(checks);
        hints = hints == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(hints));
    }

    /** Every check, {@code check} first. */
    public List<Check> allChecks() {
        List<Check> all = new ArrayList<>();
        if (check != null) {
            all.add(check);
        }
        all.addAll(checks);
        return all;
    }

    public Duration hintDelay() {
        return Duration.ofSeconds(hintAfter == null ? DEFAULT_HINT_SECONDS : hintAfter);
    }

    /** With --prefix: the names in the checks, the texts and the solution become the student's own. */
    public Exercise named(Names names) {
        Map<String, Text> namedHints = new LinkedHashMap<>();
        hints.forEach((condition, text) -> namedHints.put(condition, named(text, names)));
        return new Exercise(id, named(title, names), named(task, names), named(hint, names), names.apply(solution),
                hintAfter, check == null ? null : check.named(names),
                checks.stream().map(c -> c.named(names)).toList(), namedHints, named(done, names));
    }

    static Text named(Text text, Names names) {
        if (text == null) {
            return null;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        text.byLanguage().forEach((language, value) -> byLanguage.put(language, names.apply(value)));
        return new Text(byLanguage);
    }
}
