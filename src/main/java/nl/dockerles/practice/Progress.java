package nl.dockerles.practice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a student has done, per section: the exercises done (and when), and when each open exercise began (a
 * container found by image only counts from then on). Stored as JSON by {@link ProgressStore}.
 */
public final class Progress {
    public int version = 1;
    public Map<String, SectionProgress> sections = new TreeMap<>();

    /** One section; exercise ids to ISO-8601 moments. */
    public static final class SectionProgress {
        public Map<String, String> done = new LinkedHashMap<>();
        public Map<String, String> started = new LinkedHashMap<>();
    }

    private SectionProgress section(String section) {
        return sections.computeIfAbsent(section, s -> new SectionProgress());
    }

    public boolean isDone(String section, String exercise) {
        SectionProgress p = sections.get(section);
        return p != null && p.done.containsKey(exercise);
    }

    public void markDone(String section, String exercise, Instant when) {
        SectionProgress p = section(section);
        p.done.put(exercise, when.toString());
        p.started.remove(exercise);
    }

    public Optional<Instant> started(String section, String exercise) {
        SectionProgress p = sections.get(section);
        String when = p == null ? null : p.started.get(exercise);
        try {
            return when == null ? Optional.empty() : Optional.of(Instant.parse(when));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The exercise begins now, unless it began before (then that moment stays). */
    public Instant start(String section, String exercise, Instant now) {
        Optional<Instant> before = started(section, exercise);
        if (before.isPresent()) {
            return before.get();
        }
        section(section).started.put(exercise, now.toString());
        return now;
    }

    public int doneCount(ExerciseSet set) {
        return (int) set.exercises().stream().filter(e -> isDone(set.section(), e.id())).count();
    }

    public int doneCount() {
        return sections.values().stream().mapToInt(p -> p.done.size()).sum();
    }

    /** The first exercise not done yet, or -1 when all are. */
    public int firstOpen(ExerciseSet set) {
        for (int i = 0; i < set.exercises().size(); i++) {
            if (!isDone(set.section(), set.exercises().get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    public void reset(String section) {
        sections.remove(section);
    }

    public void resetAll() {
        sections.clear();
    }
}
