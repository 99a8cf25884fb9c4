package nl.dockerles.practice;

import nl.dockerles.content.Text;
import nl.dockerles.engine.Names;

import java.util.List;
import java.util.Set;

/**
 * The exercises of one section (demos/oefen/&lt;section&gt;.yaml).
 *
 * @param names the names the student gives to containers, images and volumes in these exercises: with
 *              --prefix jan they become jan-web, in the texts as in the checks
 */
public record ExerciseSet(String section, Text intro, List<String> names, List<Exercise> exercises) {

    public ExerciseSet {
        names = names == null ? List.of() : List.copyOf(names);
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }

    public Names namer(String prefix) {
        return new Names(prefix, Set.copyOf(names));
    }

    public ExerciseSet named(Names namer) {
        return new ExerciseSet(section, Exercise.named(intro, namer), names, exercises.stream().map(e -> e.named(namer)).toList());
    }

    public int indexOf(String exerciseId) {
        for (int i = 0; i < exercises.size(); i++) {
            if (exercises.get(i).id().equals(exerciseId)) {
                return i;
            }
        }
        return -1;
    }
}
