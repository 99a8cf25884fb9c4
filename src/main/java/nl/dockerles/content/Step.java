package nl.dockerles.content;

import java.util.List;
import java.util.Map;

/**
 * One step of a section: what the presenter says, the docker command (written once, run as written)
 * or a named action, what is typed into an interactive shell, and the note after the real output.
 *
 * @param action  a named action instead of a docker command (an HTTP probe, the restart timetable, ...)
 * @param with    the action's settings
 * @param files   files written into the run's {workdir} before the step (path → content), e.g. a Dockerfile
 * @param typed   lines the presenter "types" into the shell of a {@code run -it} or {@code start -ai}
 * @param end     how the interactive shell is left: {@code ctrl-d} (ends it) or {@code detach} (Ctrl-P Ctrl-Q)
 * @param extract facts taken from the step's output for the note: name → regex with one group
 * @param undo    for r: what dockerles does itself before the step runs again, where the step changed data inside
 *                a container that the snapshot of containers, images, volumes and folder does not see (null: none)
 */
public record Step(Text title, Text explain, String command, String action, Map<String, String> with,
                   Map<String, String> files, List<String> typed, String end, Text note,
                   Map<String, String> extract, Undo undo) {

    public static final String END_CTRL_D = "ctrl-d";
    public static final String END_DETACH = "detach";

    /**
     * r's own work before a step that changed data inside a container runs again.
     *
     * @param command a {@code docker exec} in the step's container that puts its data back (DROP TABLE, ...); never
     *                shown as a command
     * @param said    what it did, in words, for the line "first put back as it was before this step: ..."
     */
    public record Undo(String command, Text said) {
    }

    /** A step without r's own work. */
    public Step(Text title, Text explain, String command, String action, Map<String, String> with,
                Map<String, String> files, List<String> typed, String end, Text note, Map<String, String> extract) {
        this(title, explain, command, action, with, files, typed, end, note, extract, null);
    }

    public Step {
        typed = typed == null ? List.of() : List.copyOf(typed);
        with = with == null ? Map.of() : Map.copyOf(with);
        files = files == null ? Map.of() : new java.util.TreeMap<>(files);
        extract = extract == null ? Map.of() : Map.copyOf(extract);
        end = end == null ? END_CTRL_D : end;
    }
}
