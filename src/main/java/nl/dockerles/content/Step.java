package nl.dockerles.content;

import java.util.List;
import java.util.Map;

/**
 * One step of a section: what the presenter says, the docker command (written once, run as written)
 * or a named action, what is typed into an interactive shell, and the note after the real output.
 *
 * @param typed   lines the presenter "types" into the shell of a {@code run -it} or {@code start -ai}
 * @param end     how the interactive shell is left: {@code ctrl-d} (ends it) or {@code detach} (Ctrl-P Ctrl-Q)
 * @param extract facts taken from the step's output for the note: name → regex with one group
 */
public record Step(Text title, Text explain, String command, String action, List<String> typed, String end,
                   Text note, Map<String, String> extract) {

    public static final String END_CTRL_D = "ctrl-d";
    public static final String END_DETACH = "detach";

    public Step {
        typed = typed == null ? List.of() : List.copyOf(typed);
        extract = extract == null ? Map.of() : Map.copyOf(extract);
        end = end == null ? END_CTRL_D : end;
    }
}
